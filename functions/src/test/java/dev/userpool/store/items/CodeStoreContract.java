package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.domain.VerificationCode;
import dev.userpool.store.CodeStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserWrite;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CodeStore}, run against every item-table backend with a clock the test
 * moves.
 */
public abstract class CodeStoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final String POOL = "us-east-1_CODES";
  private static final String SUB = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

  protected final MutableClock clock = MutableClock.at(T0);

  protected abstract ItemTable newTable();

  private ItemTable table;
  private CodeStore codes;

  @BeforeEach
  void stores() {
    clock.set(T0);
    table = newTable();
    codes = new ItemCodeStore(table, new ItemDeploymentKeyStore(table), new SecureRandom());
  }

  private VerificationCode issue(String purpose, String plain) {
    return codes.save(
        VerificationCode.issue(POOL, SUB, purpose, "jane@example.com", 1, T0, clock.instant()),
        plain);
  }

  @Test
  void whenCodeIsSavedThenOnlyItsHashIsStoredWithTheTtlAttribute() {
    issue(VerificationCode.SIGN_UP, "123456");

    List<Item> items = table.query("POOL#" + POOL, "CODE#", null, 10);
    assertEquals(1, items.size());
    Item item = items.get(0);
    assertEquals("CODE#" + SUB + "#signup", item.sk());
    assertEquals(T0.plus(Duration.ofHours(24)).getEpochSecond(), item.expiresAt());
    assertFalse(item.data().contains("123456"), item.data());
  }

  @Test
  void whenACodeIsSavedWithAUserChangeThenBothOrNeitherAreWritten() {
    ItemUserStore users = new ItemUserStore(table);
    UniqueKey name = new UniqueKey(UniqueKey.Kind.USERNAME, "jane");
    User user =
        users.create(
            new User(
                POOL,
                "jane",
                SUB,
                Map.of("sub", SUB),
                true,
                UserStatus.CONFIRMED,
                T0,
                T0,
                null,
                Map.of(),
                0),
            Set.of(name));
    User counted =
        user.withExtensions(Map.of("codeSends", Map.of("signup", Map.of("sends", 1))), T0);
    VerificationCode code =
        VerificationCode.issue(POOL, SUB, VerificationCode.SIGN_UP, null, 1, T0, T0);

    VerificationCode saved = codes.save(code, "123456", new UserWrite(user, counted, Set.of(name)));
    assertEquals(
        codes.find(POOL, SUB, VerificationCode.SIGN_UP).orElseThrow().version(), saved.version());
    assertTrue(codes.matches(saved, "123456"));
    User stored = users.findBySub(POOL, SUB).orElseThrow();
    assertEquals(user.version() + 1, stored.version());
    assertEquals(stored, users.findByKey(POOL, name).orElseThrow());

    assertThrows(
        StaleWriteException.class,
        () -> codes.save(code, "654321", new UserWrite(user, counted, Set.of(name))));
    assertTrue(
        codes.matches(codes.find(POOL, SUB, VerificationCode.SIGN_UP).orElseThrow(), "123456"),
        "a stale user writes no code either");
  }

  @Test
  void whenTheRightCodeIsGivenThenItMatchesAndAWrongOneDoesNot() {
    VerificationCode stored = issue(VerificationCode.SIGN_UP, "123456");

    assertTrue(codes.matches(stored, "123456"));
    assertFalse(codes.matches(stored, "123457"));
    assertFalse(codes.matches(stored, null));
    assertEquals("jane@example.com", stored.destination());
  }

  @Test
  void whenTheSameCodeIsIssuedToTwoUsersThenTheirHashesDiffer() {
    VerificationCode a = issue(VerificationCode.SIGN_UP, "123456");
    VerificationCode b =
        codes.save(
            VerificationCode.issue(POOL, "other-sub", VerificationCode.SIGN_UP, null, 1, T0, T0),
            "123456");
    assertNotEquals(a.codeHash(), b.codeHash());
    assertTrue(codes.matches(b, "123456"));
  }

  @Test
  void whenANewCodeIsIssuedForThePurposeThenTheOldOneNoLongerMatches() {
    issue(VerificationCode.SIGN_UP, "111111");
    issue(VerificationCode.SIGN_UP, "222222");

    VerificationCode current = codes.find(POOL, SUB, VerificationCode.SIGN_UP).orElseThrow();
    assertFalse(codes.matches(current, "111111"));
    assertTrue(codes.matches(current, "222222"));
  }

  @Test
  void whenPurposesDifferThenCodesAreKeptApart() {
    issue(VerificationCode.SIGN_UP, "111111");
    issue(VerificationCode.attribute("email"), "222222");
    issue(VerificationCode.FORGOT_PASSWORD, "333333");

    assertTrue(codes.matches(codes.find(POOL, SUB, "signup").orElseThrow(), "111111"));
    assertTrue(codes.matches(codes.find(POOL, SUB, "attribute:email").orElseThrow(), "222222"));
    assertTrue(codes.find(POOL, SUB, "attribute:phone_number").isEmpty());
    assertFalse(codes.matches(codes.find(POOL, SUB, "forgot-password").orElseThrow(), "111111"));
  }

  @Test
  void whenTheValidityHasPassedThenTheCodeIsGone() {
    issue(VerificationCode.FORGOT_PASSWORD, "123456");
    clock.advance(Duration.ofMinutes(59));
    assertTrue(codes.find(POOL, SUB, VerificationCode.FORGOT_PASSWORD).isPresent());

    clock.advance(Duration.ofMinutes(1));
    assertTrue(codes.find(POOL, SUB, VerificationCode.FORGOT_PASSWORD).isEmpty());
  }

  @Test
  void whenACodeIsConsumedThenItCannotBeConsumedAgain() {
    VerificationCode stored = issue(VerificationCode.SIGN_UP, "123456");

    assertTrue(codes.consume(stored));
    assertFalse(codes.consume(stored));
    assertTrue(codes.find(POOL, SUB, VerificationCode.SIGN_UP).isEmpty());
  }

  @Test
  void whenTheCodeChangedSinceItWasReadThenConsumeFails() {
    VerificationCode read = issue(VerificationCode.SIGN_UP, "123456");
    codes.recordFailure(POOL, SUB, VerificationCode.SIGN_UP);

    assertFalse(codes.consume(read));
    assertTrue(codes.find(POOL, SUB, VerificationCode.SIGN_UP).isPresent());
  }

  @Test
  void whenWrongAnswersAreRecordedThenTheyAreCountedOnTheCode() {
    issue(VerificationCode.SIGN_UP, "123456");

    assertEquals(1, codes.recordFailure(POOL, SUB, VerificationCode.SIGN_UP));
    assertEquals(2, codes.recordFailure(POOL, SUB, VerificationCode.SIGN_UP));
    VerificationCode now = codes.find(POOL, SUB, VerificationCode.SIGN_UP).orElseThrow();
    assertEquals(2, now.failedAttempts());
    assertTrue(codes.matches(now, "123456"));
    assertEquals(0, codes.recordFailure(POOL, SUB, VerificationCode.FORGOT_PASSWORD));
  }

  @Test
  void whenDeletedThenTheCodeIsGoneAndDeletingNothingIsFine() {
    issue(VerificationCode.SIGN_UP, "123456");
    codes.delete(POOL, SUB, VerificationCode.SIGN_UP);
    codes.delete(POOL, SUB, VerificationCode.SIGN_UP);
    assertTrue(codes.find(POOL, SUB, VerificationCode.SIGN_UP).isEmpty());
  }

  @Test
  void whenTwoStoresShareATableThenTheyShareTheHashKey() {
    issue(VerificationCode.SIGN_UP, "123456");
    CodeStore second =
        new ItemCodeStore(table, new ItemDeploymentKeyStore(table), new SecureRandom());

    VerificationCode stored = second.find(POOL, SUB, VerificationCode.SIGN_UP).orElseThrow();
    assertTrue(second.matches(stored, "123456"));
    assertNotNull(table.get("DEPLOYMENT", "KEY#code-hash").orElse(null));
  }
}
