package dev.userpool.delivery;

/**
 * CodeDeliveryDetails.Destination as Cognito masks it: {@code test@test.com} → {@code t***@t***},
 * without the top-level domain (observed in tests run against AWS: getmoto/moto
 * tests/test_cognitoidp/test_cognitoidp.py, test_sign_up_with_verified_email and
 * test_forgot_password_with_email_delivery_details); {@code +15555551212} → {@code +*******1212}.
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
    return address.charAt(0) + "***@" + address.charAt(at + 1) + "***";
  }

  static String phone(String number) {
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.length() <= 4) {
      return "+" + digits;
    }
    return "+" + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }
}
