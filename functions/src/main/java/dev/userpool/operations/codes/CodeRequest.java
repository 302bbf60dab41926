package dev.userpool.operations.codes;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerificationCode;
import dev.userpool.triggers.TriggerSource;
import java.time.Instant;
import java.util.Map;

/**
 * One code for {@link CodeSender} to send. Made by the factory of its purpose ({@link #signUp},
 * {@link #forgotPassword}, …), which fixes the stored purpose and the CustomMessage trigger source
 * together, and finished with the {@link Builder}'s named steps for what only some callers have.
 *
 * @param attributeName {@code email} or {@code phone_number}: where it goes
 * @param clientId the app client of the call, null for admin calls
 * @param clientMetadata passed to CustomMessage; null where Cognito does not pass it
 * @param sendsPerHour Cognito's quota of codes of this purpose per user and hour
 *     (LimitExceededException beyond), which the deployment's {@code codesPerHour} replaces; 0 =
 *     this kind of code has no quota
 * @param destination where the code goes; null for the user's current value of {@code
 *     attributeName} (a pending value, see {@code PendingAttributes}, is passed explicitly)
 * @param requestBaseUrl the URL the caller reached ({@code OperationContext#baseUrl}), for sign-up
 *     confirmation links when the pool has no domain; null when unknown
 */
public record CodeRequest(
    UserPool pool,
    User user,
    String purpose,
    String attributeName,
    TriggerSource source,
    String clientId,
    Map<String, String> clientMetadata,
    int sendsPerHour,
    Instant now,
    String destination,
    String requestBaseUrl) {

  /** SignUp's confirmation code. */
  public static Builder signUp(UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.SIGN_UP,
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_SIGN_UP,
        now);
  }

  /** ResendConfirmationCode's new sign-up confirmation code. */
  public static Builder resentSignUp(UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.SIGN_UP,
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_RESEND_CODE,
        now);
  }

  /** A password reset code (ForgotPassword, AdminResetUserPassword). */
  public static Builder forgotPassword(
      UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.FORGOT_PASSWORD,
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_FORGOT_PASSWORD,
        now);
  }

  /** A code the user asked for to verify an attribute (GetUserAttributeVerificationCode). */
  public static Builder attributeVerification(
      UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.attribute(attributeName),
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_VERIFY_USER_ATTRIBUTE,
        now);
  }

  /** The code that verifies a changed email or phone number (UpdateUserAttributes and others). */
  public static Builder attributeChange(
      UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.attribute(attributeName),
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_UPDATE_USER_ATTRIBUTE,
        now);
  }

  /** A one-time sign-in code (EMAIL_OTP / SMS_OTP as first factor). */
  public static Builder signIn(UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.signIn(attributeName),
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_AUTHENTICATION,
        now);
  }

  /** An MFA code (SMS_MFA / EMAIL_OTP as second factor). */
  public static Builder mfa(UserPool pool, User user, String attributeName, Instant now) {
    return new Builder(
        pool,
        user,
        VerificationCode.MFA,
        attributeName,
        TriggerSource.CUSTOM_MESSAGE_AUTHENTICATION,
        now);
  }

  String target() {
    return destination != null ? destination : user.attribute(attributeName);
  }

  /** The optional parts of a request; each step names what it sets. */
  public static final class Builder {
    private final UserPool pool;
    private final User user;
    private final String purpose;
    private final String attributeName;
    private final TriggerSource source;
    private final Instant now;
    private String clientId;
    private Map<String, String> clientMetadata;
    private int sendsPerHour;
    private String destination;
    private String requestBaseUrl;

    private Builder(
        UserPool pool,
        User user,
        String purpose,
        String attributeName,
        TriggerSource source,
        Instant now) {
      this.pool = pool;
      this.user = user;
      this.purpose = purpose;
      this.attributeName = attributeName;
      this.source = source;
      this.now = now;
    }

    /** The app client of the call; admin calls have none. */
    public Builder fromClient(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The caller's ClientMetadata, for CustomMessage. */
    public Builder clientMetadata(Map<String, String> clientMetadata) {
      this.clientMetadata = clientMetadata;
      return this;
    }

    /** Cognito's per-user hourly quota of this kind of code; without it there is none. */
    public Builder limitedPerHour(int sendsPerHour) {
      this.sendsPerHour = sendsPerHour;
      return this;
    }

    /** Sends to this value instead of the user's current one (a pending attribute change). */
    public Builder to(String destination) {
      this.destination = destination;
      return this;
    }

    /** The URL the caller reached, the base of confirmation links when the pool has no domain. */
    public Builder reachedAt(String requestBaseUrl) {
      this.requestBaseUrl = requestBaseUrl;
      return this;
    }

    public CodeRequest build() {
      return new CodeRequest(
          pool,
          user,
          purpose,
          attributeName,
          source,
          clientId,
          clientMetadata,
          sendsPerHour,
          now,
          destination,
          requestBaseUrl);
    }
  }
}
