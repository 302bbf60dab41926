package dev.userpool.operations.codes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.Masking;
import dev.userpool.protocol.Json;

/** What CodeDeliveryDetails reports: the medium, the masked destination and the attribute. */
public record CodeDelivery(DeliveryMedium medium, String maskedDestination, String attributeName) {

  public static CodeDelivery of(String attributeName, String destination) {
    DeliveryMedium medium = DeliveryMedium.forAttribute(attributeName);
    return new CodeDelivery(medium, Masking.mask(medium, destination), attributeName);
  }

  /** {@code {"Destination","DeliveryMedium","AttributeName"}}. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("Destination", maskedDestination);
    o.put("DeliveryMedium", medium.name());
    o.put("AttributeName", attributeName);
    return o;
  }
}
