package dev.userpool.oauth;

import dev.userpool.oauth.federation.FederatedSignIn;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.oauth.saml.SamlFederation;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /saml2/idpresponse}, the assertion consumer service: the identity provider's form
 * post of {@code SAMLResponse} and {@code RelayState}. Without a live RelayState nothing says where
 * the browser should go, so our error page shows Cognito's "Invalid samlResponse or relayState from
 * identity provider" (observed: gaiin-platform/amplify-genai-backend#25, IdP-initiated sign-in); a
 * refused Response goes back to the client as {@code error=server_error} with {@code
 * error_description=Invalid SAML response received: …} (observed: aws/aws-sdk-js-v3#6201); an
 * accepted one ends in the shared federated sign-in.
 */
final class SamlIdpResponse {
  static final String UNBOUND = "Invalid samlResponse or relayState from identity provider";

  private final SamlFederation saml;
  private final FederatedSignIn signIn;

  SamlIdpResponse(SamlFederation saml, FederatedSignIn signIn) {
    this.saml = saml;
    this.signIn = signIn;
  }

  ApiResponse handle(ApiRequest request, Instant now) {
    Form form;
    try {
      form = Form.parse(new String(request.body(), StandardCharsets.UTF_8));
    } catch (OAuthException e) {
      return errorPage();
    }
    String base = request.baseUrl() == null ? "" : request.baseUrl();
    SamlFederation.Outcome outcome =
        saml.finish(form.get("SAMLResponse"), form.get("RelayState"), base, now);
    if (outcome instanceof SamlFederation.Outcome.Accepted a) {
      return signIn.complete(a.pending(), a.identity(), now, base);
    }
    if (outcome instanceof SamlFederation.Outcome.Refused r) {
      return refused(r.pending(), "Invalid SAML response received: " + r.reason());
    }
    return errorPage();
  }

  private static ApiResponse refused(PendingAuthorization pending, String description) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("error_description", description);
    out.put("error", "server_error");
    if (pending.state() != null) {
      out.put("state", pending.state());
    }
    StringBuilder location = new StringBuilder(pending.redirectUri());
    char separator = pending.redirectUri().contains("?") ? '&' : '?';
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

  private static ApiResponse errorPage() {
    return ErrorPage.render(400, UNBOUND);
  }
}
