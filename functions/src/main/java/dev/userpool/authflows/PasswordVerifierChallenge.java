package dev.userpool.authflows;

import dev.userpool.crypto.ConstantTime;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answer to PASSWORD_VERIFIER (sources §7.3, §7.4): PASSWORD_CLAIM_SECRET_BLOCK (the
 * SECRET_BLOCK sent), TIMESTAMP and PASSWORD_CLAIM_SIGNATURE. The state comes out of the sealed
 * block, not a Session; the user is re-read by sub. The signature is HMAC'd over the client's
 * TIMESTAMP bytes verbatim and compared in constant time.
 */
public final class PasswordVerifierChallenge implements ChallengeResponder {
  /** ACIJ's format: English names, unpadded day, UTC (sources §7.4). */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

  /** The shape of that format; a zero-padded day was refused by real Cognito (warrant#12). */
  private static final Pattern TIMESTAMP_SHAPE =
      Pattern.compile(
          "[A-Z][a-z]{2} [A-Z][a-z]{2} [1-9][0-9]? [0-9]{2}:[0-9]{2}:[0-9]{2} UTC [0-9]{4}");

  /** How far TIMESTAMP may be from the server's clock (Cognito's window is unconfirmed). */
  static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

  private final UserAccounts users;
  private final AccountProtection protection;
  private final SecretBlocks blocks;
  private final SignInCompletion completion;
  private final AuthenticationHooks hooks;
  private final CustomAuthSequence customAuth;

  public PasswordVerifierChallenge(
      UserAccounts users,
      AccountProtection protection,
      SecretBlocks blocks,
      SignInCompletion completion,
      AuthenticationHooks hooks,
      CustomAuthSequence customAuth) {
    this.users = users;
    this.protection = protection;
    this.blocks = blocks;
    this.completion = completion;
    this.hooks = hooks;
    this.customAuth = customAuth;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    responses.require("USERNAME");
    String block = responses.require("PASSWORD_CLAIM_SECRET_BLOCK");
    String signature = responses.require("PASSWORD_CLAIM_SIGNATURE");
    String timestamp = responses.require("TIMESTAMP");
    SecretBlocks.SrpState state =
        blocks
            .open(block)
            .filter(
                s ->
                    s.poolId().equals(ctx.pool().id())
                        && s.clientId().equals(ctx.client().clientId()))
            .orElseThrow(PasswordVerifierChallenge::incorrect); // wording guessed
    if (!ctx.now().isBefore(state.expiresAt())) {
      throw ChallengeSessions.expired(); // wording guessed for SRP
    }
    SecretHashCheck.require(ctx.client(), state.userIdForSrp(), responses.optional("SECRET_HASH"));
    requireTimely(timestamp, ctx.now());
    if (state.sub() == null) {
      throw incorrect(); // the simulated handshake of an unknown user
    }
    User user =
        users.findBySub(ctx.pool(), state.sub()).orElseThrow(PasswordVerifierChallenge::incorrect);
    protection.beforePassword(ctx, user);
    hooks.beforeAuthentication(ctx, user);
    if (user.password() == null || !signatureHolds(ctx, user, state, block, timestamp, signature)) {
      throw protection.wrongPassword(ctx, user);
    }
    User accepted = protection.passwordAccepted(ctx, user);
    if (state.customAuth()) {
      return customAuth.passwordVerified(ctx, accepted, session); // back to DefineAuthChallenge
    }
    return completion.passwordAccepted(ctx, accepted, responses.optional("DEVICE_KEY"));
  }

  private static boolean signatureHolds(
      SignInContext ctx,
      User user,
      SecretBlocks.SrpState state,
      String block,
      String timestamp,
      String signature) {
    byte[] key =
        Srp6a.ServerSession.restore(user.password().verifierHex(), state.privateKeyHex())
            .passwordAuthenticationKey(state.srpA());
    String expected =
        Srp6a.expectedSignature(
            key,
            ctx.pool().srpPoolName(),
            user.username(),
            Base64.getDecoder().decode(block),
            timestamp);
    return ConstantTime.equals(expected, signature);
  }

  /**
   * TIMESTAMP in ACIJ's format and within {@link #ALLOWED_SKEW} of now; otherwise like a wrong
   * password.
   */
  static void requireTimely(String timestamp, Instant now) {
    if (!TIMESTAMP_SHAPE.matcher(timestamp).matches()) {
      throw incorrect();
    }
    Instant at;
    try {
      at = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw incorrect();
    }
    if (Duration.between(at, now).abs().compareTo(ALLOWED_SKEW) > 0) {
      throw incorrect();
    }
  }

  private static CognitoException incorrect() {
    return ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.");
  }
}
