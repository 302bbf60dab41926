package dev.userpool.operations.users;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeRulesTest {
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

  private final AttributeRules rules =
      AttributeRules.of(
          new UserPool(
              "us-east-1_AbCdEfGhI",
              "p",
              "arn",
              NOW,
              NOW,
              Map.of(
                  "SchemaAttributes",
                  List.of(
                      Map.of("Name", "email", "Required", true, "Mutable", true),
                      Map.of("Name", "tenant", "Mutable", false),
                      Map.of("Name", "custom:team", "Mutable", true),
                      Map.of("Name", "score", "DeveloperOnlyAttribute", true))),
              Map.of(),
              0));

  @Test
  void whenSchemaNamesCustomAttributesWithoutPrefixThenTheyAreKnownWithIt() {
    assertEquals(true, rules.exists("custom:tenant"));
    assertEquals(true, rules.exists("custom:team"));
    assertEquals(true, rules.exists("dev:custom:score"));
    assertEquals(false, rules.exists("custom:score"));
    assertEquals(false, rules.exists("tenant"));
  }

  @Test
  void whenImmutableAttributeIsSetAtCreationThenItIsAccepted() {
    assertDoesNotThrow(
        () ->
            rules.checkCreate(Map.of("email", "a@example.com", "custom:tenant", "acme"), Set.of()));
  }

  @Test
  void whenImmutableAttributeIsRewrittenWithSameValueThenItIsAccepted() {
    User user = user(Map.of("custom:tenant", "acme"));

    assertDoesNotThrow(() -> rules.checkUpdate(user, Map.of("custom:tenant", "acme")));
  }

  @Test
  void whenImmutableAttributeWasNeverSetThenItCannotBeSetLater() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> rules.checkUpdate(user(Map.of()), Map.of("custom:tenant", "acme")));

    assertEquals("Cannot modify the non-mutable attribute custom:tenant", e.getMessage());
  }

  @Test
  void whenRequiredAttributeIsImpliedByUsernameThenCreateAccepts() {
    assertDoesNotThrow(() -> rules.checkCreate(Map.of(), Set.of("email")));
    assertEquals(
        ErrorCode.INVALID_PARAMETER,
        assertThrows(CognitoException.class, () -> rules.checkCreate(Map.of(), Set.of())).code());
  }

  @Test
  void whenVerifiedFlagIsTrueOrFalseInAnyCaseThenAcceptedOtherwiseRejected() {
    assertDoesNotThrow(() -> rules.checkUpdate(user(Map.of()), Map.of("email_verified", "false")));
    assertDoesNotThrow(() -> rules.checkUpdate(user(Map.of()), Map.of("email_verified", "True")));
    assertDoesNotThrow(
        () -> rules.checkUpdate(user(Map.of()), Map.of("phone_number_verified", "FALSE")));
    assertThrows(
        CognitoException.class,
        () -> rules.checkUpdate(user(Map.of()), Map.of("email_verified", "yes")));
  }

  @Test
  void whenPhoneNumberIsNotE164ThenInvalidPhoneNumberFormat() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> rules.checkUpdate(user(Map.of()), Map.of("phone_number", "555-0100")));

    assertEquals("Invalid phone number format.", e.getMessage());
  }

  @Test
  void whenChangedEmailIsNotFlaggedInTheCallThenItBecomesUnverified() {
    User user = user(Map.of("email", "old@example.com", "email_verified", "true"));

    Map<String, String> after =
        AttributeChanges.plan(
                settings(List.of(), List.of()), user, Map.of("email", "new@example.com"))
            .attributes();

    assertEquals("false", after.get("email_verified"));
  }

  @Test
  void whenEmailIsRewrittenUnchangedThenVerifiedFlagStays() {
    User user = user(Map.of("email", "same@example.com", "email_verified", "true"));

    Map<String, String> after =
        AttributeChanges.plan(
                settings(List.of(), List.of()), user, Map.of("email", "same@example.com"))
            .attributes();

    assertEquals("true", after.get("email_verified"));
  }

  @Test
  void whenAnAutoVerifiedEmailChangesThenACodeGoesToTheNewValue() {
    User user = user(Map.of("email", "old@example.com", "email_verified", "true"));

    var plan =
        AttributeChanges.plan(
            settings(List.of("email"), List.of()), user, Map.of("email", "new@example.com"));

    assertEquals("new@example.com", plan.attributes().get("email"));
    assertEquals("false", plan.attributes().get("email_verified"));
    assertEquals(Map.of("email", "new@example.com"), plan.toVerify());
    assertEquals(Map.of(), plan.pending());
  }

  @Test
  void whenVerificationBeforeUpdateIsRequiredThenTheOldValueStaysAndTheNewOneIsPending() {
    User user = user(Map.of("email", "old@example.com", "email_verified", "true"));

    var plan =
        AttributeChanges.plan(
            settings(List.of("email"), List.of("email")), user, Map.of("email", "new@example.com"));

    assertEquals("old@example.com", plan.attributes().get("email"));
    assertEquals("true", plan.attributes().get("email_verified"));
    assertEquals(Map.of("email", "new@example.com"), plan.pending());
    assertEquals(Map.of("email", "new@example.com"), plan.toVerify());
  }

  @Test
  void whenTheSameCallSetsTheVerifiedFlagThenNoCodeIsSent() {
    User user = user(Map.of("email", "old@example.com"));

    var plan =
        AttributeChanges.plan(
            settings(List.of("email"), List.of("email")),
            user,
            Map.of("email", "new@example.com", "email_verified", "true"));

    assertEquals("new@example.com", plan.attributes().get("email"));
    assertEquals("true", plan.attributes().get("email_verified"));
    assertEquals(Map.of(), plan.toVerify());
  }

  private static dev.userpool.domain.PoolSettings settings(
      List<String> autoVerified, List<String> beforeUpdate) {
    return new dev.userpool.domain.PoolSettings(
        Map.of(
            "AutoVerifiedAttributes",
            autoVerified,
            "UserAttributeUpdateSettings",
            Map.of("AttributesRequireVerificationBeforeUpdate", beforeUpdate)));
  }

  private static User user(Map<String, String> attributes) {
    return new User(
        "us-east-1_AbCdEfGhI",
        "u",
        "s",
        attributes,
        true,
        UserStatus.CONFIRMED,
        NOW,
        NOW,
        null,
        Map.of(),
        0);
  }
}
