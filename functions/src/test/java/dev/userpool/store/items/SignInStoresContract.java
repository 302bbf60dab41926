package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.RefreshToken;
import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.ChallengeSessionStore.Consumed;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the sign-in stores (challenge sessions, refresh tokens, deployment keys) on every
 * backend.
 */
public abstract class SignInStoresContract {
  protected final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");

  /** A fresh, empty table reading time from {@link #clock}. */
  protected abstract ItemTable newTable();

  private ChallengeSessionStore sessions;
  private RefreshTokenStore refreshTokens;
  private DeploymentKeyStore keys;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    sessions = new ItemChallengeSessionStore(table);
    refreshTokens = new ItemRefreshTokenStore(table);
    keys = new ItemDeploymentKeyStore(table);
  }

  private ChallengeSession session(String id, Duration validity) {
    Instant now = clock.instant();
    return new ChallengeSession(
        "us-east-1_Pool00001",
        id,
        "client1",
        "sub-1",
        "NEW_PASSWORD_REQUIRED",
        now,
        now.plus(validity),
        false);
  }

  @Test
  void whenSessionIsConsumedThenItIsTakenOnceAndThenAlreadyUsed() {
    sessions.create(session("s1", Duration.ofMinutes(3)));

    Consumed first = sessions.consume("us-east-1_Pool00001", "s1");
    Consumed second = sessions.consume("us-east-1_Pool00001", "s1");

    ChallengeSession taken = assertInstanceOf(Consumed.Taken.class, first).session();
    assertEquals("client1", taken.clientId());
    assertEquals("sub-1", taken.sub());
    assertEquals("NEW_PASSWORD_REQUIRED", taken.challengeName());
    assertInstanceOf(Consumed.AlreadyUsed.class, second);
    assertInstanceOf(Consumed.Missing.class, sessions.consume("us-east-1_Pool00002", "s1"));
  }

  @Test
  void whenSessionCarriesFlowStateAndNoUserThenBothComeBackAsStored() {
    Instant now = clock.instant();
    sessions.create(
        new ChallengeSession(
            "us-east-1_Pool00001",
            "s4",
            "client1",
            null,
            "CUSTOM_CHALLENGE",
            now,
            now.plus(Duration.ofMinutes(3)),
            false,
            "c2VhbGVkLXN0YXRl"));
    sessions.create(session("s5", Duration.ofMinutes(3)));

    ChallengeSession taken =
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "s4"))
            .session();
    assertEquals("c2VhbGVkLXN0YXRl", taken.state());
    assertNull(taken.sub());
    assertEquals(
        "c2VhbGVkLXN0YXRl",
        assertInstanceOf(Consumed.AlreadyUsed.class, sessions.consume("us-east-1_Pool00001", "s4"))
            .session()
            .state());
    assertNull(
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "s5"))
            .session()
            .state());
  }

  @Test
  void whenRefreshTokenWasIssuedOnADeviceThenTheDeviceKeyComesBack() {
    Instant now = clock.instant();
    RefreshToken token =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ef56",
            "client1",
            "sub-1",
            now,
            "origin-3",
            now,
            now.plus(Duration.ofDays(30)),
            "us-east-1_0f1e2d3c-0000-4000-8000-000000000001");
    refreshTokens.create(token);

    assertEquals(token, refreshTokens.find("us-east-1_Pool00001", "ef56").orElseThrow());
  }

  @Test
  void whenTakenSessionIsReopenedThenItCanBeTakenAgainWithTheFailureCounted() {
    sessions.create(session("r1", Duration.ofMinutes(3)));
    ChallengeSession taken =
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "r1"))
            .session();

    assertTrue(sessions.reopen(taken));
    assertFalse(
        sessions.reopen(taken)); // the stored copy is unused again: a second reopen changes nothing

    ChallengeSession again =
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "r1"))
            .session();
    assertEquals(1, again.failedAttempts());
    assertTrue(sessions.reopen(again));
    assertEquals(
        2,
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "r1"))
            .session()
            .failedAttempts());
  }

  @Test
  void whenExpiredSessionIsReopenedThenNothingChanges() {
    sessions.create(session("r2", Duration.ofMinutes(3)));
    ChallengeSession taken =
        assertInstanceOf(Consumed.Taken.class, sessions.consume("us-east-1_Pool00001", "r2"))
            .session();
    clock.advance(Duration.ofMinutes(3));

    assertFalse(sessions.reopen(taken));
    assertInstanceOf(Consumed.Missing.class, sessions.consume("us-east-1_Pool00001", "r2"));
  }

  @Test
  void whenSessionExpiresThenItIsMissing() {
    sessions.create(session("s2", Duration.ofMinutes(3)));

    clock.advance(Duration.ofMinutes(3));

    assertInstanceOf(Consumed.Missing.class, sessions.consume("us-east-1_Pool00001", "s2"));
  }

  @Test
  void whenEightAnswersRaceForOneSessionThenExactlyOneTakesIt() throws Exception {
    sessions.create(session("s3", Duration.ofMinutes(3)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Consumed>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> sessions.consume("us-east-1_Pool00001", "s3")));
      }
      int taken = 0;
      for (Future<Consumed> r : results) {
        taken += r.get() instanceof Consumed.Taken ? 1 : 0;
      }
      assertEquals(1, taken);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenRefreshTokenIsStoredThenItIsFoundByHashUntilItExpiresOrIsDeleted() {
    Instant now = clock.instant();
    RefreshToken token =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ab12",
            "client1",
            "sub-1",
            Instant.ofEpochSecond(now.getEpochSecond() - 60),
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));
    refreshTokens.create(token);
    refreshTokens.create(
        new RefreshToken(
            "us-east-1_Pool00001",
            "cd34",
            "client1",
            "sub-1",
            now,
            "origin-2",
            now,
            now.plus(Duration.ofHours(1))));

    assertEquals(token, refreshTokens.find("us-east-1_Pool00001", "ab12").orElseThrow());
    assertTrue(refreshTokens.find("us-east-1_Pool00002", "ab12").isEmpty());
    refreshTokens.delete("us-east-1_Pool00001", "ab12");
    assertTrue(refreshTokens.find("us-east-1_Pool00001", "ab12").isEmpty());
    clock.advance(Duration.ofHours(1));
    assertTrue(refreshTokens.find("us-east-1_Pool00001", "cd34").isEmpty());
  }

  @Test
  void whenRefreshTokenIsRotatedThenItIsMarkedReplacedOnceAndTheSuccessorIsStored() {
    Instant now = clock.instant();
    RefreshToken used =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ab12",
            "client1",
            "sub-1",
            now,
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));
    refreshTokens.create(used);
    clock.advance(Duration.ofSeconds(5));
    Instant later = clock.instant();
    RefreshToken successor =
        new RefreshToken(
            "us-east-1_Pool00001",
            "cd34",
            "client1",
            "sub-1",
            now,
            "origin-1",
            later,
            later.plus(Duration.ofDays(30)));

    refreshTokens.rotate(used, successor);

    RefreshToken replaced = refreshTokens.find("us-east-1_Pool00001", "ab12").orElseThrow();
    assertEquals(used.replacedAt(later), replaced);
    assertEquals(successor, refreshTokens.find("us-east-1_Pool00001", "cd34").orElseThrow());
    // a retry within the grace period rotates again from the replaced token and keeps the first
    // replacement time
    clock.advance(Duration.ofSeconds(1));
    RefreshToken another =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ef56",
            "client1",
            "sub-1",
            now,
            "origin-1",
            clock.instant(),
            clock.instant().plus(Duration.ofDays(30)));
    refreshTokens.rotate(replaced, another);
    assertEquals(
        later, refreshTokens.find("us-east-1_Pool00001", "ab12").orElseThrow().replacedAt());
    assertTrue(refreshTokens.find("us-east-1_Pool00001", "ef56").isPresent());
  }

  @Test
  void whenTheUsedTokenChangedOrVanishedThenRotationIsStaleAndWritesNothing() {
    Instant now = clock.instant();
    RefreshToken used =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ab12",
            "client1",
            "sub-1",
            now,
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));
    refreshTokens.create(used);
    RefreshToken first =
        new RefreshToken(
            "us-east-1_Pool00001",
            "cd34",
            "client1",
            "sub-1",
            now,
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));
    refreshTokens.rotate(used, first);
    RefreshToken second =
        new RefreshToken(
            "us-east-1_Pool00001",
            "ef56",
            "client1",
            "sub-1",
            now,
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));

    // the caller's copy is not replaced, the stored one is: a concurrent rotation won
    assertThrows(StaleWriteException.class, () -> refreshTokens.rotate(used, second));
    assertTrue(refreshTokens.find("us-east-1_Pool00001", "ef56").isEmpty());
    refreshTokens.delete("us-east-1_Pool00001", "ab12");
    assertThrows(
        StaleWriteException.class, () -> refreshTokens.rotate(used.replacedAt(now), second));
    assertTrue(refreshTokens.find("us-east-1_Pool00001", "ef56").isEmpty());
  }

  @Test
  void whenEightUsesRaceToRotateAnUnrotatedTokenThenExactlyOneWins() throws Exception {
    Instant now = clock.instant();
    RefreshToken used =
        new RefreshToken(
            "us-east-1_Pool00001",
            "race",
            "client1",
            "sub-1",
            now,
            "origin-1",
            now,
            now.plus(Duration.ofDays(30)));
    refreshTokens.create(used);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String hash = "next" + i;
        results.add(
            pool.submit(
                () -> {
                  try {
                    refreshTokens.rotate(
                        used,
                        new RefreshToken(
                            "us-east-1_Pool00001",
                            hash,
                            "client1",
                            "sub-1",
                            now,
                            "origin-1",
                            now,
                            now.plus(Duration.ofDays(30))));
                    return true;
                  } catch (StaleWriteException e) {
                    return false;
                  }
                }));
      }
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenDeploymentKeyIsCreatedTwiceThenTheFirstOneStays() {
    byte[] first = keys.getOrCreate("k", () -> new byte[] {1, 2, 3});
    byte[] second = keys.getOrCreate("k", () -> new byte[] {9, 9, 9});

    assertArrayEquals(new byte[] {1, 2, 3}, first);
    assertArrayEquals(first, second);
  }
}
