package dev.userpool.authflows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.User;
import java.util.Optional;

/**
 * Where the authentication Lambda triggers plug into the sign-in flows (sources §5). Every method
 * has a no-op default and {@link #NONE} is what runs until the triggers are wired. To refuse a
 * sign-in a hook throws a {@link dev.userpool.errors.CognitoException} (e.g.
 * UserLambdaValidationException), which reaches the caller as is.
 */
public interface AuthenticationHooks {
  AuthenticationHooks NONE = new AuthenticationHooks() {};

  /**
   * Pre authentication ({@code PreAuthentication_Authentication}): the user was found and is about
   * to have its password checked, in USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH and at the
   * PASSWORD_VERIFIER step of SRP.
   */
  default void beforeAuthentication(SignInContext context, User user) {}

  /**
   * Post authentication ({@code PostAuthentication_Authentication}): the password (and any
   * NEW_PASSWORD_REQUIRED answer) was accepted and tokens are about to be issued. Not called on
   * refresh.
   */
  default void afterAuthentication(SignInContext context, User user) {}

  /**
   * Pre token generation: the claims of both tokens, built and about to be signed; edit them in
   * place (claims and group overrides, scopes). {@code source} says which trigger source Cognito
   * would name.
   */
  default void beforeTokenGeneration(
      SignInContext context,
      User user,
      TokenGenerationSource source,
      ObjectNode idClaims,
      ObjectNode accessClaims) {}

  /**
   * User migration ({@code UserMigration_Authentication}): USER_PASSWORD_AUTH /
   * ADMIN_USER_PASSWORD_AUTH found no user named {@code username}. An implementation asks the
   * trigger, creates the user in the store with the password (as its SRP verifier) and returns it;
   * the flow then continues as if the user had been found. Empty means "no such user", answered per
   * PreventUserExistenceErrors.
   */
  default Optional<User> migrateUser(SignInContext context, String username, String password) {
    return Optional.empty();
  }
}
