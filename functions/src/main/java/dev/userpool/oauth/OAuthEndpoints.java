package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authevents.AuditedSignIns;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.delivery.ConfirmationLink;
import dev.userpool.oauth.federation.ApplePrivateKeys;
import dev.userpool.oauth.federation.FederatedSignIn;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.OidcFederation;
import dev.userpool.oauth.federation.SocialProviders;
import dev.userpool.oauth.saml.EncryptionKeys;
import dev.userpool.oauth.saml.MetadataSource;
import dev.userpool.oauth.saml.SamlFederation;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.auth.DirectoryAccounts;
import dev.userpool.operations.auth.MfaCodeMessages;
import dev.userpool.operations.providers.OidcDiscovery;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.OperationTable;
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
  private final TokenEndpoint token;
  private final UserInfoEndpoint userInfo;
  private final RevokeEndpoint revoke;
  private final HostedPages pages;
  private final AccountPages accounts;
  private final ConfirmUserPage confirmUser;
  private final SamlFederation saml;
  private final SamlIdpResponse samlResponse;
  private final OidcFederation oidc;
  private final Clock clock;

  /**
   * {@code operations}: the API's operation table, whose public operations the hosted account pages
   * call.
   */
  public OAuthEndpoints(Dependencies d, OperationTable operations) {
    OAuthClients clients = new OAuthClients(d.pools(), d.clients());
    // the same SMS and email codes and the same lockout limit as the API's flows (Implementations)
    var signIn =
        d.signIn()
            .withMfaCodes(new MfaCodeMessages(d.codeSender(), d.codes()))
            .oauth(
                new DirectoryAccounts(new UserDirectory(d.users())),
                d.tokens(),
                d.random(),
                d.config().limits().signInAttempts())
            .guardedBy(
                new AuditedSignIns(
                    new AuthEventLog(d.authEvents(), d.random()),
                    new DirectoryAccounts(new UserDirectory(d.users()))));
    this.token =
        new TokenEndpoint(
            clients,
            d.oauth().authorizationCodes(),
            d.oauth().resourceServers(),
            d.users(),
            signIn,
            d.tokens(),
            d.random(),
            d.triggers());
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
    PublicOperations publicOperations =
        new PublicOperations(operations, d.config().defaultRegion(), d.config().accountId());
    Csrf csrf = new Csrf(d.random());
    PageLayout layout =
        new PageLayout(
            d.uiCustomizations(),
            new LoginGeneration(d.pools(), d.oauth().domains()),
            d.brandings());
    AuthorizationCodes codes = new AuthorizationCodes(d.oauth().authorizationCodes(), d.random());
    FederatedSignIn federatedSignIn =
        new FederatedSignIn(
            d.lookups(),
            d.identityProviders(),
            new UserDirectory(d.users()),
            d.oauth().federatedLinks(),
            d.triggers(),
            codes,
            signIn,
            d.random());
    FederationState federationState = new FederationState(d.signIn().deploymentKeys(), d.random());
    this.oidc =
        new OidcFederation(
            federationState,
            federatedSignIn,
            d.identityProviders(),
            new SocialProviders(d.config().socialProviderBaseUrls(), new OidcDiscovery()),
            new ApplePrivateKeys(d.signIn().deploymentKeys(), d.random()),
            d.random());
    this.saml =
        new SamlFederation(
            d.identityProviders(),
            d.oauth().samlRequests(),
            federationState,
            new MetadataSource(),
            d.samlCertificates(),
            new EncryptionKeys(d.signIn().deploymentKeys(), d.random()),
            d.random());
    SamlSessionCookie samlSessions =
        new SamlSessionCookie(d.signIn().deploymentKeys(), d.revokedOrigins(), d.random());
    this.samlResponse =
        new SamlIdpResponse(saml, federatedSignIn, clients, d.identityProviders(), samlSessions);
    this.pages =
        new HostedPages(
            clients,
            signIn,
            codes,
            new HostedSession(d.signIn().deploymentKeys(), d.revokedOrigins(), d.random()),
            d.users(),
            csrf,
            layout,
            new ChallengePages(signIn, publicOperations, csrf, layout),
            new FederatedAuthorize(d.identityProviders(), oidc, saml),
            samlSessions,
            saml);
    this.accounts =
        new AccountPages(pages, clients, publicOperations, csrf, layout, new TermsLinks(d.terms()));
    this.confirmUser = new ConfirmUserPage(clients, publicOperations, layout);
    this.clock = d.clock();
  }

  /** Whether the method and path are one of the domain's endpoints. */
  public static boolean handles(String method, String path) {
    if (path == null) {
      return false;
    }
    return switch (path) {
      case "/oauth2/token", "/oauth2/revoke" -> method.equals("POST");
      case "/oauth2/userInfo",
          "/login",
          "/signup",
          "/forgotPassword",
          OidcFederation.CALLBACK_PATH ->
          method.equals("GET") || method.equals("POST");
      case "/oauth2/authorize", "/logout", ConfirmationLink.PATH -> method.equals("GET");
      case "/confirm",
          "/resendcode",
          "/confirmforgotPassword",
          SamlFederation.CONSUMER_PATH,
          SamlFederation.LOGOUT_PATH ->
          method.equals("POST");
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
        case "/login" ->
            get(request)
                ? pages.loginPage(request, clock.instant())
                : pages.login(request, clock.instant());
        case "/logout" -> pages.logout(request, clock.instant());
        case "/signup" ->
            get(request)
                ? accounts.signUpPage(request, clock.instant())
                : accounts.signUp(request, clock.instant());
        case "/confirm" -> accounts.confirm(request, clock.instant());
        case ConfirmationLink.PATH -> confirmUser.handle(request, clock.instant());
        case "/resendcode" -> accounts.resendCode(request, clock.instant());
        case "/forgotPassword" ->
            get(request)
                ? accounts.forgotPasswordPage(request, clock.instant())
                : accounts.forgotPassword(request, clock.instant());
        case "/confirmforgotPassword" -> accounts.confirmForgotPassword(request, clock.instant());
        case SamlFederation.CONSUMER_PATH -> samlResponse.handle(request, clock.instant());
        case SamlFederation.LOGOUT_PATH -> samlResponse.logout(request, clock.instant());
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
      Log.LOG.log(
          System.Logger.Level.ERROR,
          "request " + requestId + " (" + request.path() + ") failed",
          e);
      return json(500, Json.object().put("error", "server_error"), Map.of());
    }
  }

  private static boolean get(ApiRequest request) {
    return request.method().equals("GET");
  }

  private static ApiResponse json(int status, ObjectNode body, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json;charset=UTF-8");
    headers.put("Cache-Control", "no-store");
    headers.putAll(extra);
    return new ApiResponse(status, headers, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(OAuthEndpoints.class.getName());
  }
}
