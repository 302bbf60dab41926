package dev.userpool.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.authflows.DeploymentSealer;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.CachedDeploymentKeyStore;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A local reset empties the store, yet sealers that live across it still agree. */
class WiringResetTest {
  private static final byte[] AAD = "purpose".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAIN = "state".getBytes(StandardCharsets.UTF_8);

  private final Clock clock = Clock.systemUTC();
  private final Wiring wiring =
      new Wiring(
          new AppConfig(
              "memory",
              null,
              null,
              null,
              AppConfig.DEFAULT_ACCOUNT,
              AppConfig.DEFAULT_REGION,
              null),
          clock,
          EmbeddedItemTable.inMemory(clock),
          RequestAuthenticator.ACCEPT_ALL);

  /** A sealer as each process (or each long-lived component) holds one: over its own key cache. */
  private DeploymentSealer sealer() {
    return new DeploymentSealer(
        new CachedDeploymentKeyStore(new ItemDeploymentKeyStore(wiring.table())),
        new SecureRandom(),
        "secret-block");
  }

  @Test
  void whenTheStoreIsResetThenASealerFromBeforeAndOneFromAfterOpenEachOthersValues() {
    DeploymentSealer longLived = sealer();
    longLived.seal(PLAIN, AAD); // reads (creates) the key before the reset

    wiring.reset();
    DeploymentSealer fresh = sealer();

    assertArrayEquals(PLAIN, fresh.open(longLived.seal(PLAIN, AAD), AAD).orElseThrow());
    assertArrayEquals(PLAIN, longLived.open(fresh.seal(PLAIN, AAD), AAD).orElseThrow());
  }

  @Test
  void whenTheStoreIsResetThenItsDataIsGone() {
    ItemTable table = wiring.table();
    table.write(List.of(Write.put(Item.of("POOLS", "POOL#x", "{}"), Condition.NONE)));

    wiring.reset();

    assertTrue(table.get("POOLS", "POOL#x").isEmpty());
  }
}
