package dev.userpool.operations.signup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.delivery.ChannelChoice;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
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

/**
 * Cognito ResendConfirmationCode: a new sign-up code (the old one stops working) to the channel
 * SignUp would use, at most {@value #SENDS_PER_HOUR} per hour (DG quotas). CustomMessage_ResendCode
 * gets the ClientMetadata. With PreventUserExistenceErrors ENABLED an unknown or disabled user gets
 * a simulated answer (sources §8.3).
 */
public final class ResendConfirmationCode implements Operation {
  static final int SENDS_PER_HOUR = 5;

  private final PublicClients clients;
  private final UserDirectory directory;
  private final CodeSender sender;

  private final AuthEventLog events;

  public ResendConfirmationCode(
      PublicClients clients, UserDirectory directory, CodeSender sender, AuthEventLog events) {
    this.events = events;
    this.clients = clients;
    this.directory = directory;
    this.sender = sender;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String username = in.string("Username");
    PublicClients.Call call =
        clients.resolve(in.string("ClientId"), username, in.optString("SecretHash"));
    UserPool pool = call.pool();
    User user = directory.find(pool, username).orElse(null);
    if (user == null || !user.enabled() && call.hidesUsers()) {
      if (call.hidesUsers()) {
        return answer(SimulatedDelivery.of(pool.id(), pool.view(), username));
      }
      throw PublicClients.userNotFound();
    }
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    if (user.status() == UserStatus.CONFIRMED) {
      // Observed text.
      throw ErrorCode.INVALID_PARAMETER.exception("User is already confirmed.");
    }
    String attribute =
        ChannelChoice.signUp(pool.view(), user)
            .orElseThrow(
                () ->
                    // Observed text (sources §4.4).
                    ErrorCode.INVALID_PARAMETER.exception(
                        "Cannot resend codes. Auto verification not turned on."));
    CodeDelivery sent =
        sender.send(
            CodeRequest.resentSignUp(pool, user, attribute, ctx.now())
                .fromClient(call.client().clientId())
                .clientMetadata(in.stringMap("ClientMetadata"))
                .limitedPerHour(SENDS_PER_HOUR)
                .reachedAt(ctx.baseUrl())
                .build());
    events.record(
        pool,
        user.sub(),
        AuthEventLog.RESEND_CODE,
        AuthEventLog.PASS,
        AuthEventLog.NO_RISK,
        java.util.List.of(),
        ctx.sourceIp(),
        null,
        ctx.now());
    return answer(sent);
  }

  private static JsonNode answer(CodeDelivery delivery) {
    return Json.object().set("CodeDeliveryDetails", delivery.toJson());
  }
}
