package dev.userpool.operations.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.AuthenticationHooks;
import dev.userpool.authflows.SignInContext;
import dev.userpool.authflows.TokenGenerationSource;
import dev.userpool.domain.User;
import dev.userpool.triggers.TokenOverrides;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authentication triggers behind the sign-in flows: Pre and Post Authentication, Pre Token
 * Generation (V1_0 and V2_0/V3_0 answers) and User Migration at sign-in. A trigger the pool does
 * not configure is skipped by {@link Triggers}; a failing one throws Cognito's error ({@link
 * Triggers#toCognito}).
 *
 * <p>ClientMetadata goes where the API reference's ClientMetadata text says (sources §5.7): from
 * (Admin)InitiateAuth only to Pre Authentication and User Migration, and there as the event's
 * {@code validationData} (their events have no, or an empty, {@code clientMetadata}); from
 * (Admin)RespondToAuthChallenge to Post Authentication and Pre Token Generation as {@code
 * clientMetadata}. Pre Authentication runs at the PASSWORD_VERIFIER step of SRP here, a
 * RespondToAuthChallenge call, so it gets no ClientMetadata there.
 */
public final class TriggerAuthenticationHooks implements AuthenticationHooks {
  private final Triggers triggers;
  private final UserMigration migration;

  public TriggerAuthenticationHooks(Triggers triggers, UserMigration migration) {
    this.triggers = triggers;
    this.migration = migration;
  }

  @Override
  public void beforeAuthentication(SignInContext ctx, User user) {
    triggers.preAuthentication(context(ctx, user, null), validationData(ctx), false);
  }

  /** newDeviceUsed is always false: device tracking is not built. */
  @Override
  public void afterAuthentication(SignInContext ctx, User user) {
    triggers.postAuthentication(context(ctx, user, challengeMetadata(ctx)), false);
  }

  @Override
  public void beforeTokenGeneration(
      SignInContext ctx,
      User user,
      TokenGenerationSource source,
      ObjectNode idClaims,
      ObjectNode accessClaims) {
    TokenOverrides overrides =
        triggers.preTokenGeneration(
            context(ctx, user, challengeMetadata(ctx)),
            triggerSource(source),
            PreTokenClaims.current(idClaims),
            PreTokenClaims.scopes(accessClaims));
    PreTokenClaims.apply(overrides, idClaims, accessClaims);
  }

  @Override
  public Optional<User> migrateUser(SignInContext ctx, String username, String password) {
    return migration.migrate(ctx, username, password, validationData(ctx));
  }

  private static TriggerSource triggerSource(TokenGenerationSource source) {
    return switch (source) {
      case AUTHENTICATION -> TriggerSource.TOKEN_GENERATION_AUTHENTICATION;
      case NEW_PASSWORD_CHALLENGE -> TriggerSource.TOKEN_GENERATION_NEW_PASSWORD_CHALLENGE;
      case AUTHENTICATE_DEVICE -> TriggerSource.TOKEN_GENERATION_AUTHENTICATE_DEVICE;
      case REFRESH_TOKENS -> TriggerSource.TOKEN_GENERATION_REFRESH_TOKENS;
      case HOSTED_AUTH -> TriggerSource.TOKEN_GENERATION_HOSTED_AUTH;
    };
  }

  /**
   * The event's userAttributes: the user's attributes as strings plus {@code cognito:user_status},
   * as AWS's sample events for these triggers show it (DG examples; unconfirmed for every source).
   */
  static Map<String, String> eventAttributes(User user) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.put("cognito:user_status", user.status().name());
    return attributes;
  }

  private static TriggerContext context(
      SignInContext ctx, User user, Map<String, String> clientMetadata) {
    return new TriggerContext(
        ctx.pool(),
        ctx.client().clientId(),
        user.username(),
        eventAttributes(user),
        clientMetadata);
  }

  /**
   * InitiateAuth's ClientMetadata, delivered as validationData (null when the call answers a
   * challenge).
   */
  private static Map<String, String> validationData(SignInContext ctx) {
    return ctx.challengeResponse() || ctx.clientMetadata().isEmpty() ? null : ctx.clientMetadata();
  }

  /** RespondToAuthChallenge's ClientMetadata; InitiateAuth passes none to these triggers. */
  private static Map<String, String> challengeMetadata(SignInContext ctx) {
    return ctx.challengeResponse() && !ctx.clientMetadata().isEmpty() ? ctx.clientMetadata() : null;
  }
}
