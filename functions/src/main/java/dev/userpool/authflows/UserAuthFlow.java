package dev.userpool.authflows;

import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * USER_AUTH, choice-based sign-in (developer guide, "Authentication with choice-based sign-in"):
 * with a PREFERRED_CHALLENGE the user can answer, that first factor starts at once — PASSWORD (with
 * PASSWORD: tokens or the next challenge), PASSWORD_SRP (with SRP_A: PASSWORD_VERIFIER), EMAIL_OTP
 * or SMS_OTP (a code is sent and the same-named challenge asks for it), WEB_AUTHN (the passkey
 * request options; {@link PasskeySignIn}). Without one, or with one the user cannot use, the answer
 * is SELECT_CHALLENGE listing AvailableChallenges, answered with ANSWER (and PASSWORD or SRP_A for
 * the password factors). A user who owes MFA (the pool requires it, or the user turned a factor on)
 * may start only with a password, or with a passkey that is itself MFA ({@link PasskeyMfa}); naming
 * another factor as PREFERRED_CHALLENGE is InvalidParameterException "Password Challenge is
 * Required to SignIn" (observed, docs/fidelity.md). The PASSWORD factor is USER_PASSWORD_AUTH's
 * check ({@link PasswordAuthFlow}): an unknown user who names it with a password goes to User
 * Migration, and a user imported from Cognito has the first password checked by the source pool.
 *
 * <p>Sessions of this flow carry internal challenge names ({@code USER_AUTH/...}) so that they can
 * never answer another flow's challenge of the same wire name (EMAIL_OTP is also an MFA challenge).
 */
public final class UserAuthFlow implements AuthFlow {
  static final String SELECT_CHALLENGE = "SELECT_CHALLENGE";
  static final String SESSION_PREFIX = "USER_AUTH/";

  private final UserAccounts users;
  private final AccountProtection protection;
  private final SignInCompletion completion;
  private final AuthenticationHooks hooks;
  private final ChallengeSessions sessions;
  private final SrpAuthFlow srp;
  private final SignInCodes codes;
  private final PasskeySignIn passkeys;
  private final PasswordAuthFlow password;
  private final MfaStage mfa;

  UserAuthFlow(
      UserAccounts users,
      AccountProtection protection,
      SignInCompletion completion,
      AuthenticationHooks hooks,
      ChallengeSessions sessions,
      SrpAuthFlow srp,
      SignInCodes codes,
      PasskeySignIn passkeys,
      PasswordAuthFlow password,
      MfaStage mfa) {
    this.password = password;
    this.mfa = mfa;
    this.users = users;
    this.protection = protection;
    this.completion = completion;
    this.hooks = hooks;
    this.sessions = sessions;
    this.srp = srp;
    this.codes = codes;
    this.passkeys = passkeys;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    String username = params.require("USERNAME");
    SecretHashCheck.require(ctx.client(), username, params.optional("SECRET_HASH"));
    String preferred = params.optional("PREFERRED_CHALLENGE").orElse(null);
    Optional<User> found = users.findForSignIn(ctx.pool(), username);
    if (found.isEmpty()
        && FirstFactors.PASSWORD.equals(preferred)
        && params.optional("PASSWORD").isPresent()
        && FirstFactors.allowedByPool(ctx.pool()).contains(FirstFactors.PASSWORD)) {
      // An unknown user with a password: User Migration, as USER_PASSWORD_AUTH runs it
      return completion.passwordAccepted(
          ctx, password.authenticate(ctx, username, params.require("PASSWORD")));
    }
    User user = found.orElseThrow(() -> AccountProtection.unknownUser(ctx));
    protection.beforePassword(ctx, user);
    List<String> offered = FirstFactors.available(ctx, user, codes, passkeys);
    List<String> available = narrowedByMfa(ctx, user, offered);
    if (preferred != null && available.contains(preferred)) {
      return start(ctx, user, preferred, params);
    }
    if (preferred != null && offered.contains(preferred)) {
      throw passwordRequired(ErrorCode.INVALID_PARAMETER);
    }
    if (available.isEmpty()) {
      // wording ours: the pool allows no first factor this user has
      throw ErrorCode.NOT_AUTHORIZED.exception("No sign-in method is available for this user.");
    }
    return new AuthResult.Challenge(
        SELECT_CHALLENGE,
        Map.of(),
        sessions.open(ctx, user, SESSION_PREFIX + SELECT_CHALLENGE),
        available);
  }

  /** The SELECT_CHALLENGE answer: ANSWER names one of the available challenges. */
  ChallengeResponder selectChallenge() {
    return (ctx, responses, session) -> {
      ChallengeSession issued = sessions.consume(ctx, session, SESSION_PREFIX + SELECT_CHALLENGE);
      User user = users.findBySub(ctx.pool(), issued.sub()).orElseThrow(ChallengeSessions::expired);
      String answer = responses.require("ANSWER");
      if (!narrowedByMfa(ctx, user, FirstFactors.available(ctx, user, codes, passkeys))
          .contains(answer)) {
        // wording ours
        throw ErrorCode.INVALID_PARAMETER.exception(
            "The challenge " + answer + " is not available for this user.");
      }
      return start(ctx, user, answer, responses);
    };
  }

  /** The EMAIL_OTP / SMS_OTP answer of this flow: EMAIL_OTP_CODE / SMS_OTP_CODE. */
  ChallengeResponder otpChallenge(String challenge) {
    return (ctx, responses, session) -> {
      ChallengeSession issued = sessions.consume(ctx, session, SESSION_PREFIX + challenge);
      User user = users.findBySub(ctx.pool(), issued.sub()).orElseThrow(ChallengeSessions::expired);
      String code = responses.require(challenge + "_CODE");
      protection.beforePassword(ctx, user);
      codes.verify(ctx, user, FirstFactors.attributeOf(challenge), code);
      hooks.beforeAuthentication(ctx, user);
      return completion.authenticated(ctx, user, TokenGenerationSource.AUTHENTICATION);
    };
  }

  /** The WEB_AUTHN answer of this flow: CREDENTIAL, an AuthenticationResponseJSON. */
  ChallengeResponder webAuthnChallenge() {
    return (ctx, responses, session) -> {
      ChallengeSession issued =
          sessions.consume(ctx, session, SESSION_PREFIX + FirstFactors.WEB_AUTHN);
      User user = users.findBySub(ctx.pool(), issued.sub()).orElseThrow(ChallengeSessions::expired);
      String credential = responses.require("CREDENTIAL");
      protection.beforePassword(ctx, user);
      boolean passkeyIsMfa = PasskeyMfa.activeFor(ctx.pool(), user);
      if (!passkeyIsMfa && mfa.owed(ctx.pool(), user)) {
        // the user came to owe MFA after the challenge was issued
        throw passwordRequired(ErrorCode.NOT_AUTHORIZED);
      }
      passkeys.verify(ctx, user, issued, credential, passkeyIsMfa);
      hooks.beforeAuthentication(ctx, user);
      return completion.authenticated(ctx, user, TokenGenerationSource.AUTHENTICATION);
    };
  }

  /** The first factors left to a user who owes MFA ({@link FirstFactors#underMfa}). */
  private List<String> narrowedByMfa(SignInContext ctx, User user, List<String> offered) {
    if (!mfa.owed(ctx.pool(), user)) {
      return offered;
    }
    return FirstFactors.underMfa(offered, PasskeyMfa.activeFor(ctx.pool(), user));
  }

  /** Cognito's text (observed, docs/fidelity.md "Passkeys as MFA"). */
  private static CognitoException passwordRequired(ErrorCode code) {
    return code.exception("Password Challenge is Required to SignIn");
  }

  private AuthResult start(SignInContext ctx, User user, String challenge, Parameters params) {
    switch (challenge) {
      case FirstFactors.WEB_AUTHN -> {
        return passkeys.start(ctx, user, sessions);
      }
      case FirstFactors.PASSWORD -> {
        // the same check as USER_PASSWORD_AUTH, imported users' first password included
        return completion.passwordAccepted(
            ctx, password.checkPassword(ctx, user, params.require("PASSWORD")));
      }
      case FirstFactors.PASSWORD_SRP -> {
        Map<String, String> srpParams = new LinkedHashMap<>(params.values());
        srpParams.putIfAbsent("USERNAME", user.username());
        srpParams.put("SRP_A", params.require("SRP_A"));
        return srp.initiate(ctx, new Parameters(srpParams));
      }
      default -> {
        String attribute = FirstFactors.attributeOf(challenge);
        String destination = codes.send(ctx, user, attribute);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(
            "CODE_DELIVERY_DELIVERY_MEDIUM",
            (challenge.equals(FirstFactors.EMAIL_OTP) ? DeliveryMedium.EMAIL : DeliveryMedium.SMS)
                .name());
        parameters.put("CODE_DELIVERY_DESTINATION", destination);
        return new AuthResult.Challenge(
            challenge, parameters, sessions.open(ctx, user, SESSION_PREFIX + challenge));
      }
    }
  }
}
