package dev.userpool.triggers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A trigger invoker that records each call and answers with a canned answer or failure. */
final class RecordingInvoker implements TriggerInvoker {
  record Call(String functionArn, String eventJson, Duration timeout) {}

  final List<Call> calls = new ArrayList<>();
  private String answer;
  private TriggerFailure failure;

  /**
   * Answers by echoing the event with {@code responseJson} as its response, as real triggers do.
   */
  RecordingInvoker answering(String responseJson) {
    this.answer = responseJson;
    this.failure = null;
    return this;
  }

  /** Answers with exactly this payload. */
  RecordingInvoker answeringRaw(String payload) {
    this.answer = "RAW:" + payload;
    this.failure = null;
    return this;
  }

  RecordingInvoker failing(TriggerFailure failure) {
    this.failure = failure;
    return this;
  }

  Call last() {
    return calls.get(calls.size() - 1);
  }

  @Override
  public String invoke(String functionArn, String eventJson, Duration timeout) {
    calls.add(new Call(functionArn, eventJson, timeout));
    if (failure != null) {
      throw failure;
    }
    if (answer == null) {
      return eventJson;
    }
    if (answer.startsWith("RAW:")) {
      return answer.substring(4);
    }
    try {
      var event =
          (com.fasterxml.jackson.databind.node.ObjectNode) TriggerJson.mapper().readTree(eventJson);
      event.set("response", TriggerJson.mapper().readTree(answer));
      return event.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
