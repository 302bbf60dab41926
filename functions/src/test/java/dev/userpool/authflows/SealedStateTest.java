package dev.userpool.authflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedStateTest {
  private final ItemDeploymentKeyStore keys =
      new ItemDeploymentKeyStore(EmbeddedItemTable.inMemory(Clock.systemUTC()));
  private final SealedState sealed = new SealedState(keys, new SecureRandom(), "custom-auth-state");

  private static ObjectNode state() {
    ObjectNode o = Json.object();
    o.putObject("private").put("answer", "42");
    return o;
  }

  @Test
  void whenSealedThenItOpensToTheSameStateAndDoesNotShowItsValues() {
    String text = sealed.seal(state());

    assertEquals("42", sealed.open(text).orElseThrow().at("/private/answer").asText());
    assertFalse(new String(Base64.getDecoder().decode(text)).contains("answer"));
    assertFalse(text.equals(sealed.seal(state())), "a fresh nonce every time");
  }

  @Test
  void whenTamperedForeignOrNotBase64ThenItDoesNotOpen() {
    byte[] raw = Base64.getDecoder().decode(sealed.seal(state()));
    raw[raw.length - 1] ^= 1;

    assertTrue(sealed.open(Base64.getEncoder().encodeToString(raw)).isEmpty());
    assertTrue(sealed.open("not base64 !").isEmpty());
    assertTrue(sealed.open(null).isEmpty());
    SealedState other = new SealedState(keys, new SecureRandom(), "another-purpose");
    assertTrue(
        other.open(sealed.seal(state())).isEmpty(),
        "sealed for one purpose never opens as another");
  }
}
