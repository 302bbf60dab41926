package dev.userpool.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * One message ready to send: the texts have their placeholders replaced. {@code code} is the code
 * (or temporary password) the text carries; only the local outbox keeps it. {@code
 * emailConfiguration} and {@code smsConfiguration} are the pool's members of those names (empty
 * maps when absent).
 */
public record OutgoingMessage(
    String userPoolId,
    String username,
    DeliveryMedium medium,
    String destination,
    String attributeName,
    String triggerSource,
    String subject,
    String body,
    String code,
    Map<String, String> clientMetadata,
    Map<String, Object> emailConfiguration,
    Map<String, Object> smsConfiguration,
    Instant timestamp) {

  public OutgoingMessage {
    clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
    emailConfiguration = emailConfiguration == null ? Map.of() : emailConfiguration;
    smsConfiguration = smsConfiguration == null ? Map.of() : smsConfiguration;
  }
}
