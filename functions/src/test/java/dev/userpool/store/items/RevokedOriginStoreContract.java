package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.RevokedOriginStore;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link RevokedOriginStore} on every backend. */
public abstract class RevokedOriginStoreContract {
  protected final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");

  /** A fresh, empty table reading time from {@link #clock}. */
  protected abstract ItemTable newTable();

  private RevokedOriginStore origins;

  @BeforeEach
  void store() {
    origins = new ItemRevokedOriginStore(newTable());
  }

  @Test
  void whenOriginIsRevokedThenItIsRevokedInItsPoolOnly() {
    origins.revoke("us-east-1_Pool00001", "origin-1", clock.instant().plus(Duration.ofDays(30)));

    assertTrue(origins.isRevoked("us-east-1_Pool00001", "origin-1"));
    assertFalse(origins.isRevoked("us-east-1_Pool00001", "origin-2"));
    assertFalse(origins.isRevoked("us-east-1_Pool00002", "origin-1"));
    assertFalse(origins.isRevoked("us-east-1_Pool00001", null));
  }

  @Test
  void whenOriginIsRevokedTwiceThenItStaysRevoked() {
    origins.revoke("us-east-1_Pool00001", "origin-1", clock.instant().plus(Duration.ofHours(1)));
    origins.revoke("us-east-1_Pool00001", "origin-1", clock.instant().plus(Duration.ofHours(2)));

    assertTrue(origins.isRevoked("us-east-1_Pool00001", "origin-1"));
  }

  @Test
  void whenTheRefreshTokenWouldHaveExpiredThenTheEntryIsGone() {
    origins.revoke("us-east-1_Pool00001", "origin-1", clock.instant().plus(Duration.ofHours(1)));

    clock.advance(Duration.ofHours(1));

    assertFalse(origins.isRevoked("us-east-1_Pool00001", "origin-1"));
  }
}
