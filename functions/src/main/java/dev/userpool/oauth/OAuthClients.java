package dev.userpool.oauth;

import dev.userpool.crypto.ClientSecretCheck;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.UserPoolStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the app client (and through it the pool) of an endpoint request, and authenticates
 * confidential clients: {@code client_secret_basic} (HTTP Basic with the form-encoded id and
 * secret, RFC 6749 §2.3.1) or {@code client_secret_post} (client_id and client_secret in the body).
 * A pool without a domain has no endpoints.
 */
final class OAuthClients {
  /** The app client and its pool. */
  record Found(UserPool pool, AppClient client) {}

  private final UserPoolStore pools;
  private final AppClientStore clients;

  OAuthClients(UserPoolStore pools, AppClientStore clients) {
    this.pools = pools;
    this.clients = clients;
  }

  /** The client named by id, if it exists and its pool has a domain. */
  Optional<Found> find(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return clients
        .findByClientId(clientId)
        .flatMap(
            c ->
                pools
                    .find(c.userPoolId())
                    .filter(OAuthClients::hasDomain)
                    .map(p -> new Found(p, c)));
  }

  static boolean hasDomain(UserPool pool) {
    return pool.settings().get("Domain") != null || pool.settings().get("CustomDomain") != null;
  }

  /**
   * The authenticated client of a token or revocation request; invalid_client when it cannot be.
   */
  Found authenticate(ApiRequest request, Form form) {
    String basicId = null;
    String basicSecret = null;
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw OAuthException.invalidClient("malformed Basic credentials");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw OAuthException.invalidClient("malformed Basic credentials");
      }
      basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      basicSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    }
    String bodyId = form.get("client_id");
    if (basicId != null && bodyId != null && !basicId.equals(bodyId)) {
      throw OAuthException.invalidClient("client_id differs from the Basic credentials");
    }
    String clientId = basicId != null ? basicId : bodyId;
    if (clientId == null) {
      throw OAuthException.invalidClient("no client_id");
    }
    if (basicId != null && form.get("client_secret") != null) {
      throw OAuthException.invalidRequest("two client authentication methods");
    }
    String secret = basicSecret != null ? basicSecret : form.get("client_secret");
    Found found = find(clientId).orElseThrow(() -> OAuthException.invalidClient("unknown client"));
    if (found.client().hasSecret()) {
      // any active secret: both are valid during a rotation (AddUserPoolClientSecret)
      if (secret == null || !ClientSecretCheck.acceptsSecret(found.client(), secret)) {
        throw OAuthException.invalidClient("wrong or missing client secret");
      }
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  static List<String> list(AppClient client, String member) {
    Object v = client.settings().get(member);
    return v instanceof List<?> l ? (List<String>) l : List.of();
  }

  static boolean allowsFlow(AppClient client, String flow) {
    return Boolean.TRUE.equals(client.settings().get("AllowedOAuthFlowsUserPoolClient"))
        && list(client, "AllowedOAuthFlows").contains(flow.toLowerCase(Locale.ROOT));
  }
}
