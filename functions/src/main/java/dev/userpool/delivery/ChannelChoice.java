package dev.userpool.delivery;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.VerifiedFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which attribute a code goes to, by Cognito's rules (sources §4.4). */
public final class ChannelChoice {
  private ChannelChoice() {}

  /**
   * Sign-up confirmation (SignUp, ResendConfirmationCode): only attributes in
   * AutoVerifiedAttributes that the user has; the phone (SMS) before the email when both qualify.
   */
  public static Optional<String> signUp(PoolSettings s, User user) {
    List<String> auto = s.autoVerifiedAttributes();
    for (String attribute : List.of("phone_number", "email")) {
      if (auto.contains(attribute) && present(user, attribute)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /**
   * Password recovery (ForgotPassword, AdminResetUserPassword):
   * AccountRecoverySetting.RecoveryMechanisms by priority, else (legacy) verified phone, then
   * verified email. Only verified values qualify; {@code admin_only} offers none.
   */
  public static Optional<String> recovery(PoolSettings s, User user) {
    for (String attribute : recoveryOrder(s)) {
      if (present(user, attribute)
          && VerifiedFlag.isTrue(user.attribute(attribute + "_verified"))) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  static List<String> recoveryOrder(PoolSettings s) {
    if (!(s.get("AccountRecoverySetting") instanceof Map<?, ?> setting)
        || !(setting.get("RecoveryMechanisms") instanceof List<?> mechanisms)
        || mechanisms.isEmpty()) {
      return List.of("phone_number", "email");
    }
    List<Map<?, ?>> sorted = new ArrayList<>();
    for (Object m : mechanisms) {
      if (m instanceof Map<?, ?> map) {
        sorted.add(map);
      }
    }
    sorted.sort(
        Comparator.comparingInt(m -> m.get("Priority") instanceof Number n ? n.intValue() : 99));
    List<String> order = new ArrayList<>();
    for (Map<?, ?> m : sorted) {
      Object name = m.get("Name");
      if ("verified_phone_number".equals(name)) {
        order.add("phone_number");
      } else if ("verified_email".equals(name)) {
        order.add("email");
      }
    }
    return order;
  }

  private static boolean present(User user, String attribute) {
    String value = user.attribute(attribute);
    return value != null && !value.isEmpty();
  }
}
