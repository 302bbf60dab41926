package dev.userpool.authflows;

import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.User;

/**
 * USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH: USERNAME and PASSWORD in one
 * call (sources §7.1). The password is checked against the stored SRP verifier ({@link
 * Srp6a#matches}); there is no other password hash. Unknown users go to User Migration first, then
 * get the PreventUserExistenceErrors answer. Users imported from Cognito without a verifier have
 * the password checked by their source pool once ({@link ImportedUserPasswords}).
 */
public final class PasswordAuthFlow implements AuthFlow {
  private final UserAccounts users;
  private final AccountProtection protection;
  private final SignInCompletion completion;
  private final AuthenticationHooks hooks;
  private final ImportedUserPasswords imported;

  public PasswordAuthFlow(
      UserAccounts users,
      AccountProtection protection,
      SignInCompletion completion,
      AuthenticationHooks hooks,
      ImportedUserPasswords imported) {
    this.users = users;
    this.protection = protection;
    this.completion = completion;
    this.hooks = hooks;
    this.imported = imported;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    String username = params.require("USERNAME");
    String password = params.require("PASSWORD");
    SecretHashCheck.require(ctx.client(), username, params.optional("SECRET_HASH"));
    return completion.passwordAccepted(
        ctx, authenticate(ctx, username, password), params.optional("DEVICE_KEY"));
  }

  /**
   * The password check shared with the hosted sign-in page: User Migration for unknown names, the
   * PreventUserExistenceErrors answer, reset/disabled/lockout checks, Pre Authentication, the SRP
   * verifier, and the failure counter. Returns the user with its counter cleared; what follows
   * (status, tokens) is the caller's.
   */
  public User authenticate(SignInContext ctx, String username, String password) {
    User user =
        users
            .findForSignIn(ctx.pool(), username)
            .or(() -> hooks.migrateUser(ctx, username, password))
            .orElseThrow(() -> AccountProtection.unknownUser(ctx));
    return checkPassword(ctx, user, password);
  }

  /**
   * The password check of a user already found (USER_AUTH's PASSWORD factor too): reset/disabled/
   * lockout checks, Pre Authentication, the imported user's first password or the SRP verifier, and
   * the failure counter.
   */
  User checkPassword(SignInContext ctx, User found, String password) {
    User user = found;
    protection.beforePassword(ctx, user);
    hooks.beforeAuthentication(ctx, user);
    if (ImportedUserPasswords.awaitsPassword(user)) {
      user =
          imported
              .adopt(ctx, user, password)
              .orElseThrow(() -> protection.wrongPassword(ctx, found));
    } else if (!Srp6a.matches(
        user.password(), ctx.pool().srpPoolName(), user.username(), password)) {
      throw protection.wrongPassword(ctx, user);
    }
    return protection.passwordAccepted(ctx, user);
  }
}
