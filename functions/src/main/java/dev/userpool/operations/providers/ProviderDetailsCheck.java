package dev.userpool.operations.providers;

import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The ProviderDetails keys each ProviderType requires, as the CreateIdentityProvider API reference
 * lists them: Google, Facebook and LoginWithAmazon need client_id, client_secret and
 * authorize_scopes; SignInWithApple needs client_id, team_id, key_id, private_key and
 * authorize_scopes; OIDC needs client_id, attributes_request_method (GET or POST) and oidc_issuer
 * (client_secret is optional); SAML needs MetadataURL or MetadataFile, not both. The texts of the
 * InvalidParameterException are ours (unconfirmed). The model's ProviderTypeType enum has already
 * rejected unknown types. Cognito requires https issuer and metadata URLs; that is not enforced
 * here so that local providers on http://localhost can be registered (a deliberate difference).
 */
final class ProviderDetailsCheck {
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "Google", List.of("client_id", "client_secret", "authorize_scopes"),
          "Facebook", List.of("client_id", "client_secret", "authorize_scopes"),
          "LoginWithAmazon", List.of("client_id", "client_secret", "authorize_scopes"),
          "SignInWithApple",
              List.of("client_id", "team_id", "key_id", "private_key", "authorize_scopes"),
          "OIDC",
              List.of("client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes"),
          "SAML", List.of());

  /** Social types whose provider must be named after the type. */
  private static final java.util.Set<String> SOCIAL =
      java.util.Set.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple");

  private ProviderDetailsCheck() {}

  /**
   * A social provider's name is its type: InvalidParameterException "Provider NameOfGP cannot be of
   * type Google." is Cognito's answer to any other name (observed: aws/aws-cli#3179).
   */
  static void checkName(String name, String type) {
    if (SOCIAL.contains(type) && !name.equals(type)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Provider " + name + " cannot be of type " + type + ".");
    }
  }

  static void check(String type, Map<String, String> details) {
    List<String> required = REQUIRED.get(type);
    if (required == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("Provider type " + type + " is not supported.");
    }
    for (String key : required) {
      String value = details.get(key);
      if (value == null || value.isBlank()) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            key + " is required for the " + type + " provider type.");
      }
    }
    if (type.equals("OIDC")) {
      String method = details.get("attributes_request_method");
      if (!method.equals("GET") && !method.equals("POST")) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "attributes_request_method must be GET or POST.");
      }
    }
    if (type.equals("SAML")) {
      boolean url = details.containsKey("MetadataURL");
      boolean file = details.containsKey("MetadataFile");
      if (url == file) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Exactly one of MetadataURL or MetadataFile is required for the SAML provider type.");
      }
      if (file && !details.get("MetadataFile").contains("EntityDescriptor")) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "MetadataFile is not a SAML metadata document.");
      }
    }
  }
}
