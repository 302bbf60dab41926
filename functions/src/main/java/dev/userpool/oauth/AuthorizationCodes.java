package dev.userpool.oauth;

import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AuthorizationCode;
import dev.userpool.store.AuthorizationCodeStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Issues authorization codes: a random UUID (the shape of Cognito's codes) handed to the client,
 * stored only as its SHA-256 with a five-minute lifetime (Cognito's authorization codes are valid
 * for 5 minutes, developer guide).
 */
public final class AuthorizationCodes {
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final AuthorizationCodeStore store;
  private final SecureRandom random;

  public AuthorizationCodes(AuthorizationCodeStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  public String issue(
      String poolId,
      String clientId,
      String sub,
      String redirectUri,
      List<String> scopes,
      String nonce,
      String codeChallenge,
      Instant authTime,
      Instant now) {
    String code = Identifiers.sub(random);
    store.create(
        new AuthorizationCode(
            poolId,
            hash(code),
            clientId,
            sub,
            redirectUri,
            scopes,
            nonce,
            codeChallenge,
            authTime,
            now.plus(LIFETIME)));
    return code;
  }

  public static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
