package dev.userpool.oauth.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.config.OnFirstUse;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.oauth.ErrorPage;
import dev.userpool.oauth.Form;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import dev.userpool.store.IdentityProviderStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through an OIDC provider or Google (authorization code flow, OpenID Connect Core §3.1),
 * or through Facebook or Login with Amazon (the same code flow without an ID token: the profile at
 * the attributes URL names the user); social types' endpoints come from {@link SocialProviders}.
 * {@link #start} sends the browser to the provider with a sealed state and a fresh nonce; {@code
 * /oauth2/idpresponse} ({@link #idpResponse}) redeems the provider's code at its token endpoint
 * with client_secret_post, verifies the ID token, reads userinfo (GET or POST per
 * attributes_request_method) and hands the identity to {@link FederatedSignIn}. Sign in with Apple
 * differs in three steps: form_post when name or email is asked for, a client secret made per
 * request ({@link AppleClientSecret}), and the name from its first-sign-in {@code user} field
 * ({@link AppleUserField}).
 */
public final class OidcFederation {
  public static final String CALLBACK_PATH = "/oauth2/idpresponse";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final FederationState states;
  private final FederatedSignIn signIn;
  private final IdentityProviderStore providers;
  private final SocialProviders social;
  private final ApplePrivateKeys appleKeys;
  private final OidcIdTokens idTokens;
  private final SecureRandom random;
  private final OnFirstUse<HttpClient> http;

  public OidcFederation(
      FederationState states,
      FederatedSignIn signIn,
      IdentityProviderStore providers,
      SocialProviders social,
      ApplePrivateKeys appleKeys,
      SecureRandom random) {
    this.states = states;
    this.signIn = signIn;
    this.providers = providers;
    this.social = social;
    this.appleKeys = appleKeys;
    this.idTokens = new OidcIdTokens();
    this.random = random;
    this.http =
        new OnFirstUse<>(
            () ->
                HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
  }

  /**
   * The 302 to the provider's authorization endpoint for {@code pending} (its idpNonce is chosen
   * here); an error redirect to the client when the provider's endpoints are unknown.
   */
  public ApiResponse start(IdentityProvider provider, PendingAuthorization pending, String base) {
    OidcProviderEndpoints endpoints = social.endpoints(provider);
    boolean oidc = SocialProviders.hasIdToken(provider.type());
    if (oidc ? !endpoints.complete() : !endpoints.completeForOAuth()) {
      return FederatedSignIn.error(pending, "Unable to discover OIDC endpoints of the provider.");
    }
    PendingAuthorization withNonce =
        new PendingAuthorization(
            pending.poolId(),
            pending.clientId(),
            pending.providerName(),
            pending.responseType(),
            pending.redirectUri(),
            pending.state(),
            pending.scopes(),
            pending.nonce(),
            pending.codeChallenge(),
            randomToken(),
            pending.expiresAt());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", provider.details().get("client_id"));
    query.put("redirect_uri", base + CALLBACK_PATH);
    String scope = provider.details().getOrDefault("authorize_scopes", "openid");
    query.put("scope", scope);
    if (provider.type().equals(SocialProviders.APPLE) && asksForNameOrEmail(scope)) {
      // Apple refuses a query-mode answer when name or email is asked for: it POSTs the answer
      query.put("response_mode", "form_post");
    }
    query.put("state", states.seal(withNonce));
    if (oidc) {
      query.put("nonce", withNonce.idpNonce());
    }
    String url = endpoints.authorizeUrl();
    return FederatedSignIn.redirect(
        url + (url.contains("?") ? "&" : "?") + FederatedSignIn.encode(query));
  }

  /**
   * {@code GET} (query) or {@code POST} (form_post) {@code /oauth2/idpresponse}. A state that is
   * not ours, altered or expired gets our error page: it names no client to return to.
   */
  public ApiResponse idpResponse(ApiRequest request, Instant now) {
    Form query = Form.parse(request.rawQuery());
    Form form =
        request.method().equals("POST") && request.body() != null
            ? Form.parse(new String(request.body(), StandardCharsets.UTF_8))
            : Form.parse(null);
    Optional<PendingAuthorization> opened = states.open(param(form, query, "state"), now);
    if (opened.isEmpty()) {
      return ErrorPage.render(400, "invalid_state: the sign-in expired or the state is invalid.");
    }
    PendingAuthorization pending = opened.get();
    Optional<IdentityProvider> provider = providers.find(pending.poolId(), pending.providerName());
    if (provider.isEmpty() || !SocialProviders.signsInAtIdpResponse(provider.get().type())) {
      return FederatedSignIn.error(pending, "Invalid identity provider.");
    }
    String error = param(form, query, "error");
    if (error != null) {
      String description = param(form, query, "error_description");
      return FederatedSignIn.error(pending, description != null ? description : error);
    }
    String code = param(form, query, "code");
    if (code == null) {
      return FederatedSignIn.error(pending, "Missing code from the identity provider.");
    }
    ExternalIdentity identity;
    try {
      identity =
          identify(
              provider.get(), pending, code, param(form, query, "user"), request.baseUrl(), now);
    } catch (FederationFailure e) {
      return FederatedSignIn.error(pending, e.getMessage());
    }
    return signIn.complete(pending, identity, now, request.baseUrl());
  }

  /** A step with the provider failed; the message goes to the client as error_description. */
  private static final class FederationFailure extends Exception {
    FederationFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static boolean asksForNameOrEmail(String scope) {
    for (String s : scope.split("[\\s,]+")) {
      if (s.equals("name") || s.equals("email")) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param appleUser Apple's {@code user} form member (first authorization only), else null
   */
  private ExternalIdentity identify(
      IdentityProvider provider,
      PendingAuthorization pending,
      String code,
      String appleUser,
      String base,
      Instant now)
      throws FederationFailure {
    Map<String, String> details = provider.details();
    OidcProviderEndpoints endpoints = social.endpoints(provider);
    boolean oidc = SocialProviders.hasIdToken(provider.type());
    if (oidc ? !endpoints.complete() : !endpoints.completeForOAuth()) {
      throw new FederationFailure("Unable to discover OIDC endpoints of the provider.");
    }
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("redirect_uri", base + CALLBACK_PATH);
    exchange.put("client_id", details.get("client_id"));
    String clientSecret =
        provider.type().equals(SocialProviders.APPLE)
            ? appleClientSecret(provider, now)
            : details.get("client_secret");
    if (clientSecret != null) {
      exchange.put("client_secret", clientSecret);
    }
    JsonNode tokens = call(tokenRequest(endpoints, exchange), "token");
    if (!oidc) {
      return fromProfile(provider, endpoints, tokens);
    }
    String idToken = tokens.path("id_token").asText(null);
    if (idToken == null) {
      throw new FederationFailure("Invalid ID token");
    }
    JWTClaimsSet claims;
    try {
      claims =
          idTokens.verify(
              idToken,
              endpoints.jwksUri(),
              social.issuers(provider, endpoints),
              details.get("client_id"),
              pending.idpNonce());
    } catch (OidcIdTokens.InvalidIdToken e) {
      Log.LOG.log(System.Logger.Level.INFO, "ID token of " + provider.name() + " refused", e);
      throw new FederationFailure(e.getMessage());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> attributes.put(name, stringify(value)));
    Map<String, Map<String, String>> sources = new LinkedHashMap<>();
    sources.put("idToken", Map.copyOf(attributes));
    if (provider.type().equals(SocialProviders.APPLE)) {
      Map<String, String> named = AppleUserField.attributes(appleUser);
      if (!named.isEmpty()) {
        attributes.putAll(named);
        sources.put("userInfo", named);
      }
    }
    String accessToken = tokens.path("access_token").asText(null);
    if (endpoints.attributesUrl() != null && accessToken != null) {
      JsonNode userInfo = userInfo(endpoints.attributesUrl(), details, accessToken);
      if (!claims.getSubject().equals(userInfo.path("sub").asText())) {
        throw new FederationFailure("The userinfo sub does not match the ID token.");
      }
      Map<String, String> fromUserInfo = new LinkedHashMap<>();
      userInfo
          .fields()
          .forEachRemaining(
              e ->
                  fromUserInfo.put(
                      e.getKey(),
                      e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      attributes.putAll(fromUserInfo);
      sources.put("userInfo", fromUserInfo);
    }
    return new ExternalIdentity(
        provider.name(),
        provider.type(),
        claims.getSubject(),
        SocialProviders.recordedIssuer(provider, claims.getIssuer()),
        attributes,
        sources);
  }

  /** A fresh ES256 client secret signed with the provider's sealed private_key. */
  private String appleClientSecret(IdentityProvider provider, Instant now)
      throws FederationFailure {
    Map<String, String> details = provider.details();
    String pem =
        appleKeys
            .open(provider.userPoolId(), details.get(ApplePrivateKeys.DETAIL))
            .orElseThrow(
                () -> new FederationFailure("The identity provider's private_key is unusable."));
    try {
      return AppleClientSecret.create(
          details.get("team_id"), details.get("client_id"), details.get("key_id"), pem, now);
    } catch (AppleClientSecret.InvalidPrivateKey e) {
      Log.LOG.log(System.Logger.Level.INFO, "private_key of " + provider.name() + " refused", e);
      throw new FederationFailure(e.getMessage());
    }
  }

  /**
   * The token request: a form POST, or for a provider whose token_request_method is GET (Facebook)
   * the same parameters in the query.
   */
  private static HttpRequest.Builder tokenRequest(
      OidcProviderEndpoints endpoints, Map<String, String> exchange) {
    String form = FederatedSignIn.encode(exchange);
    if (endpoints.tokenByGet()) {
      String url = endpoints.tokenUrl();
      return HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + form))
          .header("Accept", "application/json")
          .GET();
    }
    return HttpRequest.newBuilder(URI.create(endpoints.tokenUrl()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  /**
   * A plain OAuth 2.0 provider (Facebook, Login with Amazon): the profile read from the attributes
   * URL with the access token names the user by its subject member ({@code id}, {@code user_id}).
   */
  private ExternalIdentity fromProfile(
      IdentityProvider provider, OidcProviderEndpoints endpoints, JsonNode tokens)
      throws FederationFailure {
    String accessToken = tokens.path("access_token").asText(null);
    if (accessToken == null) {
      throw new FederationFailure("Error from the identity provider's token endpoint.");
    }
    JsonNode profile = userInfo(endpoints.attributesUrl(), provider.details(), accessToken);
    JsonNode subject = profile.path(SocialProviders.subjectField(provider.type()));
    if (!subject.isTextual() && !subject.isNumber()) {
      java.util.List<String> members = new java.util.ArrayList<>();
      profile.fieldNames().forEachRemaining(members::add);
      Log.LOG.log(
          System.Logger.Level.INFO,
          "profile from " + provider.name() + " has no subject member; it has " + members);
      throw new FederationFailure("The identity provider's profile names no user.");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    profile
        .fields()
        .forEachRemaining(
            e ->
                attributes.put(
                    e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return new ExternalIdentity(
        provider.name(),
        provider.type(),
        subject.asText(),
        null,
        attributes,
        Map.of("userInfo", Map.copyOf(attributes)));
  }

  private JsonNode userInfo(String url, Map<String, String> details, String accessToken)
      throws FederationFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json");
    if ("POST".equals(details.get("attributes_request_method"))) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.GET();
    }
    return call(request, "userinfo");
  }

  private JsonNode call(HttpRequest.Builder request, String what) throws FederationFailure {
    try {
      HttpResponse<String> response =
          http.get().send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        Log.LOG.log(
            System.Logger.Level.INFO,
            "identity provider's " + what + " endpoint answered " + response.statusCode());
        throw new FederationFailure("Error from the identity provider's " + what + " endpoint.");
      }
      JsonNode body = Json.read(response.body());
      if (!body.isObject()) {
        throw new FederationFailure("Error from the identity provider's " + what + " endpoint.");
      }
      return body;
    } catch (IOException | RuntimeException e) {
      Log.LOG.log(System.Logger.Level.INFO, "identity provider's " + what + " endpoint failed", e);
      throw new FederationFailure("Error from the identity provider's " + what + " endpoint.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FederationFailure("Error from the identity provider's " + what + " endpoint.");
    }
  }

  /** Claim values as attribute strings: strings as they are, anything else as its JSON. */
  private static String stringify(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof java.util.Date date) {
      return Long.toString(date.toInstant().getEpochSecond());
    }
    return Json.write(value);
  }

  private static String param(Form form, Form query, String name) {
    String value = form.get(name);
    return value != null ? value : query.get(name);
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(OidcFederation.class.getName());
  }
}
