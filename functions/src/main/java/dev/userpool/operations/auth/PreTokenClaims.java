package dev.userpool.operations.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.triggers.Groups;
import dev.userpool.triggers.TokenOverrides;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a Pre Token Generation answer to the claims of the ID and access tokens about to be
 * signed.
 *
 * <p>Claims no answer may add, override or suppress (DG "Pre token generation Lambda trigger": acr,
 * amr, aud, at_hash, auth_time, azp, cognito:username, exp, iat, identities, iss, jti, nbf, nonce,
 * origin_jti, sub, token_use, and developer-only {@code dev:} claims). Ours besides (guessed): the
 * group claims, which change only through groupOverrideDetails, and in the access token client_id,
 * username and scope (scope changes only through scopesToAdd/scopesToSuppress). A protected claim
 * in an answer is skipped silently (unconfirmed: Cognito might refuse the answer instead).
 */
public final class PreTokenClaims {
  static final Set<String> PROTECTED =
      Set.of(
          "acr",
          "amr",
          "aud",
          "at_hash",
          "auth_time",
          "azp",
          "cognito:username",
          "exp",
          "iat",
          "identities",
          "iss",
          "jti",
          "nbf",
          "nonce",
          "origin_jti",
          "sub",
          "token_use");
  static final Set<String> GROUP_CLAIMS =
      Set.of("cognito:groups", "cognito:roles", "cognito:preferred_role");
  static final Set<String> ACCESS_ONLY_PROTECTED = Set.of("client_id", "username", "scope");

  private PreTokenClaims() {}

  /** The groups the request's {@code groupConfiguration} reports: what the ID token says now. */
  static Groups current(ObjectNode idClaims) {
    JsonNode preferred = idClaims.get("cognito:preferred_role");
    return new Groups(
        strings(idClaims.get("cognito:groups")),
        strings(idClaims.get("cognito:roles")),
        preferred == null || preferred.isNull() ? null : preferred.asText());
  }

  /** The access token's scopes, for the V2 request's {@code scopes}. */
  static List<String> scopes(ObjectNode accessClaims) {
    JsonNode scope = accessClaims.get("scope");
    return scope == null || scope.asText().isBlank()
        ? List.of()
        : Arrays.asList(scope.asText().split(" "));
  }

  /**
   * A V3_0 answer for a machine-to-machine access token: its access-token claims and scopes; ID
   * token and group parts are ignored, as the token has neither.
   */
  public static void applyToClientToken(TokenOverrides o, ObjectNode accessClaims) {
    apply(
        new TokenOverrides(
            Map.of(),
            List.of(),
            o.accessClaimsToAddOrOverride(),
            o.accessClaimsToSuppress(),
            o.scopesToAdd(),
            o.scopesToSuppress(),
            null),
        Json.object(),
        accessClaims);
  }

  static void apply(TokenOverrides o, ObjectNode idClaims, ObjectNode accessClaims) {
    // Overrides first, then suppressions: a claim named in both ends up absent (guessed).
    addOrOverride(idClaims, o.idClaimsToAddOrOverride(), false);
    suppress(idClaims, o.idClaimsToSuppress(), false);
    addOrOverride(accessClaims, o.accessClaimsToAddOrOverride(), true);
    suppress(accessClaims, o.accessClaimsToSuppress(), true);
    if (o.groupOverride() != null) {
      overrideGroups(o.groupOverride(), idClaims, accessClaims);
    }
    if (!o.scopesToAdd().isEmpty() || !o.scopesToSuppress().isEmpty()) {
      Set<String> scopes = new LinkedHashSet<>(scopes(accessClaims));
      scopes.addAll(o.scopesToAdd());
      o.scopesToSuppress().forEach(scopes::remove);
      if (scopes.isEmpty()) {
        accessClaims.remove("scope");
      } else {
        accessClaims.put("scope", String.join(" ", scopes));
      }
    }
  }

  /**
   * groupOverrideDetails replaces all three group claims of the ID token (an empty list or null
   * role removes the claim) and cognito:groups of the access token, in V1 as in V2 (the
   * access-token part observed for V1 in public reports, unconfirmed in the DG).
   */
  private static void overrideGroups(Groups g, ObjectNode idClaims, ObjectNode accessClaims) {
    putList(idClaims, "cognito:groups", g.groupsToOverride());
    putList(idClaims, "cognito:roles", g.iamRolesToOverride());
    if (g.preferredRole() == null || g.preferredRole().isEmpty()) {
      idClaims.remove("cognito:preferred_role");
    } else {
      idClaims.put("cognito:preferred_role", g.preferredRole());
    }
    putList(accessClaims, "cognito:groups", g.groupsToOverride());
  }

  private static void addOrOverride(ObjectNode claims, Map<String, Object> values, boolean access) {
    values.forEach(
        (name, value) -> {
          if (modifiable(name, access)) {
            claims.set(name, Json.mapper().valueToTree(value));
          }
        });
  }

  private static void suppress(ObjectNode claims, List<String> names, boolean access) {
    for (String name : names) {
      if (modifiable(name, access)) {
        claims.remove(name);
      }
    }
  }

  static boolean modifiable(String name, boolean access) {
    return !PROTECTED.contains(name)
        && !GROUP_CLAIMS.contains(name)
        && !name.startsWith("dev:")
        && !(access && ACCESS_ONLY_PROTECTED.contains(name));
  }

  private static void putList(ObjectNode claims, String name, List<String> values) {
    if (values.isEmpty()) {
      claims.remove(name);
      return;
    }
    ArrayNode array = claims.putArray(name);
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
