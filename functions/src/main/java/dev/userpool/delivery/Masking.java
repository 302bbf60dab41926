package dev.userpool.delivery;

/**
 * CodeDeliveryDetails.Destination as Cognito masks it (sources §4.3): {@code jane@example.com} →
 * {@code j***@e***.com}; {@code +15555551212} → {@code +*******1212}.
 */
public final class Masking {
  private Masking() {}

  public static String mask(DeliveryMedium medium, String destination) {
    return medium == DeliveryMedium.EMAIL ? email(destination) : phone(destination);
  }

  static String email(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return address.isEmpty() ? address : address.charAt(0) + "***";
    }
    String domain = address.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot > 0 ? domain.substring(dot) : "";
    return address.charAt(0) + "***@" + domain.charAt(0) + "***" + tld;
  }

  static String phone(String number) {
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.length() <= 4) {
      return "+" + digits;
    }
    return "+" + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }
}
