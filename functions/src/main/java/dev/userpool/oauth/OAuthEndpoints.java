package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.oauth.federation.FederatedSignIn;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.OidcFederation;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.auth.DirectoryAccounts;
import dev.userpool.operations.providers.OidcDiscovery;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The router of the pool domain's web endpoints, used by both front ends: which requests are ours
 * ({@link #handles}) and their answers. Unexpected failures are logged with a request id and
 * answered 500 without details; request contents (codes, tokens, passwords) are never logged.
 */
public final class OAuthEndpoints {
  static final String SAML_CALLBACK_PATH = "/saml2/idpresponse";
  private static final System.Logger LOG = System.getLogger(OAuthEndpoints.class.getName());

  private final TokenEndpoint token;
  private final UserInfoEndpoint userInfo;
  private final RevokeEndpoint revoke;
  private final HostedPages pages;
  private final OidcFederation oidc;
  private final FederationState federationStates;
  private final Clock clock;

  public OAuthEndpoints(Dependencies d) {
    OAuthClients clients = new OAuthClients(d.pools(), d.clients());
    var signIn =
        d.signIn()
            .oauth(new DirectoryAccounts(new UserDirectory(d.users())), d.tokens(), d.random());
    this.token =
        new TokenEndpoint(
            clients,
            d.oauth().authorizationCodes(),
            d.oauth().resourceServers(),
            d.users(),
            signIn,
            d.tokens(),
            d.random());
    this.userInfo =
        new UserInfoEndpoint(
            new AccessTokens(d.tokens().verifier(), d.pools(), d.users(), d.revokedOrigins()),
            d.clients());
    this.revoke =
        new RevokeEndpoint(
            clients,
            d.signIn().refreshTokens(),
            d.revokedOrigins(),
            d.lookups(),
            new UserDirectory(d.users()));
    AuthorizationCodes codes = new AuthorizationCodes(d.oauth().authorizationCodes(), d.random());
    this.federationStates = new FederationState(d.signIn().deploymentKeys(), d.random());
    this.oidc =
        new OidcFederation(
            federationStates,
            new FederatedSignIn(
                d.lookups(),
                d.identityProviders(),
                new UserDirectory(d.users()),
                d.oauth().federatedLinks(),
                d.triggers(),
                codes,
                signIn,
                d.random()),
            d.identityProviders(),
            new OidcDiscovery(),
            d.random());
    this.pages =
        new HostedPages(
            clients,
            signIn,
            codes,
            new HostedSession(d.signIn().deploymentKeys(), d.random()),
            d.users(),
            d.random(),
            new FederatedAuthorize(d.identityProviders(), oidc));
    this.clock = d.clock();
  }

  /** Whether the method and path are one of the domain's endpoints. */
  public static boolean handles(String method, String path) {
    if (path == null) {
      return false;
    }
    return switch (path) {
      case "/oauth2/token", "/oauth2/revoke", SAML_CALLBACK_PATH -> method.equals("POST");
      case "/oauth2/userInfo", "/login", OidcFederation.CALLBACK_PATH ->
          method.equals("GET") || method.equals("POST");
      case "/oauth2/authorize", "/logout" -> method.equals("GET");
      default -> false;
    };
  }

  public ApiResponse handle(ApiRequest request) {
    try {
      return switch (request.path()) {
        case "/oauth2/token" -> json(200, token.handle(request, clock.instant()), Map.of());
        case "/oauth2/userInfo" -> json(200, userInfo.handle(request), Map.of());
        case "/oauth2/revoke" -> {
          revoke.handle(request, clock.instant());
          yield new ApiResponse(200, Map.of("Cache-Control", "no-store"), new byte[0]);
        }
        case "/oauth2/authorize" -> pages.authorize(request, clock.instant());
        case OidcFederation.CALLBACK_PATH -> oidc.idpResponse(request, clock.instant());
        case SAML_CALLBACK_PATH -> samlResponse(request);
        case "/login" ->
            request.method().equals("GET")
                ? pages.loginPage(request)
                : pages.login(request, clock.instant());
        case "/logout" -> pages.logout(request);
        default -> json(404, Json.object().put("error", "not_found"), Map.of());
      };
    } catch (OAuthException e) {
      ObjectNode body = Json.object().put("error", e.error());
      Map<String, String> headers =
          e.status() == 401
              ? Map.of("WWW-Authenticate", "Bearer error=\"" + e.error() + "\"")
              : Map.of();
      return json(e.status(), body, headers);
    } catch (RuntimeException e) {
      String requestId = UUID.randomUUID().toString();
      LOG.log(
          System.Logger.Level.ERROR,
          "request " + requestId + " (" + request.path() + ") failed",
          e);
      return json(500, Json.object().put("error", "server_error"), Map.of());
    }
  }

  /**
   * {@code POST /saml2/idpresponse}: a RelayState this deployment did not seal gets our error page;
   * SAML responses themselves are not read yet, so a genuine one returns to the client with an
   * error (docs/adr/0016-federation.md).
   */
  private ApiResponse samlResponse(ApiRequest request) {
    Form form =
        Form.parse(
            request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8));
    return federationStates
        .open(form.get("RelayState"), clock.instant())
        .map(pending -> FederatedSignIn.error(pending, "SAML sign-in is not available yet."))
        .orElseGet(
            () ->
                ErrorPage.render(
                    400, "invalid_state: the sign-in expired or the RelayState is invalid."));
  }

  private static ApiResponse json(int status, ObjectNode body, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json;charset=UTF-8");
    headers.put("Cache-Control", "no-store");
    headers.putAll(extra);
    return new ApiResponse(status, headers, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }
}
