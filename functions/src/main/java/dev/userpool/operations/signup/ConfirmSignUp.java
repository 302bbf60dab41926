package dev.userpool.operations.signup;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cognito ConfirmSignUp: the sign-up code makes the user CONFIRMED and the attribute it was sent to
 * verified. Checks run in Cognito's order: client and SecretHash, the user, its status, the code
 * (ExpiredCodeException when none is live, CodeMismatchException counted per wrong answer,
 * LimitExceededException after {@value CodeCheck#CONFIRM_ATTEMPTS}), then the alias
 * (AliasExistsException unless ForceAliasCreation). The code is used up only when the confirmation
 * is accepted. PostConfirmation_ConfirmSignUp gets the ClientMetadata.
 */
public final class ConfirmSignUp implements Operation {
  private final PublicClients clients;
  private final UserDirectory directory;
  private final CodeCheck check;
  private final Triggers triggers;

  public ConfirmSignUp(
      PublicClients clients, UserDirectory directory, CodeCheck check, Triggers triggers) {
    this.clients = clients;
    this.directory = directory;
    this.check = check;
    this.triggers = triggers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String username = in.string("Username");
    PublicClients.Call call =
        clients.resolve(in.string("ClientId"), username, in.optString("SecretHash"));
    UserPool pool = call.pool();
    String code = in.string("ConfirmationCode");
    User user = directory.find(pool, username).orElse(null);
    if (user == null) {
      // ENABLED: Cognito documents only code errors for ConfirmSignUp; which one it gives is
      // unconfirmed.
      throw call.hidesUsers() ? CodeCheck.mismatch() : PublicClients.userNotFound();
    }
    if (user.status() != UserStatus.UNCONFIRMED) {
      // Observed text for confirmed users (furaiev/amazon-cognito-identity-dart-2#80).
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "User cannot be confirmed. Current status is " + user.status());
    }
    VerificationCode stored =
        check.require(
            pool.id(), user.sub(), VerificationCode.SIGN_UP, code, check.confirmAttempts());
    boolean force = in.optBoolean("ForceAliasCreation").orElse(false);
    Instant now = ctx.now();
    Confirmations.claimAliases(directory, pool, user, confirmed(user, stored, now), force);
    check.consume(stored, code);
    User done;
    try {
      done =
          directory.update(
              pool,
              user,
              u -> {
                if (u.status() != UserStatus.UNCONFIRMED) {
                  throw ErrorCode.NOT_AUTHORIZED.exception(
                      "User cannot be confirmed. Current status is " + u.status());
                }
                return confirmed(u, stored, now);
              });
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
    triggers.postConfirmation(
        new TriggerContext(
            pool,
            call.client().clientId(),
            done.username(),
            done.attributes(),
            in.stringMap("ClientMetadata")),
        TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    return Json.object();
  }

  private static User confirmed(User u, VerificationCode code, Instant now) {
    Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
    String attribute = Confirmations.verifiedAttribute(u, code.destination());
    if (attribute != null) {
      attributes.put(attribute + "_verified", "true");
    }
    return u.withAttributes(attributes, now).withStatus(UserStatus.CONFIRMED, now);
  }
}
