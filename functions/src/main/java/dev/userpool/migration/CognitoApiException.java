package dev.userpool.migration;

/** An error answer of the Cognito API ({@code __type} without its namespace, and the message). */
public final class CognitoApiException extends RuntimeException {
  private final String type;

  public CognitoApiException(String type, String message) {
    super(type + ": " + message);
    this.type = type;
  }

  public String type() {
    return type;
  }
}
