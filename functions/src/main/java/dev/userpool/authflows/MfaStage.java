package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second-factor stage of a sign-in, between the first factor (password, SRP, a new password)
 * and tokens. Reads the pool's MfaConfiguration and the user's factors: OFF → none; a user with no
 * usable factor → none when OPTIONAL, MFA_SETUP (MFAS_CAN_SETUP) when ON; one factor, or the
 * preferred one → its challenge; several and none preferred → SELECT_MFA_TYPE (MFAS_CAN_CHOOSE). A
 * hook for "this sign-in needs no MFA" (e.g. a remembered device) belongs in front of {@link
 * #challenge}.
 */
public final class MfaStage {
  public static final String SELECT_MFA_TYPE = "SELECT_MFA_TYPE";
  public static final String MFA_SETUP = "MFA_SETUP";

  /** User extension set by import-cognito for users whose source pool had TOTP enabled for them. */
  public static final String SOFTWARE_TOKEN_TO_REENROL = "softwareTokenToReenrol";

  /**
   * The internal challenge of the Session VerifySoftwareToken returns: only it completes MFA_SETUP.
   */
  public static final String MFA_SETUP_VERIFIED = "MFA_SETUP:VERIFIED";

  /**
   * Wrong codes one Session may carry before it is used up (Cognito's per-session number is not
   * documented; three is this implementation's choice, see docs/adr/0011-mfa.md).
   */
  public static final int MAX_CODE_ATTEMPTS = 3;

  private final ChallengeSessions sessions;
  private final MfaCodes codes;

  public MfaStage(ChallengeSessions sessions) {
    this(sessions, MfaCodes.NONE);
  }

  public MfaStage(ChallengeSessions sessions, MfaCodes codes) {
    this.sessions = sessions;
    this.codes = codes;
  }

  /** The MFA challenge this sign-in must answer before tokens, or empty when it needs none. */
  public Optional<AuthResult.Challenge> challenge(SignInContext ctx, User user) {
    PoolMfa pool = PoolMfa.of(ctx.pool());
    if (pool.off()) {
      return Optional.empty();
    }
    List<String> usable = usableFactors(pool, user);
    if (usable.isEmpty()) {
      if (!pool.required() && !reenrols(pool, user)) {
        return Optional.empty();
      }
      if (pool.required()
          && pool.sms()
          && codes != MfaCodes.NONE
          && present(user.attribute("phone_number"))) {
        // MFA required and SMS offered: a user with a phone number gets SMS codes without choosing
        // them (DG).
        return Optional.of(challengeFor(ctx, user, PoolMfa.SMS_MFA));
      }
      Map<String, String> p = new LinkedHashMap<>();
      p.put("MFAS_CAN_SETUP", Json.write(pool.factors()));
      p.put("USER_ID_FOR_SRP", user.username());
      return Optional.of(
          new AuthResult.Challenge(MFA_SETUP, p, sessions.openPortable(ctx, user, MFA_SETUP)));
    }
    String preferred = UserMfa.preferred(user).filter(usable::contains).orElse(null);
    if (preferred == null && usable.size() > 1) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("MFAS_CAN_CHOOSE", Json.write(usable));
      p.put("USER_ID_FOR_SRP", user.username());
      return Optional.of(
          new AuthResult.Challenge(SELECT_MFA_TYPE, p, sessions.open(ctx, user, SELECT_MFA_TYPE)));
    }
    return Optional.of(challengeFor(ctx, user, preferred != null ? preferred : usable.get(0)));
  }

  /**
   * Whether a sign-in of this user owes a second factor, as {@link #challenge} would decide it but
   * without sending a code.
   */
  public boolean owed(UserPool userPool, User user) {
    PoolMfa pool = PoolMfa.of(userPool);
    if (pool.off()) {
      return false;
    }
    return pool.required() || !usableFactors(pool, user).isEmpty() || reenrols(pool, user);
  }

  /**
   * Users imported from Cognito who had an authenticator app there: their TOTP secret could not be
   * read, so until they set one up here (MFA_SETUP) they keep owing it, even in an OPTIONAL pool.
   */
  private static boolean reenrols(PoolMfa pool, User user) {
    return Boolean.TRUE.equals(user.extensions().get(SOFTWARE_TOKEN_TO_REENROL))
        && pool.factors().contains(PoolMfa.SOFTWARE_TOKEN_MFA)
        && !UserMfa.softwareToken(user).verified();
  }

  /** The challenge of one factor the user may use; for SMS and email the code is sent now. */
  AuthResult.Challenge challengeFor(SignInContext ctx, User user, String factor) {
    Map<String, String> p = new LinkedHashMap<>();
    if (!factor.equals(PoolMfa.SOFTWARE_TOKEN_MFA)) {
      MfaCodes.Sent sent = codes.send(ctx, user, factor);
      p.put("CODE_DELIVERY_DELIVERY_MEDIUM", sent.medium());
      p.put("CODE_DELIVERY_DESTINATION", sent.maskedDestination());
    } else {
      String name = UserMfa.softwareToken(user).friendlyName();
      if (name != null && !name.isEmpty()) {
        p.put("FRIENDLY_DEVICE_NAME", name);
      }
    }
    p.put("USER_ID_FOR_SRP", user.username());
    return new AuthResult.Challenge(factor, p, sessions.open(ctx, user, factor));
  }

  /**
   * The factors the user enabled that it can answer now: TOTP needs a verified token (and keeps
   * working after the pool stops offering TOTP, DG); SMS and email need the pool to offer them, a
   * code channel and a destination.
   */
  List<String> usableFactors(PoolMfa pool, User user) {
    List<String> usable = new ArrayList<>();
    List<String> enabled = UserMfa.enabled(user);
    if (UserMfa.legacySms(user) && !enabled.contains(PoolMfa.SMS_MFA)) {
      enabled.add(0, PoolMfa.SMS_MFA); // MFAOptions of SetUserSettings
    }
    for (String factor : enabled) {
      boolean can =
          switch (factor) {
            case PoolMfa.SOFTWARE_TOKEN_MFA -> UserMfa.softwareToken(user).verified();
            case PoolMfa.SMS_MFA ->
                pool.sms() && codes != MfaCodes.NONE && present(user.attribute("phone_number"));
            case PoolMfa.EMAIL_OTP ->
                pool.email() && codes != MfaCodes.NONE && present(user.attribute("email"));
            default -> false;
          };
      if (can) {
        usable.add(factor);
      }
    }
    return usable;
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  /**
   * The user a consumed MFA Session belongs to, checked against the answer's USERNAME (the username
   * or a sign-in alias of the same user) and SECRET_HASH.
   */
  static User requireUser(
      SignInContext ctx, UserAccounts users, ChallengeSession session, Parameters responses) {
    User user =
        users
            .findBySub(ctx.pool(), session.sub())
            .orElseThrow(() -> ErrorCode.USER_NOT_FOUND.exception("User does not exist."));
    String username = responses.require("USERNAME");
    boolean same =
        username.equals(user.username())
            || users
                .findForSignIn(ctx.pool(), username)
                .map(u -> u.sub().equals(user.sub()))
                .orElse(false);
    if (!same) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Incorrect username or password."); // wording guessed
    }
    SecretHashCheck.require(ctx.client(), user.username(), responses.optional("SECRET_HASH"));
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    return user;
  }

  /**
   * CodeMismatchException "Invalid code or auth state for the user." (observed,
   * aws-amplify/amplify-js#3066).
   */
  static CognitoException codeMismatch() {
    return ErrorCode.CODE_MISMATCH.exception("Invalid code or auth state for the user.");
  }
}
