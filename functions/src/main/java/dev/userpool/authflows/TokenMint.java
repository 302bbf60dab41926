package dev.userpool.authflows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.RefreshToken;
import dev.userpool.domain.User;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.tokens.GroupClaims;
import dev.userpool.tokens.IssuerResolver;
import dev.userpool.tokens.TokenClaims;
import dev.userpool.tokens.TokenGrant;
import dev.userpool.tokens.TokenIssuer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Issues the AuthenticationResult of a sign-in or refresh: ID and access tokens with the client's
 * lifetimes and the user's groups (sources §6), Pre Token Generation applied to the claims, and on
 * sign-in a new refresh token.
 *
 * <p>Refresh tokens are opaque: a JWE-shaped string of five base64url segments (a fixed header like
 * Cognito's, then random bytes), of which only the SHA-256 is stored. A plain refresh returns no
 * new refresh token (§6.1); a client with RefreshTokenRotation ENABLED gets a successor from {@link
 * #refreshAndRotate}.
 */
public final class TokenMint {
  /**
   * {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}, the header of Cognito's refresh tokens (sources
   * §6.6).
   */
  private static final String REFRESH_HEADER =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}".getBytes());

  private static final int[] REFRESH_SEGMENT_BYTES = {256, 12, 48, 16};

  /** Marks an OAuth issuance whose ID token has no nonce (none was sent, or a refresh). */
  public static final String NO_NONCE = "";

  private final TokenIssuer issuer;
  private final IssuerResolver issuers;
  private final RefreshTokenStore refreshTokens;
  private final UserGroupsSource groups;
  private final AuthenticationHooks hooks;
  private final SecureRandom random;

  public TokenMint(
      TokenIssuer issuer,
      IssuerResolver issuers,
      RefreshTokenStore refreshTokens,
      UserGroupsSource groups,
      AuthenticationHooks hooks,
      SecureRandom random) {
    this.issuer = issuer;
    this.issuers = issuers;
    this.refreshTokens = refreshTokens;
    this.groups = groups;
    this.hooks = hooks;
    this.random = random;
  }

  /** A new sign-in: new auth_time, origin_jti and refresh token. */
  public AuthResult.Authenticated signIn(
      SignInContext ctx, User user, TokenGenerationSource source) {
    return signIn(ctx, user, source, null);
  }

  /**
   * A new sign-in on the device {@code deviceKey} (null for none): the access token carries {@code
   * device_key} and the refresh token is bound to the device (sources §6.4).
   */
  public AuthResult.Authenticated signIn(
      SignInContext ctx, User user, TokenGenerationSource source, String deviceKey) {
    TokenGrant grant =
        TokenGrant.signIn(
                ctx.pool(),
                ctx.client(),
                user,
                issuers.issuer(ctx.pool().id(), ctx.requestBaseUrl()),
                ctx.now(),
                random)
            .withDeviceKey(deviceKey);
    String refreshToken = newRefreshToken();
    refreshTokens.create(
        new RefreshToken(
            ctx.pool().id(),
            ChallengeSessions.hash(refreshToken),
            ctx.client().clientId(),
            user.sub(),
            grant.authTime(),
            grant.originJti(),
            ctx.now(),
            ctx.now().plus(ctx.settings().refreshTokenValidity()),
            deviceKey));
    return sign(ctx, grant, user, source, refreshToken);
  }

  /**
   * A sign-in through the OAuth endpoints: the access token carries the granted {@code scopes} and
   * {@code "version": 2} (seen in OAuth-issued Cognito access tokens; unconfirmed); the ID token,
   * issued only with the openid scope, carries the authorize request's {@code nonce}. The refresh
   * token remembers the scopes.
   */
  public AuthResult.Authenticated oauthSignIn(
      SignInContext ctx, User user, List<String> scopes, String nonce) {
    TokenGrant grant =
        TokenGrant.signIn(
                ctx.pool(),
                ctx.client(),
                user,
                issuers.issuer(ctx.pool().id(), ctx.requestBaseUrl()),
                ctx.now(),
                random)
            .withScopes(scopes);
    String refreshToken = newRefreshToken();
    refreshTokens.create(
        new RefreshToken(
            ctx.pool().id(),
            ChallengeSessions.hash(refreshToken),
            ctx.client().clientId(),
            user.sub(),
            grant.authTime(),
            grant.originJti(),
            ctx.now(),
            ctx.now().plus(ctx.settings().refreshTokenValidity()),
            null,
            scopes));
    return sign(ctx, grant, user, TokenGenerationSource.HOSTED_AUTH, refreshToken, nonce);
  }

  /**
   * New ID and access tokens for a stored refresh token: auth_time, origin_jti, OAuth scopes and
   * the device carry over.
   */
  public AuthResult.Authenticated refresh(SignInContext ctx, User user, RefreshToken stored) {
    List<String> scopes =
        stored.scopes() != null ? stored.scopes() : List.of(TokenGrant.ADMIN_SCOPE);
    TokenGrant original =
        new TokenGrant(
            ctx.pool(),
            ctx.client(),
            user,
            issuers.issuer(ctx.pool().id(), ctx.requestBaseUrl()),
            stored.authTime(),
            stored.authTime(),
            stored.originJti(),
            null,
            List.of(),
            List.of(),
            null,
            scopes,
            stored.deviceKey());
    AuthResult.Authenticated tokens =
        sign(
            ctx,
            original.refreshed(user, ctx.now(), random),
            user,
            TokenGenerationSource.REFRESH_TOKENS,
            null,
            stored.scopes() != null ? NO_NONCE : null);
    if (stored.scopes() != null && !stored.scopes().contains("openid")) {
      return new AuthResult.Authenticated(tokens.accessToken(), tokens.expiresIn(), null, null);
    }
    return tokens;
  }

  /**
   * New ID and access tokens and a successor refresh token (GetTokensFromRefreshToken with
   * rotation): the successor keeps auth_time and origin_jti and gets the client's full
   * refresh-token lifetime from now. The tokens are signed (Pre Token Generation included) before
   * the rotation is stored, so a failing trigger rotates nothing. Throws {@link
   * dev.userpool.store.StaleWriteException} when {@code used} changed meanwhile.
   */
  public AuthResult.Authenticated refreshAndRotate(
      SignInContext ctx, User user, RefreshToken used) {
    String successor = newRefreshToken();
    AuthResult.Authenticated plain = refresh(ctx, user, used);
    refreshTokens.rotate(
        used,
        new RefreshToken(
            ctx.pool().id(),
            refreshTokenHash(successor),
            ctx.client().clientId(),
            user.sub(),
            used.authTime(),
            used.originJti(),
            ctx.now(),
            ctx.now().plus(ctx.settings().refreshTokenValidity()),
            null,
            used.scopes(),
            used.deviceKey()));
    return new AuthResult.Authenticated(
        plain.accessToken(), plain.expiresIn(), plain.idToken(), successor);
  }

  /** The SHA-256 (hex) under which a refresh token is stored. */
  public static String refreshTokenHash(String refreshToken) {
    return ChallengeSessions.hash(refreshToken);
  }

  private AuthResult.Authenticated sign(
      SignInContext ctx,
      TokenGrant base,
      User user,
      TokenGenerationSource source,
      String refreshToken) {
    return sign(ctx, base, user, source, refreshToken, null);
  }

  /**
   * {@code oauthNonce} null: an API-issued pair. Otherwise an OAuth-issued pair: version 2 access
   * token, and the nonce in the ID token unless it is {@link #NO_NONCE}.
   */
  private AuthResult.Authenticated sign(
      SignInContext ctx,
      TokenGrant base,
      User user,
      TokenGenerationSource source,
      String refreshToken,
      String oauthNonce) {
    TokenGrant grant = GroupClaims.of(groups.groupsOf(user)).applyTo(base);
    Duration idValidity = ctx.settings().idTokenValidity();
    Duration accessValidity = ctx.settings().accessTokenValidity();
    ObjectNode idClaims = TokenClaims.idToken(grant, Identifiers.sub(random), idValidity);
    ObjectNode accessClaims =
        TokenClaims.accessToken(grant, Identifiers.sub(random), accessValidity);
    if (oauthNonce != null) {
      accessClaims.put("version", 2);
      if (!oauthNonce.equals(NO_NONCE)) {
        idClaims.put("nonce", oauthNonce);
      }
    }
    hooks.beforeTokenGeneration(ctx, user, source, idClaims, accessClaims);
    String poolId = ctx.pool().id();
    return new AuthResult.Authenticated(
        issuer.sign(poolId, accessClaims),
        accessValidity.toSeconds(),
        issuer.sign(poolId, idClaims),
        refreshToken);
  }

  private String newRefreshToken() {
    StringBuilder token = new StringBuilder(REFRESH_HEADER);
    for (int n : REFRESH_SEGMENT_BYTES) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      token.append('.').append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return token.toString();
  }
}
