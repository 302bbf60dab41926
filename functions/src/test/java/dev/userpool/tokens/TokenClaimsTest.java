package dev.userpool.tokens;

import static dev.userpool.tokens.TokenFixtures.ISSUER;
import static dev.userpool.tokens.TokenFixtures.T0;
import static dev.userpool.tokens.TokenFixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
  private static final String JTI = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

  @Test
  void whenIdTokenIsBuiltThenClaimsAreCognitosInCognitosOrder() {
    ObjectNode c = TokenClaims.idToken(grant(), JTI, Duration.ofMinutes(30));
    assertEquals(
        List.of(
            "sub",
            "iss",
            "cognito:username",
            "origin_jti",
            "aud",
            "event_id",
            "token_use",
            "auth_time",
            "exp",
            "iat",
            "jti",
            "email",
            "email_verified",
            "phone_number",
            "phone_number_verified",
            "custom:tier",
            "updated_at"),
        names(c));
    assertEquals("0b8c5d1e-1111-4222-8333-944455556666", c.get("sub").asText());
    assertEquals(ISSUER, c.get("iss").asText());
    assertEquals("alice", c.get("cognito:username").asText());
    assertTrue(c.get("aud").isTextual());
    assertEquals("client1abcdefghijklmnopqrs", c.get("aud").asText());
    assertEquals("id", c.get("token_use").asText());
    assertEquals(T0.minusSeconds(600).getEpochSecond(), c.get("auth_time").asLong());
    assertEquals(T0.getEpochSecond(), c.get("iat").asLong());
    assertEquals(T0.getEpochSecond() + 1800, c.get("exp").asLong());
    assertEquals(JTI, c.get("jti").asText());
    assertEquals("11111111-2222-4333-8444-555555555555", c.get("origin_jti").asText());
    assertTrue(c.get("email_verified").isBoolean() && c.get("email_verified").asBoolean());
    assertTrue(
        c.get("phone_number_verified").isBoolean() && !c.get("phone_number_verified").asBoolean());
    assertTrue(c.get("custom:tier").isTextual(), "custom attributes are always strings");
    assertTrue(c.get("updated_at").isIntegralNumber());
    assertFalse(
        c.has("client_id") || c.has("scope") || c.has("username") || c.has("cognito:groups"));
  }

  @Test
  void whenAccessTokenIsBuiltThenClientIdScopeAndUsernameButNoAudOrAttributes() {
    ObjectNode c = TokenClaims.accessToken(grant(), JTI, Duration.ofHours(1));
    assertEquals(
        List.of(
            "sub",
            "iss",
            "client_id",
            "origin_jti",
            "event_id",
            "token_use",
            "scope",
            "auth_time",
            "exp",
            "iat",
            "jti",
            "username"),
        names(c));
    assertEquals("access", c.get("token_use").asText());
    assertEquals("aws.cognito.signin.user.admin", c.get("scope").asText());
    assertEquals("client1abcdefghijklmnopqrs", c.get("client_id").asText());
    assertEquals("alice", c.get("username").asText());
    assertEquals(T0.getEpochSecond() + 3600, c.get("exp").asLong());
  }

  @Test
  void whenUserIsInGroupsThenBothTokensListThemInTheGivenOrderAndRolesOnlyInTheIdToken() {
    TokenGrant g =
        grant()
            .withGroups(List.of("admins", "readers"))
            .withRoles(
                List.of("arn:aws:iam::123456789012:role/a"), "arn:aws:iam::123456789012:role/a");
    ObjectNode id = TokenClaims.idToken(g, JTI, Duration.ofHours(1));
    ObjectNode access = TokenClaims.accessToken(g, JTI, Duration.ofHours(1));
    assertEquals("[\"admins\",\"readers\"]", Json.write(id.get("cognito:groups")));
    assertEquals("[\"admins\",\"readers\"]", Json.write(access.get("cognito:groups")));
    assertEquals("arn:aws:iam::123456789012:role/a", id.get("cognito:preferred_role").asText());
    assertEquals(1, id.get("cognito:roles").size());
    assertFalse(access.has("cognito:roles") || access.has("cognito:preferred_role"));
  }

  @Test
  void whenClientHasReadAttributesThenTheIdTokenHasOnlyThose() {
    TokenGrant g =
        new TokenGrant(
            grant().pool(),
            TokenFixtures.client(Map.of("ReadAttributes", List.of("email", "email_verified"))),
            grant().user(),
            ISSUER,
            T0,
            T0,
            "o",
            "e",
            null,
            null,
            null,
            null,
            null);
    ObjectNode c = TokenClaims.idToken(g, JTI, Duration.ofHours(1));
    assertTrue(c.has("email") && c.has("email_verified"));
    assertFalse(c.has("phone_number") || c.has("custom:tier"));
    assertTrue(c.has("sub"));
  }

  @Test
  void whenDeviceIsKnownThenTheAccessTokenCarriesItsKey() {
    ObjectNode c =
        TokenClaims.accessToken(grant().withDeviceKey("us-east-1_dev"), JTI, Duration.ofHours(1));
    assertEquals("us-east-1_dev", c.get("device_key").asText());
  }

  @Test
  void whenAddressIsSetThenItIsAnObjectWithFormatted() {
    assertEquals(
        "{\"formatted\":\"1 Main St\"}", Json.write(TokenClaims.attribute("address", "1 Main St")));
  }

  @Test
  void whenUserIsFederatedThenIdentitiesIsAnArrayWithPrimaryAndDateCreatedAsStrings() {
    String stored =
        "[{\"userId\":\"1029\",\"providerName\":\"Google\",\"providerType\":\"Google\","
            + "\"issuer\":null,\"primary\":true,\"dateCreated\":1682704282933}]";
    assertEquals(
        "[{\"userId\":\"1029\",\"providerName\":\"Google\",\"providerType\":\"Google\","
            + "\"issuer\":null,\"primary\":\"true\",\"dateCreated\":\"1682704282933\"}]",
        Json.write(TokenClaims.attribute("identities", stored)));
  }

  @Test
  void whenRefreshedThenAuthTimeAndOriginJtiCarryOverAndEventIdIsNew() {
    TokenGrant first = grant();
    TokenGrant refreshed =
        first.refreshed(first.user(), T0.plusSeconds(7200), TokenFixtures.RANDOM);
    assertEquals(first.authTime(), refreshed.authTime());
    assertEquals(first.originJti(), refreshed.originJti());
    assertNotEquals(first.eventId(), refreshed.eventId());
    assertEquals(T0.plusSeconds(7200), refreshed.issuedAt());
  }

  @Test
  void whenOneIssuanceIsMadeThenTheTokensShareOriginJtiButNotJti() {
    TokenFixtures f = new TokenFixtures();
    TokenIssuer.IssuedTokens t =
        f.tokens
            .issuer()
            .issue(
                TokenGrant.signIn(
                    grant().pool(),
                    grant().client(),
                    grant().user(),
                    ISSUER,
                    T0,
                    TokenFixtures.RANDOM),
                Duration.ofHours(1),
                Duration.ofMinutes(5));
    VerifiedToken id = f.tokens.verifier().verify(t.idToken(), TokenUse.ID);
    VerifiedToken access = f.tokens.verifier().verify(t.accessToken(), TokenUse.ACCESS);
    assertEquals(id.originJti(), access.originJti());
    assertEquals(id.eventId(), access.eventId());
    assertNotEquals(id.jti(), access.jti());
    assertEquals(t.accessJti(), access.jti());
    assertEquals(300, t.expiresIn());
    assertFalse(t.toString().contains(t.accessToken()));
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
