package dev.userpool.operations.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.delivery.ChannelChoice;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.time.Instant;

/**
 * Cognito AdminResetUserPassword: a password-reset code to the verified phone, else the verified
 * email (API reference; InvalidParameterException when neither), then the user RESET_REQUIRED; an
 * invited user who has not set a password yet (FORCE_CHANGE_PASSWORD) cannot be reset
 * (NotAuthorizedException). The code is sent first, so a failed delivery leaves the user as it was.
 * CustomMessage_ForgotPassword gets the ClientMetadata.
 */
public final class AdminResetUserPassword implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final CodeSender sender;

  public AdminResetUserPassword(Lookups lookups, UserDirectory directory, CodeSender sender) {
    this.lookups = lookups;
    this.directory = directory;
    this.sender = sender;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    User user = directory.require(pool, in.string("Username"));
    if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
      // Observed: an admin reset of an invited user who never signed in (RunaVault/RunaVault#15;
      // the same text
      // ForgotPassword gives, aws-amplify/amplify-flutter#3048).
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "User password cannot be reset in the current state.");
    }
    String attribute =
        ChannelChoice.recovery(pool.view(), user).orElseThrow(Recovery::noVerifiedChannel);
    Instant now = ctx.now();
    sender.send(
        CodeRequest.forgotPassword(pool, user, attribute, now)
            .clientMetadata(in.stringMap("ClientMetadata"))
            .build());
    directory.update(pool, user, u -> u.withStatus(UserStatus.RESET_REQUIRED, now));
    return Json.object();
  }
}
