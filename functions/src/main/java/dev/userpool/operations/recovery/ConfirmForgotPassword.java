package dev.userpool.operations.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.codes.CodeCheck;
import dev.userpool.operations.codes.PublicClients;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Cognito ConfirmForgotPassword: the reset code sets a new permanent password (only its SRP
 * verifier is kept) and the user CONFIRMED. The new password must meet the pool's policy. Code
 * errors as in ConfirmSignUp, with LimitExceededException after {@value
 * CodeCheck#FORGOT_PASSWORD_ATTEMPTS} wrong answers. With PreventUserExistenceErrors ENABLED an
 * unknown or disabled user gets CodeMismatchException (sources §8.3).
 * PostConfirmation_ConfirmForgotPassword gets the ClientMetadata.
 */
public final class ConfirmForgotPassword implements Operation {
  private final PublicClients clients;
  private final UserDirectory directory;
  private final CodeCheck check;
  private final Triggers triggers;
  private final SecureRandom random;

  public ConfirmForgotPassword(
      PublicClients clients,
      UserDirectory directory,
      CodeCheck check,
      Triggers triggers,
      SecureRandom random) {
    this.clients = clients;
    this.directory = directory;
    this.check = check;
    this.triggers = triggers;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String username = in.string("Username");
    PublicClients.Call call =
        clients.resolve(in.string("ClientId"), username, in.optString("SecretHash"));
    UserPool pool = call.pool();
    User user = directory.find(pool, username).orElse(null);
    if (user == null || !user.enabled()) {
      if (call.hidesUsers()) {
        throw CodeCheck.mismatch();
      }
      throw user == null
          ? PublicClients.userNotFound()
          : ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    String code = in.string("ConfirmationCode");
    String password = in.string("Password");
    PasswordPolicyCheck.check(pool.view().passwordPolicy(), password);
    VerificationCode stored =
        check.require(
            pool.id(),
            user.sub(),
            VerificationCode.FORGOT_PASSWORD,
            code,
            check.forgotPasswordAttempts());
    Instant now = ctx.now();
    PasswordVerifier verifier =
        Srp6a.createVerifier(pool.srpPoolName(), user.username(), password, random, now, null);
    check.consume(stored, code);
    User done =
        directory.update(pool, user, u -> u.withPassword(verifier, UserStatus.CONFIRMED, now));
    triggers.postConfirmation(
        new TriggerContext(
            pool,
            call.client().clientId(),
            done.username(),
            done.attributes(),
            in.stringMap("ClientMetadata")),
        TriggerSource.POST_CONFIRMATION_CONFIRM_FORGOT_PASSWORD);
    return Json.object();
  }
}
