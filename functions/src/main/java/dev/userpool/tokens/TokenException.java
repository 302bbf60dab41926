package dev.userpool.tokens;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;

/**
 * A token that must be refused, with why. Operations turn it into Cognito's NotAuthorizedException
 * with {@link #toCognito()}. The message never contains the token or any claim.
 */
public final class TokenException extends RuntimeException {
  /** Why a token was refused. */
  public enum Reason {
    /**
     * Not three base64url segments of JSON objects, or a required claim or header member missing or
     * mistyped.
     */
    MALFORMED,
    /** Header {@code alg} other than RS256, or a {@code crit} header. */
    UNSUPPORTED_ALGORITHM,
    /** The {@code iss} is not this service's issuer of a pool. */
    WRONG_ISSUER,
    /** The token belongs to another pool than the one the caller expected. */
    OTHER_POOL,
    /** The pool has no key with the header's {@code kid}. */
    UNKNOWN_KEY,
    /** The signature does not verify with the key named by {@code kid}. */
    BAD_SIGNATURE,
    /**
     * {@code token_use} is not the expected one (an ID token where an access token is needed, or
     * reverse).
     */
    WRONG_USE,
    /** {@code exp} is not after now, or {@code nbf} is after now. */
    EXPIRED
  }

  private final Reason reason;
  private final TokenUse expected;

  public TokenException(Reason reason, TokenUse expected) {
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.expected = expected;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * Cognito's answer: NotAuthorizedException "Access Token has expired" for an expired access
   * token, else "Invalid Access Token" (sources §6.6, Appendix A). For ID tokens, "Invalid Id
   * Token" / "Id Token has expired" (wording guessed: no Cognito API operation takes an ID token as
   * a credential).
   */
  public CognitoException toCognito() {
    String name = expected == TokenUse.ID ? "Id Token" : "Access Token";
    if (reason == Reason.EXPIRED) {
      return ErrorCode.NOT_AUTHORIZED.exception(name + " has expired");
    }
    return ErrorCode.NOT_AUTHORIZED.exception("Invalid " + name);
  }
}
