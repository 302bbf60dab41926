package dev.userpool.operations.auth;

import dev.userpool.authflows.SignInContext;
import dev.userpool.crypto.Identifiers;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.users.AttributeRules;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.triggers.Trigger;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import dev.userpool.triggers.UserMigrationResult;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * User Migration at sign-in ({@code UserMigration_Authentication}, DG "Migrate user Lambda
 * trigger"): a password sign-in names nobody, the pool has the trigger, so the function is asked
 * with the name and password typed; its answer creates the user with the returned attributes, a new
 * sub, the typed password as its SRP verifier (so USER_SRP_AUTH works from the next sign-in on) and
 * {@code finalUserStatus}: CONFIRMED (also when absent) or RESET_REQUIRED (the sign-in then fails
 * with PasswordResetRequiredException, as the DG says).
 *
 * <p>Guessed or not built: the pool's password policy is not applied to the migrated password; an
 * answer without userAttributes counts as "no such user"; messageAction and desiredDeliveryMediums
 * are read but no welcome message is sent (Cognito's migration welcome message is not built);
 * forceAliasCreation is not honoured (an alias held by another user answers AliasExistsException).
 */
public final class UserMigration {
  private final Triggers triggers;
  private final UserDirectory directory;
  private final SecureRandom random;

  public UserMigration(Triggers triggers, UserDirectory directory, SecureRandom random) {
    this.triggers = triggers;
    this.directory = directory;
    this.random = random;
  }

  /**
   * The migrated user, stored; empty when the pool has no trigger or the function returned no
   * attributes.
   */
  public Optional<User> migrate(
      SignInContext ctx, String username, String password, Map<String, String> validationData) {
    UserPool pool = ctx.pool();
    if (!triggers.isConfigured(pool, Trigger.USER_MIGRATION)) {
      return Optional.empty();
    }
    TriggerContext event =
        new TriggerContext(pool, ctx.client().clientId(), username, Map.of(), null);
    Optional<UserMigrationResult> answer =
        triggers.userMigration(
            event, TriggerSource.USER_MIGRATION_AUTHENTICATION, password, validationData);
    if (answer.isEmpty() || answer.get().userAttributes().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        create(
            pool,
            username,
            password,
            status(answer.get().finalUserStatus()),
            answer.get(),
            ctx.now()));
  }

  /**
   * {@code UserMigration_ForgotPassword}: ForgotPassword names nobody and the pool has the trigger;
   * the function is asked with the typed name (no password) and the ClientMetadata (sources §5.7).
   * The user is created without a password in RESET_REQUIRED whatever finalUserStatus says
   * (guessed: it has no password to sign in with), so ConfirmForgotPassword sets its first one.
   * Empty when the pool has no trigger or the answer has no attributes.
   */
  public Optional<User> migrateForRecovery(
      UserPool pool,
      String clientId,
      String username,
      Map<String, String> clientMetadata,
      Instant now) {
    if (!triggers.isConfigured(pool, Trigger.USER_MIGRATION)) {
      return Optional.empty();
    }
    TriggerContext event = new TriggerContext(pool, clientId, username, Map.of(), clientMetadata);
    Optional<UserMigrationResult> answer =
        triggers.userMigration(event, TriggerSource.USER_MIGRATION_FORGOT_PASSWORD, null, Map.of());
    if (answer.isEmpty() || answer.get().userAttributes().isEmpty()) {
      return Optional.empty();
    }
    status(answer.get().finalUserStatus()); // an unusable value is still an unrecognizable answer
    return Optional.of(create(pool, username, null, UserStatus.RESET_REQUIRED, answer.get(), now));
  }

  private User create(
      UserPool pool,
      String username,
      String password,
      UserStatus status,
      UserMigrationResult answer,
      Instant now) {
    PoolSettings s = pool.view();
    Map<String, String> attributes = new LinkedHashMap<>(answer.userAttributes());
    attributes.remove(
        "sub"); // Cognito gives every user its own sub (guessed: a returned sub is ignored)
    Map<String, String> implied = usernameAttribute(s, username, attributes);
    AttributeRules.of(pool).checkCreate(attributes, implied.keySet());
    String sub = Identifiers.sub(random);
    // With UsernameAttributes the typed email/phone signs the user in and the username is the sub
    // (sources §3).
    String storedUsername = s.usernameAttributes().isEmpty() ? username : sub;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("sub", sub);
    all.putAll(attributes);
    all.putAll(implied);
    User user =
        new User(
            pool.id(),
            storedUsername,
            sub,
            all,
            true,
            status,
            now,
            now,
            password == null
                ? null
                : Srp6a.createVerifier(
                    pool.srpPoolName(), storedUsername, password, random, now, null),
            Map.of(),
            0);
    try {
      return directory.store().create(user, UserDirectory.keys(pool, user));
    } catch (UniqueKeyTakenException e) {
      // A concurrent call migrated the same user first: continue with that one.
      return directory.find(pool, username).orElseThrow(() -> UserDirectory.aliasTaken(e));
    }
  }

  private static UserStatus status(String finalUserStatus) {
    if (finalUserStatus == null || finalUserStatus.equals("CONFIRMED")) {
      return UserStatus.CONFIRMED;
    }
    if (finalUserStatus.equals("RESET_REQUIRED")) {
      return UserStatus.RESET_REQUIRED;
    }
    // Any other value is not an answer Cognito can use (guessed to read as an unrecognizable
    // answer).
    throw ErrorCode.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
  }

  /**
   * In a pool with UsernameAttributes the typed name is the user's email or phone number; it
   * becomes that attribute unless the answer already sets it.
   */
  private static Map<String, String> usernameAttribute(
      PoolSettings s, String username, Map<String, String> attributes) {
    if (s.usernameAttributes().contains("email") && AttributeRules.looksLikeEmail(username)) {
      return attributes.containsKey("email") ? Map.of() : Map.of("email", username);
    }
    if (s.usernameAttributes().contains("phone_number")
        && AttributeRules.looksLikePhone(username)) {
      return attributes.containsKey("phone_number") ? Map.of() : Map.of("phone_number", username);
    }
    return Map.of();
  }
}
