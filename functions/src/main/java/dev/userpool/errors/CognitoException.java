package dev.userpool.errors;

/**
 * The one exception type for errors a caller should see. The protocol layer turns it into a 4xx/5xx
 * answer with {@code __type} and {@code message}; anything else that escapes an operation becomes
 * InternalErrorException with no detail.
 */
public final class CognitoException extends RuntimeException {
  private final ErrorCode code;

  public CognitoException(ErrorCode code, String message) {
    super(message, null, false, false); // no stack trace: these are answers, not bugs
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
