package dev.userpool.auth;

import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.validation.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AWS Signature Version 4 for the IAM operations (sources §1.5); public operations pass whether
 * signed or not, and their signature is ignored. Checks run in the order AWS's JSON front end runs
 * them, each failure answering the error AWS answers (400, as Cognito does):
 *
 * <ol>
 *   <li>no {@code Authorization} header, or not an {@code AWS4-} one:
 *       MissingAuthenticationTokenException;
 *   <li>Credential, SignedHeaders, Signature or X-Amz-Date missing: IncompleteSignatureException;
 *   <li>X-Amz-Date more than 5 minutes from the server clock: InvalidSignatureException "Signature
 *       expired" / "Signature not yet current";
 *   <li>{@code host} not signed: InvalidSignatureException; algorithm other than AWS4-HMAC-SHA256
 *       or a credential without 5 parts: IncompleteSignatureException;
 *   <li>credential scope not {@code <date of X-Amz-Date>/<deployment
 *       region>/cognito-idp/aws4_request}: InvalidSignatureException naming each wrong part (any
 *       region in local mode);
 *   <li>unknown access key id: UnrecognizedClientException;
 *   <li>signature (or a present {@code X-Amz-Content-Sha256}) not matching:
 *       InvalidSignatureException;
 *   <li>a signature already accepted within its window: InvalidSignatureException (Userpool's own
 *       check, see {@link ReplayGuard}).
 * </ol>
 */
public final class SigV4Authenticator implements RequestAuthenticator {
  public static final String SERVICE = "cognito-idp";
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);
  static final String MISMATCH = ErrorCode.INVALID_SIGNATURE.defaultMessage();
  static final String REPLAYED =
      "Signature has already been used: this signed request was accepted before. Sign every request anew.";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final AdminKeys keys;
  private final Clock clock;
  private final String region;
  private final ReplayGuard replays;

  /**
   * @param region the only region a credential scope may name; null accepts any (local mode)
   */
  public SigV4Authenticator(AdminKeys keys, Clock clock, String region, ReplayGuard replays) {
    this.keys = keys;
    this.clock = clock;
    this.region = region;
    this.replays = replays;
  }

  public SigV4Authenticator(AdminKeys keys, Clock clock, String region) {
    this(keys, clock, region, new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY));
  }

  @Override
  public void authenticate(ApiRequest request, ServiceModel.OperationShape operation) {
    if (!operation.requiresSigV4()) {
      return;
    }
    String header = request.header("Authorization");
    if (header == null || !header.strip().startsWith("AWS4-")) {
      throw ErrorCode.MISSING_AUTHENTICATION_TOKEN.exception();
    }
    String amzDate = request.header("X-Amz-Date");
    SigV4Authorization authorization =
        SigV4Authorization.parse(header, amzDate != null && !amzDate.isBlank());
    amzDate = amzDate.strip();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant signedAt = parseDate(amzDate);
    checkClock(amzDate, signedAt, now);
    if (!authorization.signedHeaders().contains("host")) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    if (!authorization.algorithm().equals(CanonicalRequest.ALGORITHM)) {
      throw ErrorCode.INCOMPLETE_SIGNATURE.exception(
          "Unsupported AWS 'algorithm': '%s' (only AWS4-HMAC-SHA256 for now). ",
          authorization.algorithm());
    }
    String[] scope = scopeParts(authorization.credential());
    checkScope(scope, amzDate);
    String secret = keys.secretFor(scope[0]).orElseThrow(ErrorCode.UNRECOGNIZED_CLIENT::exception);

    String payloadHash = CanonicalRequest.sha256Hex(request.body());
    String declaredHash = request.header("X-Amz-Content-Sha256");
    if (declaredHash != null && !declaredHash.strip().equalsIgnoreCase(payloadHash)) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          MISMATCH); // UNSIGNED-PAYLOAD included: the body must be signed
    }
    String canonical = CanonicalRequest.of(request, authorization.signedHeaders(), payloadHash);
    String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
    String expected =
        CanonicalRequest.signature(
            secret,
            scope[1],
            scope[2],
            scope[3],
            CanonicalRequest.stringToSign(amzDate, credentialScope, canonical));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw ErrorCode.INVALID_SIGNATURE.exception(MISMATCH);
    }
    if (!replays.firstUse(authorization.signature(), signedAt.plus(MAX_SKEW).plusSeconds(1), now)) {
      throw ErrorCode.INVALID_SIGNATURE.exception(REPLAYED);
    }
  }

  private static Instant parseDate(String amzDate) {
    try {
      return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ErrorCode.INCOMPLETE_SIGNATURE.exception(
          "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601",
          amzDate);
    }
  }

  /**
   * AWS's wording, e.g. "Signature expired: 20151120T200815Z is now earlier than 20151120T201846Z
   * (20151120T202346Z - 5 min.)".
   */
  private static void checkClock(String amzDate, Instant signedAt, Instant now) {
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "Signature expired: %s is now earlier than %s (%s - 5 min.)",
          amzDate, AMZ_DATE.format(now.minus(MAX_SKEW)), AMZ_DATE.format(now));
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw ErrorCode.INVALID_SIGNATURE.exception(
          "Signature not yet current: %s is still later than %s (%s + 5 min.)",
          amzDate, AMZ_DATE.format(now.plus(MAX_SKEW)), AMZ_DATE.format(now));
    }
  }

  private static String[] scopeParts(String credential) {
    String trimmed = credential;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1); // AWS ignores trailing slashes here
    }
    String[] parts = trimmed.split("/", -1);
    if (parts.length != 5) {
      throw ErrorCode.INCOMPLETE_SIGNATURE.exception(
          "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '%s'",
          credential);
    }
    return parts;
  }

  private void checkScope(String[] scope, String amzDate) {
    List<String> problems = new ArrayList<>();
    if (region != null && !region.equals(scope[2])) {
      problems.add("Credential should be scoped to a valid region, not '" + scope[2] + "'.");
    }
    if (!SERVICE.equals(scope[3])) {
      problems.add("Credential should be scoped to correct service: '" + SERVICE + "'.");
    }
    if (!"aws4_request".equals(scope[4])) {
      problems.add(
          "Credential should be scoped with a valid terminator: 'aws4_request', not '"
              + scope[4]
              + "'.");
    }
    String day = amzDate.substring(0, 8);
    if (!day.equals(scope[1])) {
      problems.add(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
              + scope[1]
              + "' != '"
              + day
              + "', from '"
              + amzDate
              + "'.");
    }
    if (!problems.isEmpty()) {
      throw ErrorCode.INVALID_SIGNATURE.exception(String.join(" ", problems));
    }
  }
}
