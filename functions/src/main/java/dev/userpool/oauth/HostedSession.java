package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
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
 * cookie MACed with a deployment key (no server-side state), valid for one hour like Cognito's
 * hosted session cookie. /logout clears it; until it expires a copied cookie stays valid, since
 * nothing is stored to revoke.
 */
final class HostedSession {
  static final String COOKIE = "userpool-session";
  static final Duration LIFETIME = Duration.ofHours(1);
  private static final String KEY_NAME = "hosted-session";

  record Session(String poolId, String sub, Instant authTime) {}

  private final DeploymentKeyStore keys;
  private final SecureRandom random;

  HostedSession(DeploymentKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  String issue(String poolId, String sub, Instant authTime, Instant now) {
    ObjectNode o = Json.object();
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
      if (!o.path("p").asText().equals(poolId) || o.path("e").asLong() <= now.getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(
          new Session(poolId, o.path("s").asText(), Instant.ofEpochSecond(o.path("a").asLong())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
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
