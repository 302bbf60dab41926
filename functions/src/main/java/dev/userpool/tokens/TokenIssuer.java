package dev.userpool.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.Identifiers;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Signs ID and access tokens with the pool's active key, creating the pool's first key when needed.
 */
public final class TokenIssuer {
  private final SigningKeys keys;
  private final SecureRandom random;

  public TokenIssuer(SigningKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /**
   * The two JWTs of one issuance; {@code expiresIn} is the access token's lifetime in seconds
   * (sources §6.1).
   */
  public record IssuedTokens(
      String idToken, String accessToken, String idJti, String accessJti, long expiresIn) {
    @Override
    public String toString() {
      return "IssuedTokens[idJti="
          + idJti
          + ", accessJti="
          + accessJti
          + ", expiresIn="
          + expiresIn
          + "]";
    }
  }

  public IssuedTokens issue(TokenGrant grant, Duration idValidity, Duration accessValidity) {
    String idJti = Identifiers.sub(random);
    String accessJti = Identifiers.sub(random);
    String poolId = grant.pool().id();
    return new IssuedTokens(
        sign(poolId, TokenClaims.idToken(grant, idJti, idValidity)),
        sign(poolId, TokenClaims.accessToken(grant, accessJti, accessValidity)),
        idJti,
        accessJti,
        accessValidity.toSeconds());
  }

  /**
   * Signs claims the caller built (e.g. after Pre Token Generation changed them) with the pool's
   * active key.
   */
  public String sign(String poolId, ObjectNode claims) {
    SigningKeys.Loaded key = keys.active(poolId);
    return JwtSigner.sign(claims, key.key().kid(), key.privateKey());
  }
}
