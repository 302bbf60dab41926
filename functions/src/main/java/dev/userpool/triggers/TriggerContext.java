package dev.userpool.triggers;

import dev.userpool.domain.UserPool;
import java.util.Map;

/**
 * What every trigger event carries besides its own request members (sources §5.2).
 *
 * @param clientId the app client of the call; null for calls without one (admin operations by IAM)
 * @param userName the user's internal username (for UserMigration: the name the caller typed)
 * @param userAttributes all attribute values as strings, booleans as "true"/"false"
 * @param clientMetadata the request's ClientMetadata where Cognito passes it (sources §5.7), else
 *     null
 * @param callerSdk the caller's SDK as Cognito reports it in {@code callerContext.awsSdkVersion};
 *     null if unknown
 */
public record TriggerContext(
    UserPool pool,
    String clientId,
    String userName,
    Map<String, String> userAttributes,
    Map<String, String> clientMetadata,
    String callerSdk) {

  /**
   * The placeholder Cognito sends when it does not know the caller's SDK (seen in AWS's own sample
   * events).
   */
  public static final String UNKNOWN_SDK = "aws-sdk-unknown-unknown";

  /** The clientId of calls without an app client (unconfirmed, sources §5.2). */
  public static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

  public TriggerContext(
      UserPool pool,
      String clientId,
      String userName,
      Map<String, String> userAttributes,
      Map<String, String> clientMetadata) {
    this(pool, clientId, userName, userAttributes, clientMetadata, null);
  }
}
