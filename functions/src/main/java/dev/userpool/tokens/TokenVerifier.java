package dev.userpool.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.tokens.TokenException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

/**
 * Checks a token this service issued, top-down, each failure a {@link TokenException} with its
 * reason: the shape (three base64url segments, JSON objects, RFC 7515 §5.2), {@code alg} RS256
 * without {@code crit}, the issuer and so the pool, the key named by {@code kid}, the signature,
 * {@code token_use}, then {@code exp}/{@code nbf} (RFC 7519 §4.1.4-5). The signature is checked
 * before any claim is trusted.
 */
public final class TokenVerifier {
  private final SigningKeys keys;
  private final IssuerResolver issuers;
  private final Clock clock;
  private final VerifiedSignatures verifiedSignatures = new VerifiedSignatures();

  public TokenVerifier(SigningKeys keys, IssuerResolver issuers, Clock clock) {
    this.keys = keys;
    this.issuers = issuers;
    this.clock = clock;
  }

  /** Verifies a token of any pool; the pool comes from its {@code iss}. */
  public VerifiedToken verify(String token, TokenUse use) {
    return verify(token, use, null);
  }

  /** Verifies a token that must belong to {@code expectedPoolId} (null for any pool). */
  public VerifiedToken verify(String token, TokenUse use, String expectedPoolId) {
    if (token == null) {
      throw new TokenException(Reason.MALFORMED, use);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new TokenException(Reason.MALFORMED, use);
    }
    ObjectNode header = object(parts[0], use);
    ObjectNode claims = object(parts[1], use);
    byte[] signature = bytes(parts[2], use);

    if (!JwtSigner.ALG.equals(text(header, "alg")) || header.has("crit")) {
      throw new TokenException(Reason.UNSUPPORTED_ALGORITHM, use);
    }
    String kid = text(header, "kid");
    if (kid == null) {
      throw new TokenException(Reason.MALFORMED, use);
    }
    String poolId =
        issuers
            .poolIdOf(text(claims, "iss"))
            .orElseThrow(() -> new TokenException(Reason.WRONG_ISSUER, use));
    if (expectedPoolId != null && !expectedPoolId.equals(poolId)) {
      throw new TokenException(Reason.OTHER_POOL, use);
    }
    RSAPublicKey key =
        keys.publicKey(poolId, kid).orElseThrow(() -> new TokenException(Reason.UNKNOWN_KEY, use));
    if (!verifiedSignatures.holds(
        token, key, () -> signatureHolds(parts[0] + "." + parts[1], signature, key))) {
      throw new TokenException(Reason.BAD_SIGNATURE, use);
    }

    if (!use.claim().equals(text(claims, "token_use"))) {
      throw new TokenException(Reason.WRONG_USE, use);
    }
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isIntegralNumber()) {
      throw new TokenException(Reason.MALFORMED, use);
    }
    long now = clock.instant().getEpochSecond();
    if (now >= exp.asLong()) {
      throw new TokenException(Reason.EXPIRED, use);
    }
    JsonNode nbf = claims.get("nbf");
    if (nbf != null && (!nbf.isNumber() || now < nbf.asLong())) {
      throw new TokenException(Reason.EXPIRED, use);
    }
    return new VerifiedToken(poolId, use, kid, claims);
  }

  /** How many RSA signature checks ran; tokens seen before skip it. */
  long rsaChecks() {
    return verifiedSignatures.rsaChecks();
  }

  private static boolean signatureHolds(String signingInput, byte[] signature, RSAPublicKey key) {
    try {
      Signature rsa = Signature.getInstance(JwtSigner.JDK_ALG);
      rsa.initVerify(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // e.g. a signature of the wrong length
    }
  }

  private static ObjectNode object(String segment, TokenUse use) {
    try {
      JsonNode node = Json.parse(bytes(segment, use), true);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // fall through
    }
    throw new TokenException(Reason.MALFORMED, use);
  }

  private static byte[] bytes(String segment, TokenUse use) {
    try {
      return Base64Url.decode(segment);
    } catch (IllegalArgumentException e) {
      throw new TokenException(Reason.MALFORMED, use);
    }
  }

  private static String text(ObjectNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
