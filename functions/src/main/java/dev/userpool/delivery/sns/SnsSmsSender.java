package dev.userpool.delivery.sns;

import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.OutgoingMessage;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SMS through SNS Publish to the phone number, in the pool's {@code SmsConfiguration.SnsRegion} (else the
 * deployment's SNS region), as a transactional message. The deployment's own role sends: Cognito would assume
 * {@code SnsCallerArn} with {@code ExternalId}, which a single-account deployment does not need (not done).
 */
public final class SnsSmsSender implements MessageChannel {
  private final Function<String, SnsClient> clients;
  private final String defaultRegion;

  public SnsSmsSender(Function<String, SnsClient> clients, String defaultRegion) {
    this.clients = clients;
    this.defaultRegion = defaultRegion;
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.SMS;
  }

  @Override
  public void send(OutgoingMessage m) {
    Map<String, Object> config = m.smsConfiguration();
    String region = config.get("SnsRegion") instanceof String r && !r.isBlank() ? r : defaultRegion;
    PublishRequest request = PublishRequest.builder()
        .phoneNumber(m.destination())
        .message(m.body())
        .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build()))
        .build();
    try {
      clients.apply(region).publish(request);
    } catch (SdkException e) {
      throw new DeliveryFailedException("SNS Publish in " + region + " failed: " + e.getMessage(), e);
    }
  }
}
