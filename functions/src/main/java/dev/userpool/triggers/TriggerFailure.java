package dev.userpool.triggers;

/**
 * Why a trigger gave no usable answer. {@link Triggers} turns it into the Cognito error (sources
 * §5.6); the detail is the function's own errorMessage or the Lambda error code, never a stack
 * trace.
 */
public final class TriggerFailure extends RuntimeException {

  /** The three ways Cognito tells trigger failures apart. */
  public enum Kind {
    /** The function ran and threw; detail is its errorMessage. */
    FUNCTION_ERROR,
    /**
     * Lambda refused or failed the invocation, or the answer came too late; detail is the error
     * code.
     */
    NOT_INVOKABLE,
    /** The function answered with something that is not the event shape Cognito expects. */
    MALFORMED_ANSWER
  }

  /**
   * The detail Cognito puts after "invocation failed due to error" when a trigger is too slow
   * (observed).
   */
  public static final String SOCKET_TIMEOUT = "Socket timeout while invoking Lambda function";

  private final Kind kind;
  private final String detail;

  public TriggerFailure(Kind kind, String detail) {
    super(kind + ": " + detail, null, false, false);
    this.kind = kind;
    this.detail = detail;
  }

  public static TriggerFailure functionError(String errorMessage) {
    return new TriggerFailure(Kind.FUNCTION_ERROR, errorMessage);
  }

  public static TriggerFailure notInvokable(String errorCode) {
    return new TriggerFailure(Kind.NOT_INVOKABLE, errorCode);
  }

  public static TriggerFailure malformed(String why) {
    return new TriggerFailure(Kind.MALFORMED_ANSWER, why);
  }

  public Kind kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }
}
