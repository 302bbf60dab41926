package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.DeploymentSealer;
import dev.userpool.oauth.saml.SamlSession;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.RevokedOriginStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The browser's SAML sign-in, kept for single logout: set when {@code /saml2/idpresponse} signs a
 * user in, read by {@code /logout}. Sealed (AES-GCM under a deployment key) since it carries the
 * NameID; lives as long as the hosted session; each has a random id that /logout records as
 * revoked, so the same cookie never starts a second sign-out.
 */
final class SamlSessionCookie {
  static final String COOKIE = "userpool-saml";
  private static final String KEY_NAME = "saml-session";
  private static final String REVOKED_PREFIX = "saml-session:";
  private static final byte[] AAD = "userpool saml session v1".getBytes(StandardCharsets.UTF_8);

  record Current(String id, Instant expiresAt, SamlSession session) {}

  private final DeploymentKeyStore keys;
  private final RevokedOriginStore revoked;
  private final SecureRandom random;

  SamlSessionCookie(DeploymentKeyStore keys, RevokedOriginStore revoked, SecureRandom random) {
    this.keys = keys;
    this.revoked = revoked;
    this.random = random;
  }

  /** The Set-Cookie header value for a new session. */
  String setCookie(String poolId, SamlSession session, Instant now, boolean secure) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    ObjectNode o = Json.object();
    o.put("i", Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    o.put("p", poolId);
    o.put("v", session.providerName());
    o.put("n", session.nameId());
    putNullable(o, "f", session.nameIdFormat());
    putNullable(o, "s", session.sessionIndex());
    o.put("e", now.plus(HostedSession.LIFETIME).getEpochSecond());
    // the sealer's base64 made cookie-safe (RFC 6265 cookie-octets): URL alphabet, no padding
    String value =
        sealer()
            .seal(Json.write(o).getBytes(StandardCharsets.UTF_8), AAD)
            .replace('+', '-')
            .replace('/', '_')
            .replace("=", "");
    return COOKIE
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
        + HostedSession.LIFETIME.toSeconds()
        + (secure ? "; Secure" : "");
  }

  /** The live session of the pool this cookie holds, if any. */
  Optional<Current> read(String cookieValue, String poolId, Instant now) {
    if (cookieValue == null || cookieValue.isEmpty()) {
      return Optional.empty();
    }
    String base64 = cookieValue.replace('-', '+').replace('_', '/');
    base64 += "=".repeat((4 - base64.length() % 4) % 4);
    return sealer()
        .open(base64, AAD)
        .flatMap(
            plain -> {
              try {
                JsonNode o = Json.read(new String(plain, StandardCharsets.UTF_8));
                String id = o.path("i").asText();
                if (!o.path("p").asText().equals(poolId)
                    || o.path("e").asLong() <= now.getEpochSecond()
                    || revoked.isRevoked(poolId, REVOKED_PREFIX + id)) {
                  return Optional.empty();
                }
                return Optional.of(
                    new Current(
                        id,
                        Instant.ofEpochSecond(o.path("e").asLong()),
                        new SamlSession(
                            o.path("v").asText(),
                            o.path("n").asText(),
                            text(o, "f"),
                            text(o, "s"))));
              } catch (RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  void revoke(String poolId, Current current) {
    revoked.revoke(poolId, REVOKED_PREFIX + current.id(), current.expiresAt());
  }

  private DeploymentSealer sealer() {
    return new DeploymentSealer(keys, random, KEY_NAME);
  }

  private static void putNullable(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String text(JsonNode o, String name) {
    return o.hasNonNull(name) ? o.get(name).asText() : null;
  }
}
