package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Create/UpdateUserPoolClient request into the client's settings with Cognito's defaults.
 * Update uses the same path because Cognito resets omitted members to their defaults (model docs of
 * UpdateUserPoolClient).
 *
 * <p>What a minimal CreateUserPoolClient returns (observed AWS CLI output, 2023-08, quoted in a
 * public repository; same members in awscli/examples/cognito-idp/create-user-pool-client.rst):
 * RefreshTokenValidity 30, TokenValidityUnits {}, AllowedOAuthFlowsUserPoolClient false,
 * EnableTokenRevocation true, EnablePropagateAdditionalUserContextData false, AuthSessionValidity 3
 * — and no ExplicitAuthFlows, PreventUserExistenceErrors or Access/IdTokenValidity. What omitted
 * members mean when signing in is {@link dev.userpool.authflows.ClientAuthSettings}'s job.
 */
public final class AppClientDefaults {
  private static final Set<String> LEGACY_FLOWS =
      Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");

  /** Members copied as given when present, in UserPoolClientType order. */
  private static final List<String> OPTIONAL_LISTS =
      List.of(
          "ReadAttributes",
          "WriteAttributes",
          "ExplicitAuthFlows",
          "SupportedIdentityProviders",
          "CallbackURLs",
          "LogoutURLs");

  private AppClientDefaults() {}

  /** The client's settings; {@code creating} only changes the wording of messages. */
  public static Map<String, Object> from(
      Input in, UserPool pool, boolean hasSecret, boolean creating) {
    Map<String, Object> s = new LinkedHashMap<>();
    int refresh = in.optInt("RefreshTokenValidity").orElse(0);
    s.put("RefreshTokenValidity", refresh == 0 ? TokenValidity.DEFAULT_REFRESH_DAYS : refresh);
    in.optInt("AccessTokenValidity").ifPresent(v -> s.put("AccessTokenValidity", v));
    in.optInt("IdTokenValidity").ifPresent(v -> s.put("IdTokenValidity", v));
    s.put(
        "TokenValidityUnits",
        in.optNode("TokenValidityUnits").map(Json::toMap).orElseGet(LinkedHashMap::new));
    for (String member : OPTIONAL_LISTS) {
      if (in.has(member)) {
        s.put(member, in.strings(member));
      }
    }
    in.optString("DefaultRedirectURI").ifPresent(v -> s.put("DefaultRedirectURI", v));
    if (in.has("AllowedOAuthFlows")) {
      s.put("AllowedOAuthFlows", in.strings("AllowedOAuthFlows"));
    }
    if (in.has("AllowedOAuthScopes")) {
      s.put("AllowedOAuthScopes", in.strings("AllowedOAuthScopes"));
    }
    s.put(
        "AllowedOAuthFlowsUserPoolClient",
        in.optBoolean("AllowedOAuthFlowsUserPoolClient").orElse(false));
    in.optNode("AnalyticsConfiguration")
        .ifPresent(n -> s.put("AnalyticsConfiguration", Json.toMap(n)));
    in.optString("PreventUserExistenceErrors")
        .ifPresent(v -> s.put("PreventUserExistenceErrors", v));
    s.put("EnableTokenRevocation", in.optBoolean("EnableTokenRevocation").orElse(true));
    s.put(
        "EnablePropagateAdditionalUserContextData",
        in.optBoolean("EnablePropagateAdditionalUserContextData").orElse(false));
    s.put("AuthSessionValidity", in.optInt("AuthSessionValidity").orElse(3));
    s.put("RefreshTokenRotation", refreshTokenRotation(in));

    TokenValidity.check(s);
    checkAuthFlows(in.strings("ExplicitAuthFlows"));
    checkAttributes(pool, in.strings("ReadAttributes"), "read", creating);
    checkAttributes(pool, in.strings("WriteAttributes"), "write", creating);
    checkOAuth(s, hasSecret);
    return s;
  }

  /**
   * RefreshTokenRotation with RetryGracePeriodSeconds filled in; without one a client shows
   * {Feature: DISABLED, RetryGracePeriodSeconds: 0}, as Cognito returns it for every client
   * (hashicorp/terraform-provider-aws#45646, #47374: the provider had to tolerate that default
   * object on create, read and update).
   */
  private static Map<String, Object> refreshTokenRotation(Input in) {
    Map<String, Object> rotation = new LinkedHashMap<>();
    JsonNode given = in.optNode("RefreshTokenRotation").orElse(null);
    rotation.put("Feature", given == null ? "DISABLED" : given.path("Feature").asText("DISABLED"));
    rotation.put(
        "RetryGracePeriodSeconds",
        given == null ? 0 : given.path("RetryGracePeriodSeconds").asInt(0));
    return rotation;
  }

  private static void checkAuthFlows(List<String> flows) {
    boolean legacy = flows.stream().anyMatch(LEGACY_FLOWS::contains);
    boolean current = flows.stream().anyMatch(f -> f.startsWith("ALLOW_"));
    if (legacy && current) {
      // wording guessed
      throw ErrorCode.INVALID_PARAMETER.exception(
          "ExplicitAuthFlows can not have both ALLOW_ prefixed and legacy auth flows.");
    }
  }

  private static void checkAttributes(
      UserPool pool, List<String> names, String kind, boolean creating) {
    if (names.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    for (Map<String, Object> a : pool.view().schemaAttributes()) {
      known.add(String.valueOf(a.get("Name")));
    }
    for (String name : names) {
      if (!known.contains(name) || name.equals("sub") && kind.equals("write")) {
        // Cognito's text as commonly reported ("Invalid write attributes specified while creating a
        // client")
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Invalid "
                + kind
                + " attributes specified while "
                + (creating ? "creating" : "updating")
                + " a client");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkOAuth(Map<String, Object> s, boolean hasSecret) {
    List<String> flows = (List<String>) s.getOrDefault("AllowedOAuthFlows", List.of());
    if (flows.contains("client_credentials")) {
      if (flows.contains("code") || flows.contains("implicit")) {
        throw ErrorCode.INVALID_OAUTH_FLOW.exception(
            "client_credentials flow can not be selected along with code flow or implicit flow.");
      }
      if (!hasSecret) {
        throw ErrorCode.INVALID_OAUTH_FLOW.exception(
            "client_credentials flow can not be selected if client does not have a client secret.");
      }
    }
    if (Boolean.TRUE.equals(s.get("AllowedOAuthFlowsUserPoolClient"))) {
      List<String> scopes = (List<String>) s.getOrDefault("AllowedOAuthScopes", List.of());
      if (flows.isEmpty() || scopes.isEmpty()) {
        // wording guessed
        throw ErrorCode.INVALID_PARAMETER.exception(
            "AllowedOAuthFlows and AllowedOAuthScopes are required if client is allowed to use OAuth flows.");
      }
    }
    List<String> callbacks = (List<String>) s.getOrDefault("CallbackURLs", List.of());
    Object defaultRedirect = s.get("DefaultRedirectURI");
    if (defaultRedirect != null && !callbacks.contains(defaultRedirect.toString())) {
      // wording guessed
      throw ErrorCode.INVALID_PARAMETER.exception(
          "DefaultRedirectURI must be one of the CallbackURLs.");
    }
  }
}
