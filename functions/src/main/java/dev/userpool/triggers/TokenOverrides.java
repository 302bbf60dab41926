package dev.userpool.triggers;

import java.util.List;
import java.util.Map;

/**
 * What a PreTokenGeneration function asked to change. V1_0 answers fill only the ID-token claims
 * and groups (claim values are strings); V2_0 answers may also change the access token and its
 * scopes, with claim values of any JSON type (strings, numbers, booleans, lists, maps). Maps and
 * lists are empty, never null; {@code groupOverride} is null when the function did not override
 * groups.
 */
public record TokenOverrides(
    Map<String, Object> idClaimsToAddOrOverride,
    List<String> idClaimsToSuppress,
    Map<String, Object> accessClaimsToAddOrOverride,
    List<String> accessClaimsToSuppress,
    List<String> scopesToAdd,
    List<String> scopesToSuppress,
    Groups groupOverride) {

  public static final TokenOverrides NONE =
      new TokenOverrides(Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), null);
}
