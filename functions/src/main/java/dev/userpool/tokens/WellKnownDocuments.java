package dev.userpool.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.SigningKey;
import dev.userpool.protocol.Json;
import java.util.List;

/**
 * The JWKS and OpenID discovery documents of a pool, with members in the order Cognito serves them
 * (sources §6.7).
 */
public final class WellKnownDocuments {
  private WellKnownDocuments() {}

  /**
   * {@code {"keys":[{"alg","e","kid","kty","n","use"}…]}}: public members only, the active key
   * first.
   */
  public static ObjectNode jwks(List<SigningKey> keys) {
    ObjectNode doc = Json.object();
    ArrayNode array = doc.putArray("keys");
    for (SigningKey key : keys) {
      ObjectNode jwk = array.addObject();
      jwk.put("alg", JwtSigner.ALG);
      jwk.put("e", key.exponent());
      jwk.put("kid", key.kid());
      jwk.put("kty", "RSA");
      jwk.put("n", key.modulus());
      jwk.put("use", "sig");
    }
    return doc;
  }

  /**
   * The discovery document of a pool without a domain. The authorize/token/userInfo endpoints are
   * named as Cognito names them (observed 2022, openiddict/openiddict-core#1586; {@code userInfo}
   * guessed) but Userpool does not serve the OAuth endpoints.
   */
  public static ObjectNode openidConfiguration(String issuer) {
    return openidConfiguration(issuer, null);
  }

  /**
   * The discovery document; {@code domainBase} is where the pool's domain endpoints are served (the
   * server's own URL) when the pool has a domain, else null. With a domain, the endpoints are those
   * Userpool serves ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/userInfo},
   * {@code /oauth2/revoke}, {@code /logout}), as Cognito lists its domain's.
   */
  public static ObjectNode openidConfiguration(String issuer, String domainBase) {
    ObjectNode doc = Json.object();
    if (domainBase != null) {
      doc.put("authorization_endpoint", domainBase + "/oauth2/authorize");
      doc.put("end_session_endpoint", domainBase + "/logout");
      doc.putArray("id_token_signing_alg_values_supported").add(JwtSigner.ALG);
      doc.put("issuer", issuer);
      doc.put("jwks_uri", issuer + "/.well-known/jwks.json");
      doc.putArray("response_types_supported").add("code").add("token");
      doc.put("revocation_endpoint", domainBase + "/oauth2/revoke");
      doc.putArray("scopes_supported").add("openid").add("email").add("phone").add("profile");
      doc.putArray("subject_types_supported").add("public");
      doc.put("token_endpoint", domainBase + "/oauth2/token");
      doc.putArray("token_endpoint_auth_methods_supported")
          .add("client_secret_basic")
          .add("client_secret_post");
      doc.put("userinfo_endpoint", domainBase + "/oauth2/userInfo");
      doc.putArray("code_challenge_methods_supported").add("S256");
      return doc;
    }
    doc.put("authorization_endpoint", issuer + "/authorize");
    doc.putArray("id_token_signing_alg_values_supported").add(JwtSigner.ALG);
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + "/.well-known/jwks.json");
    doc.putArray("response_types_supported").add("code").add("token");
    doc.putArray("scopes_supported").add("openid").add("email").add("phone").add("profile");
    doc.putArray("subject_types_supported").add("public");
    doc.put("token_endpoint", issuer + "/token");
    doc.putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_basic")
        .add("client_secret_post");
    doc.put("userinfo_endpoint", issuer + "/userInfo");
    return doc;
  }
}
