package dev.userpool.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A token whose signature, issuer, use and expiry were checked, with its claims. Revocation and the
 * user's state are not checked here: the operation does that with its stores.
 */
public record VerifiedToken(String poolId, TokenUse use, String kid, ObjectNode claims) {

  public VerifiedToken {
    claims = claims.deepCopy();
  }

  @Override
  public ObjectNode claims() {
    return claims.deepCopy();
  }

  public String sub() {
    return text("sub");
  }

  /** {@code client_id} of an access token, {@code aud} of an ID token. */
  public String clientId() {
    return text(use == TokenUse.ACCESS ? "client_id" : "aud");
  }

  /** {@code username} of an access token, {@code cognito:username} of an ID token. */
  public String username() {
    return text(use == TokenUse.ACCESS ? "username" : "cognito:username");
  }

  public String jti() {
    return text("jti");
  }

  public String originJti() {
    return text("origin_jti");
  }

  public String eventId() {
    return text("event_id");
  }

  public Instant issuedAt() {
    return seconds("iat");
  }

  public Instant expiresAt() {
    return seconds("exp");
  }

  public Instant authTime() {
    return seconds("auth_time");
  }

  /** The space-separated {@code scope} claim as a list (empty when absent). */
  public List<String> scopes() {
    String scope = text("scope");
    return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split(" +"));
  }

  public List<String> groups() {
    List<String> groups = new ArrayList<>();
    JsonNode node = claims.get("cognito:groups");
    if (node != null && node.isArray()) {
      node.forEach(g -> groups.add(g.asText()));
    }
    return groups;
  }

  private String text(String claim) {
    JsonNode node = claims.get(claim);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private Instant seconds(String claim) {
    JsonNode node = claims.get(claim);
    return node != null && node.isNumber() ? Instant.ofEpochSecond(node.asLong()) : null;
  }
}
