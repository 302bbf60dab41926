package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.WebAuthnCredentialStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of the passkey store on every backend. */
public abstract class WebAuthnCredentialStoreContract {
  private static final String POOL = "us-east-1_Pool00001";
  private static final Instant T0 = Instant.parse("2024-11-22T10:00:00.123Z");

  /** A fresh, empty table. */
  protected abstract ItemTable newTable();

  private WebAuthnCredentialStore passkeys;

  @BeforeEach
  void store() {
    passkeys = new ItemWebAuthnCredentialStore(newTable());
  }

  private static WebAuthnCredential passkey(String sub, String id) {
    return new WebAuthnCredential(
        POOL,
        sub,
        id,
        "AAAAattested",
        1,
        true,
        true,
        false,
        "example.com",
        "Passkey 2024-11-22 10:00",
        "platform",
        List.of("hybrid", "internal"),
        T0,
        0);
  }

  @Test
  void whenAPasskeyIsCreatedThenItIsFoundUnderItsUserOnlyWithEveryField() {
    assertTrue(passkeys.create(passkey("sub-1", "cred-A")));

    WebAuthnCredential found = passkeys.find(POOL, "sub-1", "cred-A").orElseThrow();
    assertEquals("AAAAattested", found.attestedCredentialData());
    assertEquals(1, found.signCount());
    assertTrue(found.userVerified());
    assertTrue(found.backupEligible());
    assertFalse(found.backedUp());
    assertEquals("example.com", found.relyingPartyId());
    assertEquals("Passkey 2024-11-22 10:00", found.friendlyName());
    assertEquals("platform", found.attachment());
    assertEquals(List.of("hybrid", "internal"), found.transports());
    assertEquals(T0, found.createdAt());
    assertTrue(passkeys.find(POOL, "sub-2", "cred-A").isEmpty());
    assertTrue(passkeys.find("us-east-1_Pool00002", "sub-1", "cred-A").isEmpty());
  }

  @Test
  void whenTheSameIdIsCreatedTwiceForAUserThenTheSecondIsRefused() {
    assertTrue(passkeys.create(passkey("sub-1", "cred-A")));
    assertFalse(passkeys.create(passkey("sub-1", "cred-A")));
    assertTrue(passkeys.create(passkey("sub-2", "cred-A")));
  }

  @Test
  void whenListedThenOnlyTheUsersPasskeysComeInIdOrder() {
    passkeys.create(passkey("sub-1", "cred-C"));
    passkeys.create(passkey("sub-1", "cred-A"));
    passkeys.create(passkey("sub-10", "cred-B"));

    assertEquals(
        List.of("cred-A", "cred-C"),
        passkeys.listOf(POOL, "sub-1").stream().map(WebAuthnCredential::credentialId).toList());
  }

  @Test
  void whenTheCounterMovesFromAStaleCopyThenTheWriteIsRefused() {
    passkeys.create(passkey("sub-1", "cred-A"));
    WebAuthnCredential read = passkeys.find(POOL, "sub-1", "cred-A").orElseThrow();

    WebAuthnCredential moved = passkeys.update(read, read.usedWith(5, true));
    assertEquals(5, passkeys.find(POOL, "sub-1", "cred-A").orElseThrow().signCount());
    assertTrue(passkeys.find(POOL, "sub-1", "cred-A").orElseThrow().backedUp());
    assertThrows(StaleWriteException.class, () -> passkeys.update(read, read.usedWith(6, true)));
    assertEquals(7, passkeys.update(moved, moved.usedWith(7, true)).signCount());
  }

  @Test
  void whenDeletedThenGoneAndASecondDeleteSaysSo() {
    passkeys.create(passkey("sub-1", "cred-A"));

    assertFalse(passkeys.delete(POOL, "sub-2", "cred-A"));
    assertTrue(passkeys.delete(POOL, "sub-1", "cred-A"));
    assertFalse(passkeys.delete(POOL, "sub-1", "cred-A"));
    assertTrue(passkeys.find(POOL, "sub-1", "cred-A").isEmpty());
  }
}
