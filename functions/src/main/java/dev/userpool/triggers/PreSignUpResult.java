package dev.userpool.triggers;

/** The PreSignUp answer; {@link #NONE} when the pool has no PreSignUp trigger. */
public record PreSignUpResult(
    boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {
  public static final PreSignUpResult NONE = new PreSignUpResult(false, false, false);
}
