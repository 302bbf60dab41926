package dev.userpool.oauth;

import java.util.List;

/**
 * The parameters of {@code /oauth2/authorize}, carried unchanged to {@code /login}, once checked:
 * the client exists and its pool has a domain, redirect_uri is one of its CallbackURLs exactly,
 * then response_type, allowed flows, COGNITO among the client's identity providers, scopes and
 * PKCE. Until redirect_uri is known to be registered, every error is a page of ours ({@link
 * PageError}); from then on errors go back to the client ({@link RedirectError}), as RFC 6749
 * §4.1.2.1 prescribes.
 */
record AuthorizeRequest(
    OAuthClients.Found found,
    String responseType,
    String redirectUri,
    String state,
    List<String> scopes,
    String nonce,
    String codeChallenge,
    String identityProvider,
    String idpIdentifier) {

  /** Whether the request names an external provider (identity_provider or idp_identifier). */
  boolean federated() {
    return (identityProvider != null && !identityProvider.equals("COGNITO"))
        || (identityProvider == null && idpIdentifier != null);
  }

  /** An error shown on our own page, because redirecting would be unsafe. */
  static final class PageError extends RuntimeException {
    PageError(String message) {
      super(message, null, false, false);
    }
  }

  /** An error sent back to the registered redirect_uri as {@code ?error=…&state=…}. */
  static final class RedirectError extends RuntimeException {
    final String redirectUri;
    final String error;
    final String state;

    RedirectError(String redirectUri, String error, String state) {
      super(error, null, false, false);
      this.redirectUri = redirectUri;
      this.error = error;
      this.state = state;
    }
  }

  static AuthorizeRequest parse(Form query, OAuthClients clients) {
    OAuthClients.Found found =
        clients
            .find(query.get("client_id"))
            .orElseThrow(
                () ->
                    new PageError(
                        "The client_id is missing or unknown, or its user pool has no domain."));
    String redirectUri = query.get("redirect_uri");
    if (redirectUri == null
        || !OAuthClients.list(found.client(), "CallbackURLs").contains(redirectUri)) {
      // Cognito answers redirect_mismatch on its own error page
      throw new PageError("redirect_mismatch: the redirect_uri is not registered for this client.");
    }
    String state = query.get("state");
    String responseType = query.get("response_type");
    if (!"code".equals(responseType) && !"token".equals(responseType)) {
      throw new RedirectError(redirectUri, "unsupported_response_type", state);
    }
    String identityProvider = query.get("identity_provider");
    String idpIdentifier = query.get("idp_identifier");
    boolean cognito =
        "COGNITO".equals(identityProvider) || (identityProvider == null && idpIdentifier == null);
    // an external provider's place in SupportedIdentityProviders is checked once it is resolved
    if (!OAuthClients.allowsFlow(found.client(), "code".equals(responseType) ? "code" : "implicit")
        || (cognito
            && !OAuthClients.list(found.client(), "SupportedIdentityProviders")
                .contains("COGNITO"))) {
      throw new RedirectError(redirectUri, "unauthorized_client", state);
    }
    List<String> allowed = OAuthClients.list(found.client(), "AllowedOAuthScopes");
    List<String> scopes =
        query.get("scope") == null ? allowed : TokenEndpoint.requested(query.get("scope"));
    if (scopes.isEmpty() || !allowed.containsAll(scopes)) {
      throw new RedirectError(redirectUri, "invalid_scope", state);
    }
    String challenge = query.get("code_challenge");
    if (challenge != null
        && (!"S256".equals(query.get("code_challenge_method"))
            || !Pkce.CHALLENGE.matcher(challenge).matches()
            || !"code".equals(responseType))) {
      throw new RedirectError(redirectUri, "invalid_request", state);
    }
    return new AuthorizeRequest(
        found,
        responseType,
        redirectUri,
        state,
        scopes,
        query.get("nonce"),
        challenge,
        identityProvider,
        idpIdentifier);
  }
}
