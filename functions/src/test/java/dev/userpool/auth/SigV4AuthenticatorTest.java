package dev.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.testing.MutableClock;
import dev.userpool.validation.ServiceModel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the AWS SDK v2's own SigV4 signer, then verified; every tampering is caught.
 */
class SigV4AuthenticatorTest {
  private static final ServiceModel MODEL = ServiceModel.load();
  private static final ServiceModel.OperationShape IAM = MODEL.operation("ListUserPools");
  private static final ServiceModel.OperationShape PUBLIC = MODEL.operation("SignUp");
  private static final String KEY = "UPADMINAAAABBBBCCCC";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String BODY = "{\"MaxResults\":10}";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final MutableClock clock = MutableClock.at(NOW);
  private final SigV4Authenticator deployed =
      new SigV4Authenticator(AdminKeys.of(Map.of(KEY, SECRET)), clock, "us-east-1");

  @Test
  void whenSignedBySdkWithAdminKeyThenAccepted() {
    assertDoesNotThrow(() -> deployed.authenticate(signed(b -> b), IAM));
  }

  @Test
  void whenNoAuthorizationThenMissingAuthenticationToken() {
    ApiRequest unsigned =
        new ApiRequest("POST", "/", Map.of("X-Amz-Target", target()), bytes(BODY), null);
    CognitoException e = rejected(unsigned);
    assertEquals(ErrorCode.MISSING_AUTHENTICATION_TOKEN, e.code());
    assertEquals("Missing Authentication Token", e.getMessage());
  }

  @Test
  void whenAuthorizationIsNotSigV4ThenMissingAuthenticationToken() {
    ApiRequest bearer =
        new ApiRequest("POST", "/", Map.of("Authorization", "Bearer abc"), bytes(BODY), null);
    assertEquals(ErrorCode.MISSING_AUTHENTICATION_TOKEN, rejected(bearer).code());
  }

  @Test
  void whenPublicOperationIsUnsignedOrBadlySignedThenAccepted() {
    ApiRequest unsigned = new ApiRequest("POST", "/", Map.of(), bytes(BODY), null);
    assertDoesNotThrow(() -> deployed.authenticate(unsigned, PUBLIC));
    ApiRequest wrongKey =
        signedWith("AKIDUNKNOWN", "nope", "eu-west-1", "cognito-idp", NOW, b -> b);
    assertDoesNotThrow(() -> deployed.authenticate(wrongKey, PUBLIC));
  }

  @Test
  void whenAccessKeyIsUnknownThenUnrecognizedClient() {
    CognitoException e =
        rejected(signedWith("AKIDUNKNOWN", SECRET, "us-east-1", "cognito-idp", NOW, b -> b));
    assertEquals(ErrorCode.UNRECOGNIZED_CLIENT, e.code());
    assertEquals("The security token included in the request is invalid.", e.getMessage());
  }

  @Test
  void whenSecretIsWrongThenInvalidSignature() {
    CognitoException e =
        rejected(signedWith(KEY, SECRET + "x", "us-east-1", "cognito-idp", NOW, b -> b));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(
        "The request signature we calculated does not match the signature you provided. Check your AWS"
            + " Secret Access Key and signing method. Consult the service documentation for details.",
        e.getMessage());
  }

  @Test
  void whenBodyIsTamperedThenInvalidSignature() {
    ApiRequest good = signed(b -> b);
    ApiRequest tampered =
        new ApiRequest("POST", "/", good.headers(), bytes("{\"MaxResults\":60}"), null);
    assertEquals(ErrorCode.INVALID_SIGNATURE, rejected(tampered).code());
  }

  @Test
  void whenSignedHeaderIsTamperedThenInvalidSignature() {
    ApiRequest good = signed(b -> b);
    Map<String, String> headers = new LinkedHashMap<>(good.headers());
    headers.put("X-Amz-Target", "AWSCognitoIdentityProviderService.DeleteUserPool");
    assertEquals(
        ErrorCode.INVALID_SIGNATURE,
        rejected(new ApiRequest("POST", "/", headers, good.body(), null)).code());
  }

  @Test
  void whenUnsignedHeaderIsAddedThenStillAccepted() {
    ApiRequest good = signed(b -> b);
    Map<String, String> headers = new LinkedHashMap<>(good.headers());
    headers.put("X-Forwarded-For", "203.0.113.9");
    assertDoesNotThrow(
        () -> deployed.authenticate(new ApiRequest("POST", "/", headers, good.body(), null), IAM));
  }

  @Test
  void whenDateIsMoreThanFiveMinutesOldThenSignatureExpired() {
    ApiRequest old =
        signedWith(
            KEY, SECRET, "us-east-1", "cognito-idp", NOW.minus(Duration.ofMinutes(6)), b -> b);
    CognitoException e = rejected(old);
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(
        "Signature expired: 20250601T115400Z is now earlier than 20250601T115500Z"
            + " (20250601T120000Z - 5 min.)",
        e.getMessage());
  }

  @Test
  void whenDateIsMoreThanFiveMinutesAheadThenSignatureNotYetCurrent() {
    ApiRequest ahead =
        signedWith(
            KEY, SECRET, "us-east-1", "cognito-idp", NOW.plus(Duration.ofMinutes(6)), b -> b);
    CognitoException e = rejected(ahead);
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(
        "Signature not yet current: 20250601T120600Z is still later than 20250601T120500Z"
            + " (20250601T120000Z + 5 min.)",
        e.getMessage());
  }

  @Test
  void whenDateIsWithinFiveMinutesThenAccepted() {
    ApiRequest recent =
        signedWith(
            KEY, SECRET, "us-east-1", "cognito-idp", NOW.minus(Duration.ofMinutes(4)), b -> b);
    assertDoesNotThrow(() -> deployed.authenticate(recent, IAM));
  }

  @Test
  void whenSameSignedRequestIsSentTwiceThenSecondIsRejected() {
    ApiRequest request = signed(b -> b);
    deployed.authenticate(request, IAM);
    CognitoException e = rejected(request);
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(SigV4Authenticator.REPLAYED, e.getMessage());
  }

  @Test
  void whenRejectedThenSignatureIsNotRemembered() {
    ApiRequest request =
        signedWith(
            KEY, SECRET, "us-east-1", "cognito-idp", NOW.plus(Duration.ofMinutes(6)), b -> b);
    rejected(request);
    clock.advance(Duration.ofMinutes(2));
    assertDoesNotThrow(() -> deployed.authenticate(request, IAM));
  }

  @Test
  void whenRegionIsNotTheDeploymentsThenInvalidSignature() {
    CognitoException e = rejected(signedWith(KEY, SECRET, "eu-west-1", "cognito-idp", NOW, b -> b));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals("Credential should be scoped to a valid region, not 'eu-west-1'.", e.getMessage());
  }

  @Test
  void whenNoRegionIsConfiguredThenAnyRegionIsAccepted() {
    SigV4Authenticator local =
        new SigV4Authenticator(AdminKeys.of(Map.of(KEY, SECRET)), clock, null);
    assertDoesNotThrow(
        () ->
            local.authenticate(
                signedWith(KEY, SECRET, "eu-west-1", "cognito-idp", NOW, b -> b), IAM));
  }

  @Test
  void whenServiceIsNotCognitoThenInvalidSignature() {
    CognitoException e = rejected(signedWith(KEY, SECRET, "us-east-1", "execute-api", NOW, b -> b));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals("Credential should be scoped to correct service: 'cognito-idp'.", e.getMessage());
  }

  @Test
  void whenCredentialIsIncompleteThenIncompleteSignature() {
    ApiRequest good = signed(b -> b);
    Map<String, String> headers = new LinkedHashMap<>(good.headers());
    headers.put(
        "Authorization",
        good.header("Authorization").replaceFirst("Credential=[^,]+", "Credential=a/b/c"));
    CognitoException e = rejected(new ApiRequest("POST", "/", headers, good.body(), null));
    assertEquals(ErrorCode.INCOMPLETE_SIGNATURE, e.code());
  }

  @Test
  void whenSignatureParameterIsMissingThenIncompleteSignature() {
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + KEY
                + "/20250601/us-east-1/cognito-idp/aws4_request, SignedHeaders=host");
    CognitoException e = rejected(new ApiRequest("POST", "/", headers, bytes(BODY), null));
    assertEquals(ErrorCode.INCOMPLETE_SIGNATURE, e.code());
    assertEquals(
        "Authorization header requires 'Signature' parameter. Authorization header requires existence of"
            + " either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256",
        e.getMessage());
  }

  @Test
  void whenContentSha256DoesNotMatchBodyThenInvalidSignature() {
    ApiRequest good = signed(b -> b);
    Map<String, String> headers = new LinkedHashMap<>(good.headers());
    headers.put("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
    assertEquals(
        ErrorCode.INVALID_SIGNATURE,
        rejected(new ApiRequest("POST", "/", headers, good.body(), null)).code());
  }

  @Test
  void whenSignedBehindApiGatewayStageThenTheClientsPathIsVerified() {
    ApiRequest viaStage =
        signedAt(
            URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/prod/"),
            "/",
            "/prod/",
            null);
    assertDoesNotThrow(() -> deployed.authenticate(viaStage, IAM));
  }

  @Test
  void whenQueryStringIsSignedThenItIsPartOfTheCheck() {
    URI uri = URI.create("https://cognito-idp.us-east-1.amazonaws.com/?b=2&a=x%20y&a=w");
    assertDoesNotThrow(
        () -> deployed.authenticate(signedAt(uri, "/", "/", "b=2&a=x%20y&a=w"), IAM));
    assertEquals(
        ErrorCode.INVALID_SIGNATURE, rejected(signedAt(uri, "/", "/", "b=3&a=x%20y&a=w")).code());
  }

  // --- helpers
  // --------------------------------------------------------------------------------------------

  private CognitoException rejected(ApiRequest request) {
    return assertThrows(CognitoException.class, () -> deployed.authenticate(request, IAM));
  }

  private static String target() {
    return "AWSCognitoIdentityProviderService.ListUserPools";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ApiRequest signed(UnaryOperator<SdkHttpRequest.Builder> extra) {
    return signedWith(KEY, SECRET, "us-east-1", "cognito-idp", NOW, extra);
  }

  private static ApiRequest signedAt(URI uri, String path, String rawPath, String rawQuery) {
    SignedRequest signed =
        sign(
            KEY,
            SECRET,
            "us-east-1",
            "cognito-idp",
            NOW,
            SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri));
    return new ApiRequest("POST", path, flatten(signed), bytes(BODY), null, rawPath, rawQuery);
  }

  static ApiRequest signedWith(
      String key,
      String secret,
      String region,
      String service,
      Instant at,
      UnaryOperator<SdkHttpRequest.Builder> extra) {
    SdkHttpRequest.Builder builder =
        extra.apply(
            SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://cognito-idp." + region + ".amazonaws.com/")));
    SignedRequest signed = sign(key, secret, region, service, at, builder);
    return new ApiRequest("POST", "/", flatten(signed), bytes(BODY), null);
  }

  private static SignedRequest sign(
      String key,
      String secret,
      String region,
      String service,
      Instant at,
      SdkHttpRequest.Builder builder) {
    SdkHttpRequest request =
        builder
            .putHeader("X-Amz-Target", target())
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("amz-sdk-invocation-id", java.util.UUID.randomUUID().toString())
            .build();
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(AwsCredentialsIdentity.create(key, secret))
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(BODY))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
  }

  private static Map<String, String> flatten(SignedRequest signed) {
    Map<String, String> headers = new LinkedHashMap<>();
    signed.request().headers().forEach((k, v) -> headers.put(k, String.join(",", v)));
    return headers;
  }
}
