package dev.userpool.operations.clients;

import dev.userpool.domain.ResourceServer;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.ResourceServerStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks of an app client's OAuth settings that Create/UpdateUserPoolClient make beyond the
 * model:
 *
 * <ul>
 *   <li>every AllowedOAuthScopes entry is a standard scope or {@code <resource server>/<scope>} of
 *       an existing resource server, else ScopeDoesNotExistException "Invalid scope requested:
 *       &lt;scope&gt;" (Cognito's text, observed in awsdocs/aws-cloudformation-user-guide#564);
 *   <li>code and implicit flows need CallbackURLs: InvalidOAuthFlowException "CallbackUrls can not
 *       be empty when code flow or implicit flow is selected" (observed, cisagov/crossfeed#440);
 *   <li>callback and sign-out URLs are absolute, without a fragment, and HTTPS unless they point at
 *       the loopback host (http://localhost, since 2025 also 127.0.0.1 and [::1]; developer guide,
 *       app client settings); other schemes (myapp://) are allowed for native apps. The message is
 *       guessed.
 * </ul>
 */
public final class OAuthClientSettings {
  /** The scopes every pool has (awsdocs/aws-cloudformation-user-guide#518 lists them). */
  public static final Set<String> STANDARD_SCOPES =
      Set.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private OAuthClientSettings() {}

  @SuppressWarnings("unchecked")
  public static void check(
      Map<String, Object> settings, String poolId, ResourceServerStore servers) {
    List<String> flows = (List<String>) settings.getOrDefault("AllowedOAuthFlows", List.of());
    List<String> callbacks = (List<String>) settings.getOrDefault("CallbackURLs", List.of());
    if ((flows.contains("code") || flows.contains("implicit")) && callbacks.isEmpty()) {
      throw ErrorCode.INVALID_OAUTH_FLOW.exception(
          "CallbackUrls can not be empty when code flow or implicit flow is selected");
    }
    for (String url : callbacks) {
      checkUrl(url, "CallbackURL");
    }
    for (String url : (List<String>) settings.getOrDefault("LogoutURLs", List.of())) {
      checkUrl(url, "LogoutURL");
    }
    for (String scope : (List<String>) settings.getOrDefault("AllowedOAuthScopes", List.of())) {
      if (!STANDARD_SCOPES.contains(scope) && !customScopeExists(scope, poolId, servers)) {
        throw ErrorCode.SCOPE_DOES_NOT_EXIST.exception("Invalid scope requested: " + scope);
      }
    }
  }

  /** Whether {@code scope} is {@code <identifier>/<name>} of a resource server of the pool. */
  public static boolean customScopeExists(
      String scope, String poolId, ResourceServerStore servers) {
    int slash = scope.lastIndexOf('/');
    if (slash <= 0 || slash == scope.length() - 1) {
      return false;
    }
    return servers
        .find(poolId, scope.substring(0, slash))
        .map(ResourceServer::scopeNames)
        .map(names -> names.contains(scope))
        .orElse(false);
  }

  private static void checkUrl(String url, String kind) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid(kind, url);
    }
    if (!uri.isAbsolute() || uri.getRawFragment() != null) {
      throw invalid(kind, url);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http")
        && (uri.getHost() == null || !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
      throw invalid(kind, url);
    }
    if (scheme.equals("https") && uri.getHost() == null) {
      throw invalid(kind, url);
    }
  }

  private static RuntimeException invalid(String kind, String url) {
    return ErrorCode.INVALID_PARAMETER.exception(
        "Invalid "
            + kind
            + " "
            + url
            + ": it must be an absolute URL without a fragment, using HTTPS unless it points at localhost.");
  }
}
