package dev.userpool.operations.users;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerifiedFlag;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.codes.CodeRequest;
import dev.userpool.operations.codes.CodeSender;
import dev.userpool.store.UniqueKeyTakenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writing and deleting a user's attributes, shared by the admin operations
 * (AdminUpdateUserAttributes, AdminDeleteUserAttributes) and the signed-in user's own
 * (UpdateUserAttributes, DeleteUserAttributes): the {@link AttributeRules} checks, the
 * version-checked update, the verified flags, verification codes, and alias collisions.
 *
 * <p>A changed email or phone_number (sources §4.4, §4.7):
 *
 * <ul>
 *   <li>is no longer verified: its {@code *_verified} flag becomes "false" unless the same call
 *       sets the flag;
 *   <li>gets a code (CustomMessage_UpdateUserAttribute, purpose {@code attribute:<name>}) when the
 *       pool auto-verifies it, unless the same call sets {@code *_verified=true} (an admin vouching
 *       for it; this nuance is unconfirmed);
 *   <li>with UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate listing it, and
 *       a current value to keep, is not written: the old value and its flag stay, the new one is
 *       held as pending ({@link PendingAttributes}) and the code goes to it; VerifyUserAttribute
 *       applies it.
 * </ul>
 *
 * Codes are sent before the user is written, so a failed delivery (CodeDeliveryFailureException) or
 * a failing CustomMessage trigger leaves the user unchanged. If the write then fails (e.g.
 * AliasExistsException), the code sent is for a value the user does not have and
 * VerifyUserAttribute answers ExpiredCodeException for it. In alias pools the verified value is a
 * unique key: a collision is AliasExistsException. Deleting email or phone_number also drops its
 * verified flag and any pending value.
 */
public final class AttributeChanges {
  private static final List<String> VERIFIABLE = List.of("email", "phone_number");

  private final UserDirectory directory;
  private final CodeSender sender;

  public AttributeChanges(UserDirectory directory, CodeSender sender) {
    this.directory = directory;
    this.sender = sender;
  }

  /** For deletions only: {@link #update} needs a sender. */
  public AttributeChanges(UserDirectory directory) {
    this(directory, null);
  }

  /**
   * Who asks, for the CustomMessage trigger: the app client (null for admin calls) and the
   * request's ClientMetadata (sources §5.7: both update operations pass it).
   */
  public record Caller(String clientId, Map<String, String> clientMetadata) {}

  /** The user as written and where codes went, in the order email, phone_number. */
  public record Outcome(User user, List<CodeDelivery> deliveries) {}

  /** Applies {@code changes} (checked for names and values, once more inside the retry loop). */
  public Outcome update(
      UserPool pool, User user, Map<String, String> changes, Caller caller, Instant now) {
    AttributeRules rules = AttributeRules.of(pool);
    rules.checkUpdate(user, changes);
    Plan plan = plan(pool.view(), user, changes);
    List<CodeDelivery> sent = new ArrayList<>();
    for (Map.Entry<String, String> target : plan.toVerify().entrySet()) {
      if (sender == null) {
        throw new IllegalStateException(
            "AttributeChanges built without a CodeSender cannot send codes");
      }
      String name = target.getKey();
      sent.add(
          sender.send(
              CodeRequest.attributeChange(pool, user, name, now)
                  .fromClient(caller.clientId())
                  .clientMetadata(caller.clientMetadata())
                  .to(target.getValue())
                  .build()));
    }
    try {
      User updated =
          directory.update(
              pool,
              user,
              u -> {
                rules.checkUpdate(u, changes);
                return plan(pool.view(), u, changes).apply(u, now);
              });
      return new Outcome(updated, sent);
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
  }

  /** Removes {@code names}; the caller has checked them with {@link AttributeRules#checkDelete}. */
  public User delete(UserPool pool, User user, Collection<String> names, Instant now) {
    return directory.update(
        pool,
        user,
        u -> {
          Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
          Map<String, String> pending = PendingAttributes.of(u);
          for (String name : names) {
            attributes.remove(name);
            if (VERIFIABLE.contains(name)) {
              attributes.remove(name + "_verified");
              pending.remove(name);
            }
          }
          return PendingAttributes.with(u.withAttributes(attributes, now), pending, now);
        });
  }

  /**
   * What an update writes: all attributes, the pending values, and the codes to send (attribute →
   * value).
   */
  record Plan(
      Map<String, String> attributes, Map<String, String> pending, Map<String, String> toVerify) {
    User apply(User u, Instant now) {
      return PendingAttributes.with(u.withAttributes(attributes, now), pending, now);
    }
  }

  static Plan plan(PoolSettings s, User user, Map<String, String> changes) {
    List<String> autoVerified = s.autoVerifiedAttributes();
    List<String> beforeUpdate = requireVerificationBeforeUpdate(s);
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.putAll(changes);
    Map<String, String> pending = PendingAttributes.of(user);
    Map<String, String> toVerify = new LinkedHashMap<>();
    for (String name : VERIFIABLE) {
      if (!changes.containsKey(name)) {
        continue;
      }
      String flag = name + "_verified";
      String value = changes.get(name);
      String current = user.attribute(name);
      pending.remove(name); // a new value (or the current one again) replaces a pending one
      if (value.equals(current) || VerifiedFlag.isTrue(changes.get(flag))) {
        continue;
      }
      boolean auto = autoVerified.contains(name);
      if (auto
          && beforeUpdate.contains(name)
          && current != null
          && !current.isEmpty()
          && !value.isEmpty()) {
        attributes.put(name, current);
        if (user.attribute(flag) != null) {
          attributes.put(flag, user.attribute(flag));
        } else {
          attributes.remove(flag);
        }
        pending.put(name, value);
        toVerify.put(name, value);
        continue;
      }
      if (!changes.containsKey(flag) && (auto || user.attribute(flag) != null)) {
        attributes.put(flag, "false");
      }
      if (auto && !value.isEmpty()) {
        toVerify.put(name, value);
      }
    }
    return new Plan(attributes, pending, toVerify);
  }

  /** UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate (empty when not set). */
  static List<String> requireVerificationBeforeUpdate(PoolSettings s) {
    if (s.get("UserAttributeUpdateSettings") instanceof Map<?, ?> settings
        && settings.get("AttributesRequireVerificationBeforeUpdate") instanceof List<?> names) {
      return names.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
