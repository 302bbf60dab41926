package dev.userpool.operations.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFilterTest {
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
  private static final String SUB = "7325c1de-b05b-4f84-b321-9adc6e61f4a2";

  /** Alice: confirmed, enabled, with a few attributes; change one field per test. */
  private static User alice() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sub", SUB);
    attributes.put("email", "Alice@Example.com");
    attributes.put("given_name", "Alice");
    attributes.put("phone_number", "+15555550100");
    attributes.put("custom:team", "blue");
    return new User(
        "us-east-1_AbCdEfGhI",
        "Alice",
        SUB,
        attributes,
        true,
        UserStatus.CONFIRMED,
        NOW,
        NOW,
        null,
        Map.of(),
        1);
  }

  @Test
  void whenFilterIsNullOrBlankThenEveryUserMatches() {
    for (String f : new String[] {null, "", "   "}) {
      UserFilter filter = UserFilter.parse(f);
      assertTrue(filter.matchesAll());
      assertTrue(filter.matches(alice()));
    }
  }

  @Test
  void whenEmailEqualsInAnyCaseThenMatches() {
    assertTrue(UserFilter.parse("email = \"alice@example.com\"").matches(alice()));
    assertTrue(UserFilter.parse("email = \"ALICE@EXAMPLE.COM\"").matches(alice()));
    assertFalse(UserFilter.parse("email = \"alice@example\"").matches(alice()));
  }

  @Test
  void whenPrefixOperatorThenMatchesStartOfValue() {
    assertTrue(UserFilter.parse("email ^= \"ALI\"").matches(alice()));
    assertTrue(UserFilter.parse("phone_number ^= \"+1555\"").matches(alice()));
    assertFalse(UserFilter.parse("email ^= \"example\"").matches(alice()));
    assertTrue(UserFilter.parse("given_name ^= \"\"").matches(alice()));
  }

  @Test
  void whenWhitespaceAroundOperatorIsMissingThenStillParsed() {
    UserFilter filter = UserFilter.parse("email^=\"ali\"");
    assertEquals("email", filter.attributeName());
    assertEquals(UserFilter.Operator.STARTS_WITH, filter.operator());
    assertTrue(filter.matches(alice()));
    assertTrue(UserFilter.parse("  given_name=\"alice\"  ").matches(alice()));
  }

  @Test
  void whenUsernameFilteredThenCaseSensitive() {
    assertTrue(UserFilter.parse("username = \"Alice\"").matches(alice()));
    assertFalse(UserFilter.parse("username = \"alice\"").matches(alice()));
    assertTrue(UserFilter.parse("username ^= \"Al\"").matches(alice()));
    assertFalse(UserFilter.parse("username ^= \"al\"").matches(alice()));
  }

  @Test
  void whenUserStatusFilteredThenCaseInsensitiveOnStatusName() {
    assertTrue(UserFilter.parse("cognito:user_status = \"CONFIRMED\"").matches(alice()));
    assertTrue(UserFilter.parse("cognito:user_status = \"confirmed\"").matches(alice()));
    assertFalse(UserFilter.parse("cognito:user_status = \"UNCONFIRMED\"").matches(alice()));
    User forced = alice().withStatus(UserStatus.FORCE_CHANGE_PASSWORD, NOW);
    assertTrue(UserFilter.parse("cognito:user_status = \"Force_Change_Password\"").matches(forced));
  }

  @Test
  void whenStatusFilteredThenCaseSensitiveEnabledOrDisabled() {
    User disabled = alice().withEnabled(false, NOW);
    assertTrue(UserFilter.parse("status = \"Enabled\"").matches(alice()));
    assertFalse(UserFilter.parse("status = \"Enabled\"").matches(disabled));
    assertTrue(UserFilter.parse("status = \"Disabled\"").matches(disabled));
    assertFalse(UserFilter.parse("status = \"enabled\"").matches(alice()));
  }

  @Test
  void whenSubFilteredThenMatchesSubIgnoringCase() {
    assertTrue(UserFilter.parse("sub = \"" + SUB + "\"").matches(alice()));
    assertTrue(UserFilter.parse("sub = \"7325C1DE-B05B-4F84-B321-9ADC6E61F4A2\"").matches(alice()));
    assertFalse(UserFilter.parse("sub = \"7325c1de\"").matches(alice()));
  }

  @Test
  void whenUserLacksAttributeThenNoMatch() {
    assertFalse(UserFilter.parse("family_name ^= \"\"").matches(alice()));
    assertFalse(UserFilter.parse("preferred_username = \"alice\"").matches(alice()));
  }

  @Test
  void whenValueHasEscapesThenTheyAreRemoved() {
    User quoted = alice().withAttributes(Map.of("name", "Al \"the\" Ice\\"), NOW);
    UserFilter filter = UserFilter.parse("name = \"al \\\"the\\\" ice\\\\\"");
    assertEquals("al \"the\" ice\\", filter.value());
    assertTrue(filter.matches(quoted));
  }

  @Test
  void whenFilterMalformedThenErrorWhileParsing() {
    String[] malformed = {
      "foo",
      "email",
      "email = alice",
      "email = \"alice",
      "email == \"a\"",
      "email != \"a\"",
      "email = \"a\" and name = \"b\"",
      "email = \"a\"b\"",
      "email = \"a\\\"",
      "= \"a\"",
      "email ~= \"a\""
    };
    for (String filter : malformed) {
      CognitoException e =
          assertThrows(CognitoException.class, () -> UserFilter.parse(filter), filter);
      assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
      assertEquals("Error while parsing filter.", e.getMessage(), filter);
    }
  }

  @Test
  void whenAttributeNotSearchableThenInvalidSearchAttribute() {
    for (String name : new String[] {"custom:team", "Email", "address", "email_verified"}) {
      CognitoException e =
          assertThrows(CognitoException.class, () -> UserFilter.parse(name + " = \"x\""), name);
      assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
      assertEquals("Invalid search attribute: " + name, e.getMessage());
    }
  }
}
