package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.operations.users.PendingAttributes;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito GetUserAttributeVerificationCode (sources §4.7): a code for the signed-in user's {@code
 * email} or {@code phone_number} — to the value waiting for verification if there is one ({@link
 * PendingAttributes}), else to the current value, which may already be verified (observed: Cognito
 * issues a new code then too). The code (purpose {@code attribute:<name>}, 24 h) replaces an
 * earlier one for the attribute. CustomMessage_VerifyUserAttribute gets the ClientMetadata. At most
 * {@value #SENDS_PER_HOUR} per hour (DG quotas), then LimitExceededException. Checks top-down: the
 * access token, the attribute name, a value to send to.
 */
public final class GetUserAttributeVerificationCode implements Operation {
  static final int SENDS_PER_HOUR = 5;

  private final AccessTokens tokens;
  private final CodeSender sender;

  public GetUserAttributeVerificationCode(AccessTokens tokens, CodeSender sender) {
    this.tokens = tokens;
    this.sender = sender;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    String name = VerifiableAttributes.require(in.string("AttributeName"));
    User user = who.user();
    requireUsableState(user);
    String pending = PendingAttributes.of(user, name);
    String destination = pending != null ? pending : user.attribute(name);
    if (destination == null || destination.isEmpty()) {
      throw VerifiableAttributes.noValue(name);
    }
    CodeDelivery sent =
        sender.send(
            CodeRequest.attributeVerification(who.pool(), user, name, ctx.now())
                .fromClient(who.token().clientId())
                .clientMetadata(in.stringMap("ClientMetadata"))
                .limitedPerHour(SENDS_PER_HOUR)
                .to(destination)
                .build());
    return Json.object().set("CodeDeliveryDetails", sent.toJson());
  }

  /**
   * Cognito lists PasswordResetRequiredException and UserNotConfirmedException for this operation:
   * a user whose tokens outlived an admin password reset, or who is not confirmed, gets no code
   * (messages as at sign-in).
   */
  private static void requireUsableState(User user) {
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw ErrorCode.PASSWORD_RESET_REQUIRED.exception("Password reset required for the user");
    }
    if (user.status() == UserStatus.UNCONFIRMED) {
      throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
    }
  }
}
