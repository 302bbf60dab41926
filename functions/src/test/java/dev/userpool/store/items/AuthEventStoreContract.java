package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.Page;
import dev.userpool.store.AuthEventStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.ItemTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of the auth event store on every backend. */
public abstract class AuthEventStoreContract {
  private static final String POOL = "us-east-1_Pool00001";

  /** A fresh, empty table whose clock reads {@code now}. */
  protected abstract ItemTable newTable();

  /** Time in the table's clock: events are created relative to it so the TTL is in the future. */
  private final Instant now = Instant.now();

  private ItemTable table;
  private AuthEventStore events;

  @BeforeEach
  void store() {
    table = newTable();
    events = new ItemAuthEventStore(table, Duration.ofDays(90));
  }

  private AuthEvent event(String sub, String id, Instant at, String response) {
    return new AuthEvent(
        POOL,
        sub,
        id,
        "SignIn",
        at,
        response,
        "NoRisk",
        null,
        List.of(new AuthEvent.Challenge("Password", "Success")),
        "192.0.2.7",
        null,
        "hash-of-token",
        null,
        null,
        null,
        0);
  }

  @Test
  void whenEventsAreCreatedThenTheyAreListedNewestFirstUnderTheirUserOnly() {
    events.create(event("sub-1", "e-old", now.minusSeconds(30), "Pass"));
    events.create(event("sub-1", "e-new", now.minusSeconds(10), "Fail"));
    events.create(event("sub-2", "e-other", now.minusSeconds(20), "Pass"));

    Page<AuthEvent> page = events.listOf(POOL, "sub-1", 10, null);
    assertEquals(List.of("e-new", "e-old"), page.items().stream().map(AuthEvent::eventId).toList());
    assertNull(page.nextToken());
    AuthEvent newest = page.items().get(0);
    assertEquals("Fail", newest.response());
    assertEquals("192.0.2.7", newest.ipAddress());
    assertEquals(List.of(new AuthEvent.Challenge("Password", "Success")), newest.challenges());
    assertEquals(now.minusSeconds(10).toEpochMilli(), newest.createdAt().toEpochMilli());
    assertEquals("hash-of-token", newest.feedbackTokenHash());
    assertTrue(events.listOf("us-east-1_Pool00002", "sub-1", 10, null).items().isEmpty());
  }

  @Test
  void whenTwoEventsAreAMicrosecondApartThenTheLaterIsListedFirst() {
    Instant at = now.minusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    events.create(event("sub-1", "first", at, "Pass"));
    events.create(event("sub-1", "second", at.plusNanos(1_000), "Pass"));

    assertEquals(
        List.of("second", "first"),
        events.listOf(POOL, "sub-1", 10, null).items().stream().map(AuthEvent::eventId).toList());
    assertEquals(
        at.plusNanos(1_000), events.find(POOL, "sub-1", "second").orElseThrow().createdAt());
  }

  @Test
  void whenThereAreMoreEventsThanAPageThenTheTokenLeadsThroughAllOfThem() {
    for (int i = 0; i < 5; i++) {
      events.create(event("sub-1", "e" + i, now.minusSeconds(100 - i), "Pass"));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<AuthEvent> page = events.listOf(POOL, "sub-1", 2, token);
      page.items().forEach(e -> seen.add(e.eventId()));
      token = page.nextToken();
    } while (token != null);
    assertEquals(List.of("e4", "e3", "e2", "e1", "e0"), seen);
  }

  @Test
  void whenAnEventIsFoundByIdAndUpdatedThenTheChangeIsStoredAndAStaleCopyIsRefused() {
    events.create(event("sub-1", "e1", now.minusSeconds(5), "InProgress"));
    AuthEvent found = events.find(POOL, "sub-1", "e1").orElseThrow();
    assertTrue(events.find(POOL, "sub-2", "e1").isEmpty());

    AuthEvent after =
        events.update(
            found, found.withChallenge(new AuthEvent.Challenge("Mfa", "Success"), "Pass"));
    AuthEvent stored = events.find(POOL, "sub-1", "e1").orElseThrow();
    assertEquals("Pass", stored.response());
    assertEquals(2, stored.challenges().size());
    assertEquals(after.version(), stored.version());

    assertThrows(
        StaleWriteException.class,
        () -> events.update(found, found.withFeedback("Valid", "Admin", now)));
    events.update(stored, stored.withFeedback("Invalid", "User", now));
    AuthEvent withFeedback = events.find(POOL, "sub-1", "e1").orElseThrow();
    assertEquals("Invalid", withFeedback.feedbackValue());
    assertEquals("User", withFeedback.feedbackProvider());
    assertEquals(now.toEpochMilli(), withFeedback.feedbackDate().toEpochMilli());
  }

  @Test
  void whenAnEventIsOlderThanTheRetentionThenItIsGone() {
    events.create(event("sub-1", "old", now.minus(Duration.ofDays(91)), "Pass"));
    events.create(event("sub-1", "recent", now.minus(Duration.ofDays(89)), "Pass"));

    assertEquals(
        List.of("recent"),
        events.listOf(POOL, "sub-1", 10, null).items().stream().map(AuthEvent::eventId).toList());
    assertTrue(events.find(POOL, "sub-1", "old").isEmpty());
  }
}
