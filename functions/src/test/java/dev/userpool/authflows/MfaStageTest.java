package dev.userpool.authflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemChallengeSessionStore;
import dev.userpool.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which challenge the MFA stage asks for, from the pool's MfaConfiguration and the user's factors.
 */
class MfaStageTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private final MutableClock clock = MutableClock.at(NOW);
  private final List<String> sent = new ArrayList<>();
  private final MfaCodes codes =
      new MfaCodes() {
        @Override
        public Sent send(SignInContext ctx, User user, String factor) {
          sent.add(factor);
          return new Sent(factor.equals(PoolMfa.SMS_MFA) ? "SMS" : "EMAIL", "masked");
        }

        @Override
        public boolean accept(SignInContext ctx, User user, String code) {
          return false;
        }
      };
  private final MfaStage stage =
      new MfaStage(
          new ChallengeSessions(
              new ItemChallengeSessionStore(EmbeddedItemTable.inMemory(clock)), new SecureRandom()),
          codes);

  private static SignInContext ctx(String mfa, boolean sms, boolean totp, boolean email) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("MfaConfiguration", mfa);
    settings.put(PoolMfa.SMS_ENABLED, sms);
    if (totp) {
      settings.put(PoolMfa.SOFTWARE_TOKEN, Map.of("Enabled", true));
    }
    if (email) {
      settings.put(PoolMfa.EMAIL, Map.of("Subject", "s"));
    }
    UserPool pool =
        new UserPool("us-east-1_AbCdEfGhI", "p", "arn", NOW, NOW, settings, Map.of(), 0);
    AppClient client = new AppClient(pool.id(), "client1", "app", null, NOW, NOW, Map.of(), 0);
    return new SignInContext(pool, client, Map.of(), false, NOW, "http://localhost");
  }

  private static User user(Map<String, Object> extensions, String... attributes) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      a.put(attributes[i], attributes[i + 1]);
    }
    return new User(
        "us-east-1_AbCdEfGhI",
        "u",
        "sub-u",
        a,
        true,
        UserStatus.CONFIRMED,
        NOW,
        NOW,
        null,
        extensions,
        1);
  }

  private static Map<String, Object> factors(
      List<String> enabled, String preferred, boolean verifiedToken) {
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put(UserMfa.SETTINGS, enabled);
    if (preferred != null) {
      ext.put(UserMfa.PREFERRED, preferred);
    }
    if (verifiedToken) {
      ext.put(UserMfa.TOKEN, Map.of("secret", "sealed", "name", "phone"));
    }
    return ext;
  }

  @Test
  void whenPoolMfaIsOffThenNoChallengeEvenForEnabledFactors() {
    User user = user(factors(List.of("SOFTWARE_TOKEN_MFA"), null, true));
    assertEquals(Optional.empty(), stage.challenge(ctx("OFF", false, true, false), user));
  }

  @Test
  void whenOptionalAndNoFactorThenNoChallenge() {
    assertEquals(
        Optional.empty(), stage.challenge(ctx("OPTIONAL", true, true, true), user(Map.of())));
  }

  @Test
  void whenRequiredAndNoFactorThenMfaSetupWithAPortableSession() {
    AuthResult.Challenge c =
        stage.challenge(ctx("ON", false, true, false), user(Map.of())).orElseThrow();
    assertEquals("MFA_SETUP", c.name());
    assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", c.parameters().get("MFAS_CAN_SETUP"));
    assertTrue(c.session().startsWith("us-east-1_AbCdEfGhI."), c.session());
  }

  @Test
  void whenRequiredWithSmsAndUserHasAPhoneThenSmsCodeIsSentWithoutEnrolment() {
    AuthResult.Challenge c =
        stage
            .challenge(ctx("ON", true, true, false), user(Map.of(), "phone_number", "+15555550100"))
            .orElseThrow();
    assertEquals("SMS_MFA", c.name());
    assertEquals("SMS", c.parameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals(List.of("SMS_MFA"), sent);
  }

  @Test
  void whenTotpIsEnabledButNotVerifiedThenItIsNotUsable() {
    User user = user(factors(List.of("SOFTWARE_TOKEN_MFA"), "SOFTWARE_TOKEN_MFA", false));
    assertEquals(Optional.empty(), stage.challenge(ctx("OPTIONAL", false, true, false), user));
  }

  @Test
  void whenTotpIsTheOnlyFactorThenItsChallengeNamesTheDevice() {
    User user = user(factors(List.of("SOFTWARE_TOKEN_MFA"), null, true));
    AuthResult.Challenge c =
        stage.challenge(ctx("OPTIONAL", false, true, false), user).orElseThrow();
    assertEquals("SOFTWARE_TOKEN_MFA", c.name());
    assertEquals("phone", c.parameters().get("FRIENDLY_DEVICE_NAME"));
    assertNotNull(c.session());
    assertTrue(sent.isEmpty());
  }

  @Test
  void whenTwoFactorsAndNonePreferredThenSelectMfaTypeAndNothingIsSent() {
    User user =
        user(
            factors(List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"), null, true),
            "phone_number",
            "+15555550100");
    AuthResult.Challenge c =
        stage.challenge(ctx("OPTIONAL", true, true, false), user).orElseThrow();
    assertEquals("SELECT_MFA_TYPE", c.name());
    assertEquals("[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", c.parameters().get("MFAS_CAN_CHOOSE"));
    assertTrue(sent.isEmpty());
  }

  @Test
  void whenTwoFactorsAndOnePreferredThenThePreferredOne() {
    User user =
        user(
            factors(List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"), "SMS_MFA", true),
            "phone_number",
            "+1555");
    assertEquals(
        "SMS_MFA", stage.challenge(ctx("OPTIONAL", true, true, false), user).orElseThrow().name());
  }

  @Test
  void whenPoolStopsOfferingSmsThenAnSmsFactorIsNotUsableButTotpStillIs() {
    User user =
        user(
            factors(List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"), null, true), "phone_number", "+1555");
    assertEquals(
        "SOFTWARE_TOKEN_MFA",
        stage.challenge(ctx("OPTIONAL", false, false, true), user).orElseThrow().name());
  }

  @Test
  void whenLegacyMfaOptionsAreSetThenSmsIsUsed() {
    Map<String, Object> ext =
        Map.of(
            UserMfa.LEGACY_OPTIONS,
            List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number")));
    User user = user(ext, "phone_number", "+15555550100");
    assertEquals(
        "SMS_MFA", stage.challenge(ctx("OPTIONAL", true, false, false), user).orElseThrow().name());
  }
}
