package dev.userpool.operations.self;

import dev.userpool.authflows.GlobalSignOutState;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.RevokedOriginStore;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.UserStore;
import dev.userpool.tokens.TokenException;
import dev.userpool.tokens.TokenGrant;
import dev.userpool.tokens.TokenUse;
import dev.userpool.tokens.TokenVerifier;
import dev.userpool.tokens.VerifiedToken;

/**
 * Admits the access token of a token-authorized operation (sources §1.5), top-down: signature,
 * issuer (so the pool), {@code token_use}, expiry ({@link TokenVerifier}); the scope {@code
 * aws.cognito.signin.user.admin}; revocation by RevokeToken (its origin_jti) or by a global
 * sign-out (issued up to the sign-out second); the user still there and enabled. Every refusal is
 * NotAuthorizedException, except a deleted user (see {@link #requireValid}).
 */
public final class AccessTokens {
  /** What to answer when the token is sound but its user was deleted. */
  public enum MissingUser {
    /**
     * UserNotFoundException "User does not exist." — observed with the tokens of a deleted user
     * (aws-amplify/aws-sdk-android#366); for operations that model UserNotFoundException.
     */
    USER_NOT_FOUND,
    /**
     * NotAuthorizedException "Access Token has been revoked", for operations that do not model it
     * (GlobalSignOut).
     */
    REVOKED
  }

  private final TokenVerifier verifier;
  private final UserPoolStore pools;
  private final UserStore users;
  private final RevokedOriginStore revokedOrigins;

  public AccessTokens(
      TokenVerifier verifier,
      UserPoolStore pools,
      UserStore users,
      RevokedOriginStore revokedOrigins) {
    this.verifier = verifier;
    this.pools = pools;
    this.users = users;
    this.revokedOrigins = revokedOrigins;
  }

  /** The signed-in user; a deleted user is UserNotFoundException. */
  public SignedInUser requireValid(String accessToken) {
    return requireValid(accessToken, MissingUser.USER_NOT_FOUND);
  }

  public SignedInUser requireValid(String accessToken, MissingUser missingUser) {
    return requireValid(accessToken, missingUser, TokenGrant.ADMIN_SCOPE);
  }

  /** As above, with the scope the token must carry ({@code openid} for the userInfo endpoint). */
  public SignedInUser requireValid(
      String accessToken, MissingUser missingUser, String requiredScope) {
    VerifiedToken token;
    try {
      token = verifier.verify(accessToken, TokenUse.ACCESS);
    } catch (TokenException e) {
      throw e.toCognito(); // "Invalid Access Token" / "Access Token has expired"
    }
    if (!token.scopes().contains(requiredScope)) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Access Token does not have required scopes"); // sources §1.5
    }
    UserPool pool = pools.find(token.poolId()).orElseThrow(AccessTokens::invalid);
    User user = token.sub() == null ? null : users.findBySub(pool.id(), token.sub()).orElse(null);
    // A revocation answers before everything about the user, as before the user is read; its item
    // is looked up
    // only when the user is gone or marked (RevocationMark), which saves a read per request.
    boolean mayBeRevoked = user == null || RevocationMark.mayBeRevoked(user, token.issuedAt());
    if (mayBeRevoked && revokedOrigins.isRevoked(pool.id(), token.originJti())) {
      throw revoked();
    }
    if (user == null) {
      throw missingUser == MissingUser.USER_NOT_FOUND
          ? ErrorCode.USER_NOT_FOUND.exception("User does not exist.")
          : revoked();
    }
    if (GlobalSignOutState.revokes(user, token.issuedAt())) {
      throw revoked();
    }
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled."); // as at sign-in (Appendix A)
    }
    return new SignedInUser(pool, user, token);
  }

  /** "Access Token has been revoked" (quoted in the API reference, sources §6.6). */
  static CognitoException revoked() {
    return ErrorCode.NOT_AUTHORIZED.exception("Access Token has been revoked");
  }

  private static CognitoException invalid() {
    return ErrorCode.NOT_AUTHORIZED.exception("Invalid Access Token");
  }
}
