package dev.userpool.oauth;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.oauth.federation.FederatedSignIn;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.oauth.saml.SamlFederation;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.IdentityProviderStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /saml2/idpresponse}, the assertion consumer service: the identity provider's form
 * post of {@code SAMLResponse} and {@code RelayState}. Without a live RelayState nothing says where
 * the browser should go, so our error page shows Cognito's "Invalid samlResponse or relayState from
 * identity provider" (observed: gaiin-platform/amplify-genai-backend#25, IdP-initiated sign-in); a
 * refused Response goes back to the client as {@code error=server_error} with {@code
 * error_description=Invalid SAML response received: …} (observed: aws/aws-sdk-js-v3#6201); an
 * accepted one ends in the shared federated sign-in. A RelayState we did not issue may be an
 * IdP-initiated sign-in's authorize parameters ({@link #unsolicited}).
 */
final class SamlIdpResponse {
  static final String UNBOUND = "Invalid samlResponse or relayState from identity provider";

  private final SamlFederation saml;
  private final FederatedSignIn signIn;
  private final OAuthClients clients;
  private final IdentityProviderStore providers;
  private final SamlSessionCookie samlSessions;

  SamlIdpResponse(
      SamlFederation saml,
      FederatedSignIn signIn,
      OAuthClients clients,
      IdentityProviderStore providers,
      SamlSessionCookie samlSessions) {
    this.saml = saml;
    this.signIn = signIn;
    this.clients = clients;
    this.providers = providers;
    this.samlSessions = samlSessions;
  }

  ApiResponse handle(ApiRequest request, Instant now) {
    Form form;
    try {
      form = Form.parse(new String(request.body(), StandardCharsets.UTF_8));
    } catch (OAuthException e) {
      return errorPage();
    }
    String base = request.baseUrl() == null ? "" : request.baseUrl();
    String relayState = form.get("RelayState");
    SamlFederation.Outcome outcome;
    if (SamlFederation.issuedRelayState(relayState)) {
      outcome = saml.finish(form.get("SAMLResponse"), relayState, base, now);
    } else {
      try {
        outcome = unsolicited(form.get("SAMLResponse"), relayState, base, now);
      } catch (AuthorizeRequest.RedirectError e) {
        return refused(e.redirectUri, e.state, Map.of("error", e.error));
      }
    }
    if (outcome instanceof SamlFederation.Outcome.Accepted a) {
      ApiResponse done = signIn.complete(a.pending(), a.identity(), now, base);
      // remembered for single logout at /logout
      Map<String, String> headers = new LinkedHashMap<>(done.headers());
      headers.put(
          "Set-Cookie",
          samlSessions.setCookie(
              a.pending().poolId(), a.session(), now, base.startsWith("https://")));
      return new ApiResponse(done.status(), headers, done.body());
    }
    if (outcome instanceof SamlFederation.Outcome.Refused r) {
      return refused(r.pending(), "Invalid SAML response received: " + r.reason());
    }
    return errorPage();
  }

  /**
   * IdP-initiated sign-in (developer guide, "The IdP SAML assertion endpoint"): the RelayState
   * holds the parameters otherwise sent to {@code /oauth2/authorize} (response_type, client_id,
   * redirect_uri, identity_provider or idp_identifier, scope, optionally state), checked as there;
   * the named provider must be a SAML provider with IDPInit among the client's
   * SupportedIdentityProviders. A RelayState that names no such request is Cognito's error page.
   */
  private SamlFederation.Outcome unsolicited(
      String samlResponse, String relayState, String base, Instant now) {
    if (relayState == null || samlResponse == null) {
      return new SamlFederation.Outcome.Unbound();
    }
    AuthorizeRequest authorize;
    try {
      authorize = AuthorizeRequest.parse(Form.parse(relayState), clients);
    } catch (AuthorizeRequest.PageError | OAuthException e) {
      return new SamlFederation.Outcome.Unbound();
    }
    if (!authorize.federated()) {
      return new SamlFederation.Outcome.Unbound();
    }
    Optional<IdentityProvider> provider =
        FederatedAuthorize.supportedProvider(providers, authorize);
    if (provider.isEmpty()) {
      return new SamlFederation.Outcome.Unbound();
    }
    PendingAuthorization pending = FederatedAuthorize.pending(authorize, provider.get(), now);
    return saml.finishUnsolicited(provider.get(), pending, samlResponse, base, now);
  }

  private static ApiResponse refused(PendingAuthorization pending, String description) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("error_description", description);
    out.put("error", "server_error");
    return refused(pending.redirectUri(), pending.state(), out);
  }

  private static ApiResponse refused(
      String redirectUri, String state, Map<String, String> parameters) {
    Map<String, String> out = new LinkedHashMap<>(parameters);
    if (state != null) {
      out.put("state", state);
    }
    StringBuilder location = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (var e : out.entrySet()) {
      location
          .append(separator)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location.toString());
    headers.put("Cache-Control", "no-store");
    return new ApiResponse(302, headers, new byte[0]);
  }

  /**
   * {@code POST /saml2/logout}: the IdP's LogoutResponse to our single logout; the browser goes on
   * to the sign-out's destination (logout_uri, or /login for redirect_uri). Anything else is our
   * error page.
   */
  ApiResponse logout(ApiRequest request, Instant now) {
    Form form;
    try {
      form = Form.parse(new String(request.body(), StandardCharsets.UTF_8));
    } catch (OAuthException e) {
      return errorPage();
    }
    String base = request.baseUrl() == null ? "" : request.baseUrl();
    return saml.finishLogout(form.get("SAMLResponse"), form.get("RelayState"), base, now)
        .map(
            destination -> {
              Map<String, String> headers = new LinkedHashMap<>();
              headers.put("Location", destination);
              headers.put("Cache-Control", "no-store");
              return new ApiResponse(302, headers, new byte[0]);
            })
        .orElseGet(SamlIdpResponse::errorPage);
  }

  private static ApiResponse errorPage() {
    return ErrorPage.render(400, UNBOUND);
  }
}
