package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;

/**
 * A ProviderUserIdentifierType member (DestinationUser, SourceUser, User): which provider, and the
 * user there. Every member is optional in the service model, so absence is checked here.
 */
record ProviderUserIdentifier(String providerName, String attributeName, String attributeValue) {
  /** The ProviderName of native users. */
  static final String COGNITO = "Cognito";

  /** The attribute that names an external user by its subject at the provider. */
  static final String COGNITO_SUBJECT = "Cognito_Subject";

  static ProviderUserIdentifier of(Input in, String member) {
    JsonNode node = in.optNode(member).orElse(null);
    String name = text(node, "ProviderName");
    String value = text(node, "ProviderAttributeValue");
    if (name == null || value == null) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          member + " needs ProviderName and ProviderAttributeValue."); // unconfirmed text
    }
    return new ProviderUserIdentifier(name, text(node, "ProviderAttributeName"), value);
  }

  boolean cognito() {
    return providerName.equals(COGNITO);
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.path(field).isTextual() || node.get(field).asText().isEmpty()) {
      return null;
    }
    return node.get(field).asText();
  }
}
