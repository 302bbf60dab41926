package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.domain.VerifiedFlag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to SMS_MFA (SMS_MFA_CODE) or EMAIL_OTP (EMAIL_OTP_CODE): the code sent when the
 * challenge was issued. A wrong code answers CodeMismatchException and leaves the Session usable
 * for {@value MfaStage#MAX_CODE_ATTEMPTS} wrong codes in all. A right SMS code also marks
 * phone_number verified, as Cognito does (knowledge center, "How do I troubleshoot MFA errors");
 * likewise email_verified for an email code.
 */
public final class MfaCodeChallenge implements ChallengeResponder {
  private final String challengeName;
  private final String codeParameter;
  private final String verifiedAttribute;
  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final AccountProtection protection;
  private final MfaCodes codes;
  private final SignInCompletion completion;

  private MfaCodeChallenge(
      String challengeName,
      String codeParameter,
      String verifiedAttribute,
      UserAccounts users,
      ChallengeSessions sessions,
      AccountProtection protection,
      MfaCodes codes,
      SignInCompletion completion) {
    this.challengeName = challengeName;
    this.codeParameter = codeParameter;
    this.verifiedAttribute = verifiedAttribute;
    this.users = users;
    this.sessions = sessions;
    this.protection = protection;
    this.codes = codes;
    this.completion = completion;
  }

  public static MfaCodeChallenge sms(
      UserAccounts users,
      ChallengeSessions sessions,
      AccountProtection protection,
      MfaCodes codes,
      SignInCompletion completion) {
    return new MfaCodeChallenge(
        PoolMfa.SMS_MFA,
        "SMS_MFA_CODE",
        "phone_number_verified",
        users,
        sessions,
        protection,
        codes,
        completion);
  }

  public static MfaCodeChallenge email(
      UserAccounts users,
      ChallengeSessions sessions,
      AccountProtection protection,
      MfaCodes codes,
      SignInCompletion completion) {
    return new MfaCodeChallenge(
        PoolMfa.EMAIL_OTP,
        "EMAIL_OTP_CODE",
        "email_verified",
        users,
        sessions,
        protection,
        codes,
        completion);
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, challengeName);
    User user = MfaStage.requireUser(ctx, users, taken, responses);
    String code = responses.require(codeParameter);
    protection.beforeSecondFactor(ctx, user);
    if (!codes.accept(ctx, user, code)) {
      protection.wrongSecondFactor(ctx, user);
      sessions.allowRetry(taken, MfaStage.MAX_CODE_ATTEMPTS);
      throw MfaStage.codeMismatch();
    }
    user = protection.secondFactorAccepted(ctx, user);
    return completion.afterSecondFactor(
        ctx,
        markVerified(ctx, user),
        TokenGenerationSource.AUTHENTICATION,
        responses.optional("DEVICE_KEY"));
  }

  private User markVerified(SignInContext ctx, User user) {
    if (VerifiedFlag.isTrue(user.attribute(verifiedAttribute))) {
      return user;
    }
    try {
      return users.update(
          ctx.pool(),
          user,
          u -> {
            Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
            attributes.put(verifiedAttribute, "true");
            return u.withAttributes(attributes, ctx.now());
          });
    } catch (RuntimeException e) {
      return user; // e.g. another user holds the value as a verified alias: signing in matters more
      // (our choice)
    }
  }
}
