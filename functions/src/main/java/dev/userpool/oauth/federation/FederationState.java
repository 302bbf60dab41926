package dev.userpool.oauth.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.DeploymentSealer;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code state} (OIDC) or {@code RelayState} (SAML) we send to an external provider: the whole
 * {@link PendingAuthorization}, sealed with AES-GCM under a deployment key, so nothing is stored
 * while the browser is away and a state that was not issued here, or was altered, never opens. It
 * expires after {@link #LIFETIME}.
 */
public final class FederationState {
  /** How long a browser may stay at the provider. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  private static final String KEY_NAME = "federation-state";
  private static final byte[] AAD = "userpool federation state v1".getBytes(StandardCharsets.UTF_8);

  private final DeploymentSealer sealer;

  public FederationState(DeploymentKeyStore keys, SecureRandom random) {
    this.sealer = new DeploymentSealer(keys, random, KEY_NAME);
  }

  public String seal(PendingAuthorization p) {
    ObjectNode o = Json.object();
    o.put("pool", p.poolId());
    o.put("client", p.clientId());
    o.put("idp", p.providerName());
    o.put("rt", p.responseType());
    o.put("ru", p.redirectUri());
    putNullable(o, "st", p.state());
    ArrayNode scopes = o.putArray("sc");
    p.scopes().forEach(scopes::add);
    putNullable(o, "n", p.nonce());
    putNullable(o, "cc", p.codeChallenge());
    putNullable(o, "in", p.idpNonce());
    o.put("exp", p.expiresAt().getEpochSecond());
    return sealer.seal(Json.write(o).getBytes(StandardCharsets.UTF_8), AAD);
  }

  /** The pending authorization, or empty when the state is not ours, altered or expired. */
  public Optional<PendingAuthorization> open(String state, Instant now) {
    if (state == null || state.isEmpty()) {
      return Optional.empty();
    }
    return sealer.open(state, AAD).flatMap(plain -> decode(plain, now));
  }

  private static Optional<PendingAuthorization> decode(byte[] plain, Instant now) {
    try {
      JsonNode o = Json.read(new String(plain, StandardCharsets.UTF_8));
      Instant expires = Instant.ofEpochSecond(o.get("exp").asLong());
      if (!now.isBefore(expires)) {
        return Optional.empty();
      }
      List<String> scopes = new ArrayList<>();
      o.get("sc").forEach(s -> scopes.add(s.asText()));
      return Optional.of(
          new PendingAuthorization(
              o.get("pool").asText(),
              o.get("client").asText(),
              o.get("idp").asText(),
              o.get("rt").asText(),
              o.get("ru").asText(),
              text(o, "st"),
              scopes,
              text(o, "n"),
              text(o, "cc"),
              text(o, "in"),
              expires));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void putNullable(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static String text(JsonNode o, String key) {
    return o.hasNonNull(key) ? o.get(key).asText() : null;
  }
}
