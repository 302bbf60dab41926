package dev.userpool.operations.authevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.authevents.AuthEventLog;
import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemAppClientStore;
import dev.userpool.store.items.ItemAuthEventStore;
import dev.userpool.store.items.ItemUserPoolStore;
import dev.userpool.store.items.ItemUserStore;
import dev.userpool.store.table.ItemTable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UpdateAuthEventFeedback with the token an event was recorded with (which only a notification
 * email would carry, so the test takes it from the log): the right token sets the feedback, a wrong
 * one or another event's is NotAuthorizedException and changes nothing.
 */
class UpdateAuthEventFeedbackTest {
  private static final String POOL = "us-east-1_Feedback1";
  private final Instant now = Instant.now();
  private final ItemTable table = EmbeddedItemTable.inMemory(Clock.systemUTC());
  private final ItemUserPoolStore pools = new ItemUserPoolStore(table);
  private final ItemUserStore users = new ItemUserStore(table);
  private final AuthEventLog log =
      new AuthEventLog(new ItemAuthEventStore(table, AuthEventLog.RETENTION), new SecureRandom());
  private final UpdateAuthEventFeedback feedback =
      new UpdateAuthEventFeedback(
          new Lookups(pools, new ItemAppClientStore(table)), new UserDirectory(users), log);
  private final OperationContext ctx =
      new OperationContext("req", "us-east-1", "123456789012", now, "127.0.0.1");
  private UserPool pool;

  @BeforeEach
  void poolAndUser() {
    pool =
        new UserPool(
            POOL,
            "p",
            "arn",
            now,
            now,
            Map.of("UserPoolAddOns", Map.of("AdvancedSecurityMode", "AUDIT")),
            Map.of(),
            0);
    pools.create(pool);
    User alice =
        new User(
            POOL,
            "alice",
            "sub-alice",
            Map.of("sub", "sub-alice"),
            true,
            UserStatus.CONFIRMED,
            now,
            now,
            null,
            Map.of(),
            0);
    users.create(alice, UserDirectory.keys(pool, alice));
  }

  private AuthEventLog.Recorded signIn() {
    return log.record(
            pool,
            "sub-alice",
            AuthEventLog.SIGN_IN,
            AuthEventLog.PASS,
            AuthEventLog.NO_RISK,
            List.of(),
            "192.0.2.1",
            null,
            now)
        .orElseThrow();
  }

  private Input input(String eventId, String token, String value) {
    return Input.of(
        Json.object()
            .put("UserPoolId", POOL)
            .put("Username", "alice")
            .put("EventId", eventId)
            .put("FeedbackToken", token)
            .put("FeedbackValue", value));
  }

  private AuthEvent stored(String eventId) {
    return log.list(pool, "sub-alice", 60, null).items().stream()
        .filter(e -> e.eventId().equals(eventId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void whenTheEventsTokenIsGivenThenTheFeedbackIsStoredAsTheUsers() {
    AuthEventLog.Recorded event = signIn();

    feedback.handle(input(event.eventId(), event.feedbackToken(), "Valid"), ctx);

    AuthEvent after = stored(event.eventId());
    assertEquals("Valid", after.feedbackValue());
    assertEquals("User", after.feedbackProvider());
    assertEquals(now.toEpochMilli(), after.feedbackDate().toEpochMilli());
    assertNotEquals(event.feedbackToken(), after.feedbackTokenHash(), "only the hash is stored");
  }

  @Test
  void whenTheTokenIsWrongOrAnotherEventsThenNotAuthorizedAndNothingChanges() {
    AuthEventLog.Recorded first = signIn();
    AuthEventLog.Recorded second = signIn();

    for (String token : List.of(second.feedbackToken(), "x" + first.feedbackToken(), "")) {
      CognitoException refused =
          assertThrows(
              CognitoException.class,
              () -> feedback.handle(input(first.eventId(), token, "Invalid"), ctx));
      assertEquals(ErrorCode.NOT_AUTHORIZED, refused.code());
    }
    assertNull(stored(first.eventId()).feedbackValue());
  }

  @Test
  void whenThreatProtectionIsOffThenNothingIsRecorded() {
    UserPool off = new UserPool("us-east-1_Feedback2", "p", "arn", now, now, Map.of(), Map.of(), 0);

    assertTrue(
        log.record(
                off,
                "sub-alice",
                AuthEventLog.SIGN_IN,
                AuthEventLog.PASS,
                AuthEventLog.NO_RISK,
                List.of(),
                null,
                null,
                now)
            .isEmpty());
  }
}
