package dev.userpool.operations.signup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.CodeStore;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.time.Instant;

/**
 * Cognito AdminConfirmSignUp: an UNCONFIRMED user becomes CONFIRMED without a code (attributes stay
 * unverified); its pending sign-up code is dropped. PostConfirmation_ConfirmSignUp gets the
 * ClientMetadata.
 */
public final class AdminConfirmSignUp implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final CodeStore codes;
  private final Triggers triggers;

  public AdminConfirmSignUp(
      Lookups lookups, UserDirectory directory, CodeStore codes, Triggers triggers) {
    this.lookups = lookups;
    this.directory = directory;
    this.codes = codes;
    this.triggers = triggers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    User user = directory.require(pool, in.string("Username"));
    Instant now = ctx.now();
    User done =
        directory.update(
            pool,
            user,
            u -> {
              if (u.status() != UserStatus.UNCONFIRMED) {
                // Observed text.
                throw ErrorCode.NOT_AUTHORIZED.exception(
                    "User cannot be confirmed. Current status is " + u.status());
              }
              return u.withStatus(UserStatus.CONFIRMED, now);
            });
    codes.delete(pool.id(), done.sub(), VerificationCode.SIGN_UP);
    triggers.postConfirmation(
        new TriggerContext(
            pool, null, done.username(), done.attributes(), in.stringMap("ClientMetadata")),
        TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    return Json.object();
  }
}
