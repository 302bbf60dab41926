package dev.userpool.operations.authevents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AuthEvent;
import dev.userpool.protocol.Json;

/** Renders an event as Cognito's AuthEventType. The feedback token hash never leaves the store. */
final class AuthEventView {
  private AuthEventView() {}

  static ObjectNode of(AuthEvent e) {
    ObjectNode o = Json.object();
    o.put("EventId", e.eventId());
    o.put("EventType", e.eventType());
    o.put("CreationDate", Json.epochSeconds(e.createdAt()));
    o.put("EventResponse", e.response());
    ObjectNode risk = o.putObject("EventRisk");
    risk.put("RiskDecision", e.riskDecision());
    if (e.riskLevel() != null) {
      risk.put("RiskLevel", e.riskLevel());
    }
    risk.put("CompromisedCredentialsDetected", false);
    ArrayNode challenges = o.putArray("ChallengeResponses");
    for (AuthEvent.Challenge c : e.challenges()) {
      challenges.addObject().put("ChallengeName", c.name()).put("ChallengeResponse", c.response());
    }
    ObjectNode context = o.putObject("EventContextData");
    if (e.ipAddress() != null) {
      context.put("IpAddress", e.ipAddress());
    }
    if (e.deviceName() != null) {
      context.put("DeviceName", e.deviceName());
    }
    if (e.feedbackValue() != null) {
      ObjectNode feedback = o.putObject("EventFeedback");
      feedback.put("FeedbackValue", e.feedbackValue());
      feedback.put("Provider", e.feedbackProvider());
      feedback.put("FeedbackDate", Json.epochSeconds(e.feedbackDate()));
    }
    return o;
  }
}
