package dev.userpool.operations.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.triggers.Groups;
import dev.userpool.triggers.TokenOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreTokenClaimsTest {
  private static ObjectNode id() {
    ObjectNode c = Json.object();
    c.put("sub", "s-1")
        .put("iss", "http://x/p")
        .put("aud", "client")
        .put("token_use", "id")
        .put("cognito:username", "alice")
        .put("email", "a@example.com")
        .put("exp", 10)
        .put("dev:x", "y");
    c.putArray("cognito:groups").add("admins");
    c.putArray("cognito:roles").add("arn:role/a");
    c.put("cognito:preferred_role", "arn:role/a");
    return c;
  }

  private static ObjectNode access() {
    ObjectNode c = Json.object();
    c.put("sub", "s-1")
        .put("client_id", "client")
        .put("username", "alice")
        .put("token_use", "access")
        .put("scope", "aws.cognito.signin.user.admin");
    c.putArray("cognito:groups").add("admins");
    return c;
  }

  private static TokenOverrides overrides(
      Map<String, Object> idAdd,
      List<String> idSuppress,
      Map<String, Object> accessAdd,
      List<String> accessSuppress,
      List<String> scopesToAdd,
      List<String> scopesToSuppress,
      Groups groups) {
    return new TokenOverrides(
        idAdd, idSuppress, accessAdd, accessSuppress, scopesToAdd, scopesToSuppress, groups);
  }

  @Test
  void whenAnswerTouchesProtectedClaimsThenTheyStay() {
    ObjectNode id = id();
    ObjectNode access = access();
    PreTokenClaims.apply(
        overrides(
            Map.of(
                "sub",
                "x",
                "aud",
                "x",
                "exp",
                99,
                "cognito:username",
                "x",
                "dev:x",
                "z",
                "cognito:groups",
                "x"),
            List.of("iss", "token_use", "cognito:roles"),
            Map.of("client_id", "x", "username", "x", "scope", "x"),
            List.of("sub", "scope"),
            List.of(),
            List.of(),
            null),
        id,
        access);
    assertEquals(id(), id);
    assertEquals(access(), access);
  }

  @Test
  void whenClaimIsBothOverriddenAndSuppressedThenItIsGone() {
    ObjectNode id = id();
    PreTokenClaims.apply(
        overrides(
            Map.of("email", "b@example.com", "tier", "gold"),
            List.of("email"),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            null),
        id,
        access());
    assertFalse(id.has("email"));
    assertEquals("gold", id.get("tier").asText());
  }

  @Test
  void whenScopesAreAddedAndSuppressedThenTheScopeClaimFollowsAndEmptyRemovesIt() {
    ObjectNode access = access();
    PreTokenClaims.apply(
        overrides(
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of("a/read", "b/write"),
            List.of("b/write"),
            null),
        id(),
        access);
    assertEquals("aws.cognito.signin.user.admin a/read", access.get("scope").asText());
    PreTokenClaims.apply(
        overrides(
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of("aws.cognito.signin.user.admin", "a/read"),
            null),
        id(),
        access);
    assertFalse(access.has("scope"));
  }

  @Test
  void whenGroupOverrideIsEmptyThenAllGroupClaimsGo() {
    ObjectNode id = id();
    ObjectNode access = access();
    PreTokenClaims.apply(
        overrides(Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), Groups.NONE),
        id,
        access);
    for (String claim : List.of("cognito:groups", "cognito:roles", "cognito:preferred_role")) {
      assertFalse(id.has(claim), claim);
    }
    assertFalse(access.has("cognito:groups"));
  }

  @Test
  void whenCurrentGroupsAreReadThenTheyComeFromTheIdToken() {
    Groups g = PreTokenClaims.current(id());
    assertEquals(new Groups(List.of("admins"), List.of("arn:role/a"), "arn:role/a"), g);
    assertTrue(PreTokenClaims.current(Json.object()).groupsToOverride().isEmpty());
    assertEquals(List.of("aws.cognito.signin.user.admin"), PreTokenClaims.scopes(access()));
  }
}
