package dev.userpool.authflows;

import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to NEW_PASSWORD_REQUIRED (sources §7.3): the Session, USERNAME, NEW_PASSWORD and
 * {@code userAttributes.<name>} for required attributes the user lacks (and any other attribute the
 * client may write). The new password must satisfy the pool's policy; it replaces the temporary one
 * and the user becomes CONFIRMED.
 */
public final class NewPasswordRequiredChallenge implements ChallengeResponder {
  private static final String ATTRIBUTE_PREFIX = "userAttributes.";

  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final SignInCompletion completion;
  private final SecureRandom random;

  public NewPasswordRequiredChallenge(
      UserAccounts users,
      ChallengeSessions sessions,
      SignInCompletion completion,
      SecureRandom random) {
    this.users = users;
    this.sessions = sessions;
    this.completion = completion;
    this.random = random;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    return completion.secondFactorThenTokens(
        ctx, accept(ctx, responses, session), TokenGenerationSource.NEW_PASSWORD_CHALLENGE);
  }

  /**
   * Checks the answer and stores the new password (the user becomes CONFIRMED); what is issued next
   * is the caller's (tokens for the API, an authorization code on the hosted page).
   */
  public User accept(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession challenge =
        sessions.consume(ctx, session, SignInCompletion.NEW_PASSWORD_REQUIRED);
    User user =
        users
            .findBySub(ctx.pool(), challenge.sub())
            .orElseThrow(() -> ErrorCode.USER_NOT_FOUND.exception("User does not exist."));
    String username = responses.require("USERNAME");
    if (!designates(ctx, user, username)) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Incorrect username or password."); // wording guessed
    }
    SecretHashCheck.require(ctx.client(), user.username(), responses.optional("SECRET_HASH"));
    String newPassword = responses.require("NEW_PASSWORD");
    Map<String, String> attributes = attributes(responses);
    requireWritable(ctx, attributes);
    users.checkAttributeUpdate(ctx.pool(), user, attributes);
    Map<String, String> merged = new LinkedHashMap<>(user.attributes());
    merged.putAll(attributes);
    List<String> missing = SignInCompletion.missingRequired(ctx, merged);
    if (!missing.isEmpty()) {
      // observed: "Invalid attributes given, name is missing" (aws-sdk-net-extensions-cognito#40);
      // several names
      // joined by " and " (pmill/aws-cognito#25: "name and adress is missing")
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid attributes given, " + String.join(" and ", missing) + " is missing");
    }
    PasswordPolicyCheck.check(ctx.pool().view().passwordPolicy(), newPassword);
    PasswordVerifier verifier =
        Srp6a.createVerifier(
            ctx.pool().srpPoolName(), user.username(), newPassword, random, ctx.now(), null);
    User updated =
        users.update(
            ctx.pool(),
            user,
            u -> {
              Map<String, String> all = new LinkedHashMap<>(u.attributes());
              all.putAll(attributes);
              Map<String, Object> ext = new LinkedHashMap<>(u.extensions());
              ext.remove(AccountProtection.KEY);
              return u.withAttributes(all, ctx.now())
                  .withExtensions(ext, ctx.now())
                  .withPassword(verifier, UserStatus.CONFIRMED, ctx.now());
            });
    return updated;
  }

  private boolean designates(SignInContext ctx, User user, String name) {
    return name.equals(user.username())
        || users.findForSignIn(ctx.pool(), name).map(u -> u.sub().equals(user.sub())).orElse(false);
  }

  private static Map<String, String> attributes(Parameters responses) {
    Map<String, String> attributes = new LinkedHashMap<>();
    responses
        .values()
        .forEach(
            (k, v) -> {
              if (k.startsWith(ATTRIBUTE_PREFIX)) {
                attributes.put(k.substring(ATTRIBUTE_PREFIX.length()), v);
              }
            });
    return attributes;
  }

  /**
   * NotAuthorizedException "A client attempted to write unauthorized attribute" (observed,
   * aws-sdk-js#1319).
   */
  private static void requireWritable(SignInContext ctx, Map<String, String> attributes) {
    List<String> writable = ctx.settings().writeAttributes();
    for (String name : attributes.keySet()) {
      if (name.equals("sub") || !writable.isEmpty() && !writable.contains(name)) {
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "A client attempted to write unauthorized attribute");
      }
    }
  }
}
