package dev.userpool.tokens;

import dev.userpool.config.AppConfig;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.store.SigningKeyStore;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemSigningKeyStore;
import dev.userpool.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool, a client and a user, and the token collaborators over one in-memory store with a
 * hand-moved clock.
 */
final class TokenFixtures {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final String POOL_ID = "us-east-1_Tok3nPool";
  static final String BASE = "http://localhost:9229";
  static final String ISSUER = BASE + "/" + POOL_ID;
  static final SecureRandom RANDOM = new SecureRandom();

  final MutableClock clock = MutableClock.at(T0);
  final SigningKeyStore store =
      new ItemSigningKeyStore(
          EmbeddedItemTable.inMemory(clock), clock, new RsaSigningKeyFactory(RANDOM));
  final Tokens tokens;

  TokenFixtures() {
    this(null);
  }

  TokenFixtures(String configuredBase) {
    AppConfig config =
        new AppConfig(
            "memory",
            null,
            null,
            null,
            AppConfig.DEFAULT_ACCOUNT,
            AppConfig.DEFAULT_REGION,
            configuredBase);
    tokens = Tokens.create(store, config, clock, RANDOM);
  }

  static UserPool pool(String id) {
    return new UserPool(
        id,
        "tokens",
        "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + id,
        T0,
        T0,
        Map.of(),
        Map.of(),
        1);
  }

  static AppClient client(Map<String, Object> settings) {
    return new AppClient(POOL_ID, "client1abcdefghijklmnopqrs", "web", null, T0, T0, settings, 1);
  }

  static User user() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sub", "0b8c5d1e-1111-4222-8333-944455556666");
    attributes.put("email", "alice@example.com");
    attributes.put("email_verified", "true");
    attributes.put("phone_number", "+15555550100");
    attributes.put("phone_number_verified", "false");
    attributes.put("custom:tier", "7");
    attributes.put("updated_at", "1714557600");
    return new User(
        POOL_ID,
        "alice",
        "0b8c5d1e-1111-4222-8333-944455556666",
        attributes,
        true,
        UserStatus.CONFIRMED,
        T0,
        T0,
        new PasswordVerifier("00", "00", T0, null),
        Map.of(),
        1);
  }

  static TokenGrant grant() {
    return new TokenGrant(
        pool(POOL_ID),
        client(Map.of()),
        user(),
        ISSUER,
        T0.minusSeconds(600),
        T0,
        "11111111-2222-4333-8444-555555555555",
        "66666666-7777-4888-9999-000000000000",
        null,
        null,
        null,
        java.util.List.of(TokenGrant.ADMIN_SCOPE),
        null);
  }
}
