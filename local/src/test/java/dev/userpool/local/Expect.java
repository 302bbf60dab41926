package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Asserts a Cognito error: its SDK exception type, HTTP 400, and a part of its message. */
final class Expect {
  private Expect() {}

  static <T extends AwsServiceException> T error(
      Class<T> type, String messagePart, Executable call) {
    T e = assertThrows(type, call);
    assertTrue(e.statusCode() == 400, "status " + e.statusCode());
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message != null && message.contains(messagePart), () -> "message was: " + message);
    return e;
  }
}
