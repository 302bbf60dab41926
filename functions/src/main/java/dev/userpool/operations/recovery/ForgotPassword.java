package dev.userpool.operations.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.delivery.ChannelChoice;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.auth.UserMigration;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.operations.codes.PublicClients;
import dev.userpool.operations.codes.SimulatedDelivery;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.List;
import java.util.Optional;

/**
 * Cognito ForgotPassword: a password-reset code (valid 1 hour) to the user's verified phone or
 * email, in the order AccountRecoverySetting gives (sources §4.4); the user's status does not
 * change. CustomMessage_ForgotPassword gets the ClientMetadata. At most {@value #SENDS_PER_HOUR}
 * codes per hour (DG: 5–20 with ConfirmForgotPassword; the lower bound is our choice). With
 * PreventUserExistenceErrors ENABLED, unknown and disabled users and users without a verified
 * channel get a simulated answer (sources §8.3). A name nobody has goes to the pool's UserMigration
 * trigger first ({@code UserMigration_ForgotPassword}, with the ClientMetadata): a migrated user is
 * created in RESET_REQUIRED and gets the code like any other ({@link
 * UserMigration#migrateForRecovery}).
 */
public final class ForgotPassword implements Operation {
  static final int SENDS_PER_HOUR = 5;

  private final PublicClients clients;
  private final UserDirectory directory;
  private final CodeSender sender;
  private final UserMigration migration;

  private final AuthEventLog events;

  public ForgotPassword(
      PublicClients clients,
      UserDirectory directory,
      CodeSender sender,
      UserMigration migration,
      AuthEventLog events) {
    this.events = events;
    this.clients = clients;
    this.directory = directory;
    this.sender = sender;
    this.migration = migration;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String username = in.string("Username");
    PublicClients.Call call =
        clients.resolve(in.string("ClientId"), username, in.optString("SecretHash"));
    UserPool pool = call.pool();
    if (Recovery.adminOnly(pool.view())) {
      throw ErrorCode.NOT_AUTHORIZED.exception("Contact administrator to reset password.");
    }
    User user =
        directory
            .find(pool, username)
            .or(
                () ->
                    migration.migrateForRecovery(
                        pool,
                        call.client().clientId(),
                        username,
                        in.stringMap("ClientMetadata"),
                        ctx.now()))
            .orElse(null);
    Optional<String> channel =
        user == null ? Optional.empty() : ChannelChoice.recovery(pool.view(), user);
    if (call.hidesUsers() && (user == null || !user.enabled() || channel.isEmpty())) {
      return answer(SimulatedDelivery.of(pool.id(), pool.view(), username));
    }
    if (user == null) {
      throw PublicClients.userNotFound();
    }
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
      // Observed text for users who have not yet set a password of their own.
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "User password cannot be reset in the current state.");
    }
    String attribute = channel.orElseThrow(Recovery::noVerifiedChannel);
    CodeDelivery sent =
        sender.send(
            CodeRequest.forgotPassword(pool, user, attribute, ctx.now())
                .fromClient(call.client().clientId())
                .clientMetadata(in.stringMap("ClientMetadata"))
                .limitedPerHour(SENDS_PER_HOUR)
                .build());
    events.record(
        pool,
        user.sub(),
        AuthEventLog.FORGOT_PASSWORD,
        AuthEventLog.PASS,
        AuthEventLog.NO_RISK,
        List.of(),
        ctx.sourceIp(),
        null,
        ctx.now());
    return answer(sent);
  }

  private static JsonNode answer(CodeDelivery delivery) {
    return Json.object().set("CodeDeliveryDetails", delivery.toJson());
  }
}
