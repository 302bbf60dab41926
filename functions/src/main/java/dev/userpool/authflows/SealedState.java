package dev.userpool.authflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Flow state that must be stored but not readable where it is stored: a custom authentication's
 * private challenge parameters (often the very answer the user must type) and its rounds. Sealed
 * with AES-256-GCM under a deployment key of its own, so a copy of the table alone reveals nothing;
 * the key name is also the associated data, so state sealed for one purpose never opens as another.
 * ({@link DeploymentSealer}).
 */
public final class SealedState {
  private final DeploymentSealer sealer;
  private final byte[] aad;

  public SealedState(DeploymentKeyStore keys, SecureRandom random, String keyName) {
    this.sealer = new DeploymentSealer(keys, random, keyName);
    this.aad = ("userpool/" + keyName + "/v1").getBytes(StandardCharsets.US_ASCII);
  }

  public String seal(ObjectNode state) {
    return sealer.seal(Json.write(state).getBytes(StandardCharsets.UTF_8), aad);
  }

  /** The state this deployment sealed under this key name; empty for anything else. */
  public Optional<JsonNode> open(String sealed) {
    return sealer
        .open(sealed, aad)
        .map(plain -> Json.read(new String(plain, StandardCharsets.UTF_8)));
  }
}
