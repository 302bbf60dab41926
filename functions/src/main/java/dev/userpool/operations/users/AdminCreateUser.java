package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.crypto.TemporaryPasswords;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.domain.PasswordPolicy;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.codes.CodeSender;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito AdminCreateUser: a new user in FORCE_CHANGE_PASSWORD with a temporary password (given or
 * generated), or with MessageAction RESEND a fresh temporary password for an existing
 * FORCE_CHANGE_PASSWORD user.
 *
 * <p>The invitation (sources §4.4, §4.5): without MessageAction, and with RESEND, the temporary
 * password is sent to each of DesiredDeliveryMediums (default SMS; EMAIL; both) through
 * InviteMessageTemplate ({@code {username}}, {@code {####}} = the temporary password) and one
 * CustomMessage_AdminCreateUser call; SUPPRESS sends nothing. A medium the user has no value for is
 * skipped and logged as not sent (guessed; Cognito's answer there is unconfirmed). The
 * PreSignUp_AdminCreateUser trigger runs before a new user is stored and gets the ClientMetadata
 * and ValidationData; its autoVerifyEmail/autoVerifyPhone mark those attributes verified
 * (autoConfirmUser has no meaning here). CustomMessage gets no ClientMetadata (sources §5.7: only
 * pre sign-up receives it). A failed invitation leaves nothing behind: the new user is deleted
 * again; for RESEND the password changes only after the send.
 */
public final class AdminCreateUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final CodeSender sender;
  private final Triggers triggers;
  private final SecureRandom random;

  public AdminCreateUser(
      Lookups lookups,
      UserDirectory directory,
      CodeSender sender,
      Triggers triggers,
      SecureRandom random) {
    this.lookups = lookups;
    this.directory = directory;
    this.sender = sender;
    this.triggers = triggers;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    PoolSettings s = pool.view();
    String username = in.string("Username");
    PasswordPolicy policy = s.passwordPolicy();
    Optional<String> givenPassword = in.optString("TemporaryPassword");
    if (givenPassword.isPresent()) {
      PasswordPolicyCheck.checkTemporary(policy, givenPassword.get());
    }
    String temporaryPassword =
        givenPassword.orElseGet(() -> TemporaryPasswords.generate(policy, random));
    Instant now = ctx.now();
    Instant temporaryUntil = now.plus(Duration.ofDays(policy.temporaryPasswordValidityDays()));

    String action = in.optString("MessageAction").orElse("");
    List<String> mediums =
        in.has("DesiredDeliveryMediums") ? in.strings("DesiredDeliveryMediums") : List.of("SMS");
    if (action.equals("RESEND")) {
      return resend(pool, username, temporaryPassword, now, temporaryUntil, mediums);
    }

    Map<String, String> attributes = in.attributes("UserAttributes");
    Map<String, String> implied = usernameAttributes(s, username);
    AttributeRules.of(pool).checkCreate(attributes, implied.keySet());
    if (s.usernameAttributes().isEmpty()) {
      rejectAliasFormattedUsername(s, username);
    }

    String sub = Identifiers.sub(random);
    // With UsernameAttributes the email/phone signs the user in and the username Cognito keeps is
    // the sub (§3).
    String storedUsername = s.usernameAttributes().isEmpty() ? username : sub;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("sub", sub);
    all.putAll(attributes);
    all.putAll(implied);
    Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
    PreSignUpResult pre =
        triggers.preSignUp(
            new TriggerContext(pool, null, storedUsername, all, clientMetadata),
            TriggerSource.PRE_SIGN_UP_ADMIN_CREATE_USER,
            in.attributes("ValidationData"));
    if (pre.autoVerifyEmail() && all.get("email") != null) {
      all.put("email_verified", "true");
    }
    if (pre.autoVerifyPhone() && all.get("phone_number") != null) {
      all.put("phone_number_verified", "true");
    }
    PasswordVerifier password =
        Srp6a.createVerifier(
            pool.srpPoolName(), storedUsername, temporaryPassword, random, now, temporaryUntil);
    User user =
        new User(
            pool.id(),
            storedUsername,
            sub,
            all,
            true,
            UserStatus.FORCE_CHANGE_PASSWORD,
            now,
            now,
            password,
            Map.of(),
            0);

    Set<UniqueKey> keys = UserDirectory.keys(pool, user);
    if (in.optBoolean("ForceAliasCreation").orElse(false)) {
      moveAliases(pool, keys);
    }
    User stored;
    try {
      stored = directory.store().create(user, keys);
    } catch (UniqueKeyTakenException e) {
      throw taken(s, e);
    }
    if (!action.equals("SUPPRESS")) {
      try {
        invite(pool, stored, temporaryPassword, mediums, now);
      } catch (RuntimeException e) {
        directory.delete(pool, stored); // no user whose invitation never went out
        throw e;
      }
    }
    return response(stored);
  }

  private void invite(
      UserPool pool, User user, String temporaryPassword, List<String> mediums, Instant now) {
    List<String> attributes = new ArrayList<>();
    for (String medium : mediums) {
      String attribute = DeliveryMedium.valueOf(medium).attribute();
      String value = user.attribute(attribute);
      if (value != null && !value.isEmpty()) {
        if (!attributes.contains(attribute)) {
          attributes.add(attribute);
        }
      } else {
        sender.notSent(
            pool,
            user,
            attribute,
            TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER,
            "the user has no "
                + attribute
                + " (DesiredDeliveryMediums "
                + mediums
                + ", SMS when not given)"
                + (!mediums.contains("EMAIL") && user.attribute("email") != null
                    ? "; with EMAIL in DesiredDeliveryMediums it goes to the user's email"
                    : ""));
      }
    }
    sender.invite(new CodeSender.Invitation(pool, user, temporaryPassword, attributes, null, now));
  }

  private JsonNode resend(
      UserPool pool,
      String username,
      String temporaryPassword,
      Instant now,
      Instant until,
      List<String> mediums) {
    User existing = directory.require(pool, username);
    if (existing.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
      // Cognito refuses RESEND for users past their first sign-in; this wording is unconfirmed
      // (docs/fidelity.md).
      throw ErrorCode.UNSUPPORTED_USER_STATE.exception(
          "Resend not possible. " + existing.username() + " status is not FORCE_CHANGE_PASSWORD.");
    }
    invite(
        pool,
        existing,
        temporaryPassword,
        mediums,
        now); // first: a failed send leaves the old password
    User updated =
        directory.update(
            pool,
            existing,
            u -> {
              if (u.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw ErrorCode.UNSUPPORTED_USER_STATE.exception(
                    "Resend not possible. "
                        + u.username()
                        + " status is not FORCE_CHANGE_PASSWORD.");
              }
              PasswordVerifier password =
                  Srp6a.createVerifier(
                      pool.srpPoolName(), u.username(), temporaryPassword, random, now, until);
              return u.withPassword(password, UserStatus.FORCE_CHANGE_PASSWORD, now);
            });
    return response(updated);
  }

  /**
   * In a pool with UsernameAttributes the Username must be an email or phone number allowed there,
   * and becomes that attribute of the user. Returns the attributes it implies (empty for other
   * pools).
   */
  private static Map<String, String> usernameAttributes(PoolSettings s, String username) {
    if (s.usernameAttributes().isEmpty()) {
      return Map.of();
    }
    if (s.usernameAttributes().contains("email") && AttributeRules.looksLikeEmail(username)) {
      return Map.of("email", username);
    }
    if (s.usernameAttributes().contains("phone_number")
        && AttributeRules.looksLikePhone(username)) {
      return Map.of("phone_number", username);
    }
    throw ErrorCode.INVALID_PARAMETER.exception(
        "Username should be either an email or a phone number.");
  }

  /**
   * Alias pools refuse usernames that look like the alias (observed text for email; phone is our
   * analogue).
   */
  private static void rejectAliasFormattedUsername(PoolSettings s, String username) {
    if (s.aliasAttributes().contains("email") && AttributeRules.looksLikeEmail(username)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Username cannot be of email format, since user pool is configured for email alias.");
    }
    if (s.aliasAttributes().contains("phone_number") && AttributeRules.looksLikePhone(username)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Username cannot be of phone number format, since user pool is configured for phone number alias.");
    }
  }

  /**
   * ForceAliasCreation: a verified email/phone alias held by another user moves to the new user;
   * the previous holder keeps the value but loses its verified flag (API reference,
   * ForceAliasCreation).
   */
  private void moveAliases(UserPool pool, Set<UniqueKey> keys) {
    for (UniqueKey key : keys) {
      boolean alias =
          key.kind() == UniqueKey.Kind.EMAIL || key.kind() == UniqueKey.Kind.PHONE_NUMBER;
      if (!alias || !pool.view().aliasAttributes().contains(attributeOf(key.kind()))) {
        continue;
      }
      String flag = key.kind() == UniqueKey.Kind.EMAIL ? "email_verified" : "phone_number_verified";
      directory
          .store()
          .findByKey(pool.id(), key)
          .ifPresent(
              holder ->
                  directory.update(
                      pool,
                      holder,
                      u -> {
                        Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
                        attributes.put(flag, "false");
                        return u.withAttributes(attributes, u.lastModifiedDate());
                      }));
    }
  }

  private static RuntimeException taken(PoolSettings s, UniqueKeyTakenException e) {
    boolean signInName =
        e.key().kind() == UniqueKey.Kind.USERNAME
            || s.usernameAttributes().contains(attributeOf(e.key().kind()));
    // "User account already exists" is AdminCreateUser's observed text; alias collisions answer
    // AliasExists.
    return signInName
        ? ErrorCode.USERNAME_EXISTS.exception("User account already exists")
        : UserDirectory.aliasTaken(e);
  }

  private static String attributeOf(UniqueKey.Kind kind) {
    return switch (kind) {
      case EMAIL -> "email";
      case PHONE_NUMBER -> "phone_number";
      case PREFERRED_USERNAME -> "preferred_username";
      case USERNAME -> "username";
    };
  }

  private static JsonNode response(User user) {
    return Json.object().set("User", UserView.userType(user, null));
  }
}
