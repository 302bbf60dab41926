package dev.userpool.oauth;

/**
 * An RFC 6749 error answered as Cognito's endpoints answer it: a JSON body {@code
 * {"error":"<code>"}} with the status given (Cognito's token endpoint documentation shows 400 for
 * every token error; userInfo answers 401 with a WWW-Authenticate header). The description is never
 * shown for token errors, as Cognito shows none.
 */
public final class OAuthException extends RuntimeException {
  private final int status;
  private final String error;

  public OAuthException(int status, String error, String detail) {
    super(error + (detail == null ? "" : ": " + detail), null, false, false);
    this.status = status;
    this.error = error;
  }

  public static OAuthException invalidRequest(String detail) {
    return new OAuthException(400, "invalid_request", detail);
  }

  public static OAuthException invalidClient(String detail) {
    return new OAuthException(400, "invalid_client", detail);
  }

  public static OAuthException invalidGrant(String detail) {
    return new OAuthException(400, "invalid_grant", detail);
  }

  public static OAuthException unauthorizedClient(String detail) {
    return new OAuthException(400, "unauthorized_client", detail);
  }

  public static OAuthException invalidScope(String detail) {
    return new OAuthException(400, "invalid_scope", detail);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
