package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.RevokedOriginStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hosted sign-in session: who signed in on the hosted page of which pool, and when, kept in a
 * cookie MACed with a deployment key, valid for one hour like Cognito's hosted session cookie. Each
 * session has a random id; /logout records it as revoked until the cookie would expire (in the
 * store of revoked token origins, under a prefix of its own), so a copy of the cookie kept
 * elsewhere stops working too.
 */
final class HostedSession {
  static final String COOKIE = "userpool-session";
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final String KEY_NAME = "hosted-session";
  private static final String REVOKED_PREFIX = "hosted-session:";

  record Session(String poolId, String sub, Instant authTime, String id, Instant expiresAt) {}

  private final DeploymentKeyStore keys;
  private final RevokedOriginStore revoked;
  private final SecureRandom random;

  HostedSession(DeploymentKeyStore keys, RevokedOriginStore revoked, SecureRandom random) {
    this.keys = keys;
    this.revoked = revoked;
    this.random = random;
  }

  String issue(String poolId, String sub, Instant authTime, Instant now) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    ObjectNode o = Json.object();
    o.put("i", b64(id));
    o.put("p", poolId);
    o.put("s", sub);
    o.put("a", authTime.getEpochSecond());
    o.put("e", now.plus(LIFETIME).getEpochSecond());
    String payload = b64(Json.write(o).getBytes(StandardCharsets.UTF_8));
    return payload + "." + b64(mac(payload));
  }

  Optional<Session> read(String cookieValue, String poolId, Instant now) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    int dot = cookieValue.indexOf('.');
    if (dot < 0
        || !ConstantTime.equals(
            cookieValue.substring(dot + 1), b64(mac(cookieValue.substring(0, dot))))) {
      return Optional.empty();
    }
    try {
      JsonNode o =
          Json.read(
              new String(
                  Base64.getUrlDecoder().decode(cookieValue.substring(0, dot)),
                  StandardCharsets.UTF_8));
      String id = o.path("i").asText();
      if (!o.path("p").asText().equals(poolId)
          || o.path("e").asLong() <= now.getEpochSecond()
          || id.isEmpty()
          || revoked.isRevoked(poolId, REVOKED_PREFIX + id)) {
        return Optional.empty();
      }
      return Optional.of(
          new Session(
              poolId,
              o.path("s").asText(),
              Instant.ofEpochSecond(o.path("a").asLong()),
              id,
              Instant.ofEpochSecond(o.path("e").asLong())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Ends the session of {@code cookieValue}, if it is a valid one of the pool. */
  void revoke(String cookieValue, String poolId, Instant now) {
    read(cookieValue, poolId, now)
        .ifPresent(s -> revoked.revoke(poolId, REVOKED_PREFIX + s.id(), s.expiresAt()));
  }

  String setCookie(String value, boolean secure) {
    return COOKIE
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
        + LIFETIME.toSeconds()
        + (secure ? "; Secure" : "");
  }

  static String clearCookie(boolean secure) {
    return COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (secure ? "; Secure" : "");
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              keys.getOrCreate(
                  KEY_NAME,
                  () -> {
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    return key;
                  }),
              "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
