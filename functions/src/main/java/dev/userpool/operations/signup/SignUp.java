package dev.userpool.operations.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.crypto.Identifiers;
import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.delivery.ChannelChoice;
import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.operations.codes.PublicClients;
import dev.userpool.operations.users.AttributeRules;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.triggers.PreSignUpResult;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito SignUp: a new UNCONFIRMED user with a permanent password, and a confirmation code sent
 * per AutoVerifiedAttributes (phone before email, sources §4.4). PreSignUp may confirm the user and
 * verify its email or phone; PostConfirmation then runs at once. ClientMetadata goes to all three
 * triggers (sources §5.7).
 *
 * <p>Nothing is half-done: when the code cannot be delivered the new user is removed again and the
 * caller gets CodeDeliveryFailureException.
 */
public final class SignUp implements Operation {
  private final PublicClients clients;
  private final UserDirectory directory;
  private final CodeSender sender;
  private final Triggers triggers;
  private final SecureRandom random;

  private final AuthEventLog events;

  public SignUp(
      PublicClients clients,
      UserDirectory directory,
      CodeSender sender,
      Triggers triggers,
      SecureRandom random,
      AuthEventLog events) {
    this.events = events;
    this.clients = clients;
    this.directory = directory;
    this.sender = sender;
    this.triggers = triggers;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String username = in.string("Username");
    PublicClients.Call call =
        clients.resolve(in.string("ClientId"), username, in.optString("SecretHash"));
    UserPool pool = call.pool();
    PoolSettings s = pool.view();
    if (s.allowAdminCreateUserOnly()) {
      // Observed raw response: pmill/aws-cognito#37.
      throw ErrorCode.NOT_AUTHORIZED.exception("SignUp is not permitted for this user pool");
    }
    String password = in.string("Password");
    PasswordPolicyCheck.check(s.passwordPolicy(), password);
    Map<String, String> attributes = in.attributes("UserAttributes");
    Map<String, String> implied = SignUpNames.usernameAttributes(s, username);
    AttributeRules.of(pool).checkSignUp(attributes, implied.keySet());
    if (s.usernameAttributes().isEmpty()) {
      SignUpNames.rejectAliasFormattedUsername(s, username);
    }
    Map<String, String> clientMetadata = in.stringMap("ClientMetadata");

    String sub = Identifiers.sub(random);
    String storedUsername = s.usernameAttributes().isEmpty() ? username : sub;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("sub", sub);
    all.putAll(attributes);
    all.putAll(implied);

    PreSignUpResult pre =
        triggers.preSignUp(
            new TriggerContext(pool, call.client().clientId(), storedUsername, all, clientMetadata),
            TriggerSource.PRE_SIGN_UP_SIGN_UP,
            in.attributes("ValidationData"));
    if (pre.autoVerifyEmail() && present(all, "email")) {
      all.put("email_verified", "true");
    }
    if (pre.autoVerifyPhone() && present(all, "phone_number")) {
      all.put("phone_number_verified", "true");
    }
    Instant now = ctx.now();
    UserStatus status = pre.autoConfirmUser() ? UserStatus.CONFIRMED : UserStatus.UNCONFIRMED;
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
            Srp6a.createVerifier(pool.srpPoolName(), storedUsername, password, random, now, null),
            Map.of(),
            0);
    try {
      user = directory.store().create(user, UserDirectory.keys(pool, user));
    } catch (UniqueKeyTakenException e) {
      throw taken(s, e);
    }

    Optional<CodeDelivery> delivered = Optional.empty();
    if (status == UserStatus.UNCONFIRMED) {
      Optional<String> channel = ChannelChoice.signUp(s, user);
      if (channel.isPresent()) {
        delivered =
            Optional.of(
                sendOrUndo(pool, user, channel.get(), call, clientMetadata, now, ctx.baseUrl()));
      }
    } else {
      triggers.postConfirmation(
          new TriggerContext(
              pool, call.client().clientId(), user.username(), user.attributes(), clientMetadata),
          TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    }

    events.record(
        pool,
        sub,
        AuthEventLog.SIGN_UP,
        AuthEventLog.PASS,
        AuthEventLog.NO_RISK,
        List.of(),
        ctx.sourceIp(),
        null,
        now);
    ObjectNode out = Json.object();
    out.put("UserConfirmed", status == UserStatus.CONFIRMED);
    delivered.ifPresent(d -> out.set("CodeDeliveryDetails", d.toJson()));
    out.put("UserSub", sub);
    return out;
  }

  private CodeDelivery sendOrUndo(
      UserPool pool,
      User user,
      String attribute,
      PublicClients.Call call,
      Map<String, String> clientMetadata,
      Instant now,
      String baseUrl) {
    try {
      return sender.send(
          CodeRequest.signUp(pool, user, attribute, now)
              .fromClient(call.client().clientId())
              .clientMetadata(clientMetadata)
              .reachedAt(baseUrl)
              .build());
    } catch (RuntimeException e) {
      directory.delete(pool, user); // no user that was told nothing
      throw e;
    }
  }

  private static boolean present(Map<String, String> attributes, String name) {
    String value = attributes.get(name);
    return value != null && !value.isEmpty();
  }

  private static RuntimeException taken(PoolSettings s, UniqueKeyTakenException e) {
    UniqueKey.Kind kind = e.key().kind();
    if (kind == UniqueKey.Kind.USERNAME) {
      return ErrorCode.USERNAME_EXISTS.exception("User already exists");
    }
    if (kind == UniqueKey.Kind.EMAIL && s.usernameAttributes().contains("email")) {
      return ErrorCode.USERNAME_EXISTS.exception("An account with the given email already exists.");
    }
    if (kind == UniqueKey.Kind.PHONE_NUMBER && s.usernameAttributes().contains("phone_number")) {
      // analogue of the email text (unconfirmed)
      return ErrorCode.USERNAME_EXISTS.exception(
          "An account with the given phone_number already exists.");
    }
    return UserDirectory.aliasTaken(e);
  }
}
