package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.ClientAuthSettings;
import dev.userpool.authflows.OAuthSignIn;
import dev.userpool.authflows.SignInContext;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.AuthorizationCode;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.operations.auth.PreTokenClaims;
import dev.userpool.operations.clients.OAuthClientSettings;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.Json;
import dev.userpool.store.AuthorizationCodeStore;
import dev.userpool.store.ResourceServerStore;
import dev.userpool.store.UserStore;
import dev.userpool.tokens.Tokens;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.Triggers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /oauth2/token}: the authorization_code, refresh_token and client_credentials grants
 * (RFC 6749 §4.1.3, §6, §4.4) with PKCE S256 (RFC 7636). Errors are RFC 6749 §5.2 codes with status
 * 400, as Cognito's token endpoint documents them; a redirect_uri that differs from the authorize
 * request's is unauthorized_client, as Cognito has been observed to answer it
 * (stackoverflow.com/questions/50264679).
 */
final class TokenEndpoint {
  private final OAuthClients clients;
  private final AuthorizationCodeStore codes;
  private final ResourceServerStore resourceServers;
  private final UserStore users;
  private final OAuthSignIn signIn;
  private final Tokens tokens;
  private final SecureRandom random;
  private final Triggers triggers;

  TokenEndpoint(
      OAuthClients clients,
      AuthorizationCodeStore codes,
      ResourceServerStore resourceServers,
      UserStore users,
      OAuthSignIn signIn,
      Tokens tokens,
      SecureRandom random,
      Triggers triggers) {
    this.triggers = triggers;
    this.clients = clients;
    this.codes = codes;
    this.resourceServers = resourceServers;
    this.users = users;
    this.signIn = signIn;
    this.tokens = tokens;
    this.random = random;
  }

  ObjectNode handle(ApiRequest request, Instant now) {
    String contentType = request.header("Content-Type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded");
    }
    Form form = Form.parse(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
    String grantType = form.require("grant_type");
    if (!Set.of("authorization_code", "refresh_token", "client_credentials").contains(grantType)) {
      throw new OAuthException(400, "unsupported_grant_type", grantType);
    }
    OAuthClients.Found found = clients.authenticate(request, form);
    SignInContext ctx =
        new SignInContext(found.pool(), found.client(), null, false, now, request.baseUrl());
    return switch (grantType) {
      case "client_credentials" -> clientCredentials(ctx, form, now);
      case "authorization_code" -> authorizationCode(ctx, form);
      default -> refresh(ctx, form);
    };
  }

  private ObjectNode clientCredentials(SignInContext ctx, Form form, Instant now) {
    AppClient client = ctx.client();
    if (!client.hasSecret() || !OAuthClients.allowsFlow(client, "client_credentials")) {
      throw OAuthException.unauthorizedClient("client_credentials not allowed for this client");
    }
    List<String> allowed =
        OAuthClients.list(client, "AllowedOAuthScopes").stream()
            .filter(s -> OAuthClientSettings.customScopeExists(s, ctx.pool().id(), resourceServers))
            .toList();
    List<String> scopes = form.get("scope") == null ? allowed : requested(form.get("scope"));
    if (scopes.isEmpty() || !allowed.containsAll(scopes)) {
      throw OAuthException.invalidScope("scope not allowed for this client");
    }
    Duration validity = new ClientAuthSettings(client).accessTokenValidity();
    ObjectNode claims = Json.object();
    claims.put("sub", client.clientId());
    claims.put("token_use", "access");
    claims.put("scope", String.join(" ", scopes));
    claims.put("auth_time", now.getEpochSecond());
    claims.put("iss", tokens.issuers().issuer(ctx.pool().id(), ctx.requestBaseUrl()));
    claims.put("exp", now.getEpochSecond() + validity.toSeconds());
    claims.put("iat", now.getEpochSecond());
    claims.put("version", 2);
    claims.put("jti", Identifiers.sub(random));
    claims.put("client_id", client.clientId());
    try {
      PreTokenClaims.applyToClientToken(
          triggers.preTokenGenerationForClient(
              new TriggerContext(
                  ctx.pool(), client.clientId(), null, Map.of(), clientMetadata(form)),
              scopes),
          claims);
    } catch (CognitoException e) {
      throw OAuthException.invalidRequest(e.getMessage()); // a failing trigger (guessed code)
    }
    ObjectNode out = Json.object();
    out.put("access_token", tokens.issuer().sign(ctx.pool().id(), claims));
    out.put("expires_in", validity.toSeconds());
    out.put("token_type", "Bearer");
    return out;
  }

  private ObjectNode authorizationCode(SignInContext ctx, Form form) {
    String code = form.require("code");
    String redirectUri = form.require("redirect_uri");
    if (!OAuthClients.allowsFlow(ctx.client(), "code")) {
      throw OAuthException.unauthorizedClient("code grant not allowed for this client");
    }
    AuthorizationCode stored =
        codes
            .consume(ctx.pool().id(), AuthorizationCodes.hash(code))
            .orElseThrow(() -> OAuthException.invalidGrant("unknown, used or expired code"));
    if (!stored.clientId().equals(ctx.client().clientId())
        || !ctx.now().isBefore(stored.expiresAt())) {
      throw OAuthException.invalidGrant("code of another client or expired");
    }
    if (!stored.redirectUri().equals(redirectUri)) {
      throw OAuthException.unauthorizedClient(
          "redirect_uri differs from the authorization request");
    }
    if (stored.codeChallenge() != null) {
      String verifier = form.get("code_verifier");
      if (verifier == null || !ConstantTime.equals(stored.codeChallenge(), Pkce.s256(verifier))) {
        throw OAuthException.invalidGrant("PKCE verification failed");
      }
    }
    User user =
        users
            .findBySub(ctx.pool().id(), stored.sub())
            .filter(User::enabled)
            .orElseThrow(() -> OAuthException.invalidGrant("user gone or disabled"));
    AuthResult.Authenticated issued;
    try {
      issued = signIn.tokens(ctx, user, stored.scopes(), stored.nonce());
    } catch (CognitoException e) {
      throw OAuthException.invalidGrant(
          e.getMessage()); // e.g. a Pre Token Generation trigger refusing
    }
    return tokenResponse(issued, stored.scopes().contains("openid"));
  }

  private ObjectNode refresh(SignInContext ctx, Form form) {
    String token = form.require("refresh_token");
    AuthResult.Authenticated issued;
    try {
      issued = signIn.refresh(ctx, token);
    } catch (CognitoException e) {
      throw OAuthException.invalidGrant(e.getMessage());
    }
    return tokenResponse(issued, issued.idToken() != null);
  }

  /**
   * {@code aws_client_metadata}: URL-encoded JSON of string values for the V3_0 trigger's {@code
   * clientMetadata} (token endpoint docs); anything else is invalid_request.
   */
  private static Map<String, String> clientMetadata(Form form) {
    String given = form.get("aws_client_metadata");
    if (given == null) {
      return Map.of();
    }
    try {
      com.fasterxml.jackson.databind.JsonNode node = Json.read(given);
      Map<String, String> metadata = new java.util.LinkedHashMap<>();
      if (!node.isObject()) {
        throw new IllegalArgumentException();
      }
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isTextual()) {
                  throw new IllegalArgumentException();
                }
                metadata.put(e.getKey(), e.getValue().asText());
              });
      return metadata;
    } catch (RuntimeException e) {
      throw OAuthException.invalidRequest("aws_client_metadata must be a JSON object of strings");
    }
  }

  private static ObjectNode tokenResponse(AuthResult.Authenticated issued, boolean withIdToken) {
    ObjectNode out = Json.object();
    if (withIdToken && issued.idToken() != null) {
      out.put("id_token", issued.idToken());
    }
    out.put("access_token", issued.accessToken());
    if (issued.refreshToken() != null) {
      out.put("refresh_token", issued.refreshToken());
    }
    out.put("expires_in", issued.expiresIn());
    out.put("token_type", "Bearer");
    return out;
  }

  /** A space-separated scope parameter (RFC 6749 §3.3), duplicates dropped, order kept. */
  static List<String> requested(String scope) {
    return new ArrayList<>(
        new LinkedHashSet<>(
            Arrays.stream(scope.trim().split(" +")).filter(s -> !s.isEmpty()).toList()));
  }
}
