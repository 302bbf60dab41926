package dev.userpool.delivery;

/** Cognito's DeliveryMediumType, with the attribute each medium is sent to. */
public enum DeliveryMedium {
  EMAIL("email"),
  SMS("phone_number");

  private final String attribute;

  DeliveryMedium(String attribute) {
    this.attribute = attribute;
  }

  /** The user attribute holding this medium's destination. */
  public String attribute() {
    return attribute;
  }

  /** The medium of {@code email} or {@code phone_number}. */
  public static DeliveryMedium forAttribute(String attribute) {
    return switch (attribute) {
      case "email" -> EMAIL;
      case "phone_number" -> SMS;
      default -> throw new IllegalArgumentException("no delivery medium for " + attribute);
    };
  }
}
