package dev.userpool.operations.passkeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.WebAuthnCredentialStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cognito ListWebAuthnCredentials: the signed-in user's passkeys in credential-id order, MaxResults
 * per page (0 or absent: the model's maximum, 20) and NextToken, the last id of the page.
 */
public final class ListWebAuthnCredentials implements Operation {
  private final AccessTokens tokens;
  private final WebAuthnCredentialStore credentials;

  public ListWebAuthnCredentials(AccessTokens tokens, WebAuthnCredentialStore credentials) {
    this.tokens = tokens;
    this.credentials = credentials;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    int limit = in.optInt("MaxResults").filter(n -> n > 0).orElse(PasskeyLimits.PER_USER);
    String after = in.optString("NextToken").map(ListWebAuthnCredentials::idOf).orElse(null);
    List<WebAuthnCredential> rest =
        credentials.listOf(signedIn.pool().id(), signedIn.user().sub()).stream()
            .filter(c -> after == null || c.credentialId().compareTo(after) > 0)
            .toList();
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Credentials");
    rest.stream().limit(limit).forEach(c -> list.add(view(c)));
    if (rest.size() > limit) {
      out.put("NextToken", token(rest.get(limit - 1).credentialId()));
    }
    return out;
  }

  private static ObjectNode view(WebAuthnCredential c) {
    ObjectNode o = Json.object();
    o.put("CredentialId", c.credentialId());
    o.put("FriendlyCredentialName", c.friendlyName());
    o.put("RelyingPartyId", c.relyingPartyId());
    if (c.attachment() != null) {
      o.put("AuthenticatorAttachment", c.attachment());
    }
    ArrayNode transports = o.putArray("AuthenticatorTransports");
    c.transports().forEach(transports::add);
    o.put("CreatedAt", Json.epochSeconds(c.createdAt()));
    return o;
  }

  private static String token(String credentialId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("passkey:" + credentialId).getBytes(StandardCharsets.UTF_8));
  }

  private static String idOf(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith("passkey:")) {
        return decoded.substring("passkey:".length());
      }
    } catch (IllegalArgumentException e) {
      // not one of ours
    }
    throw ErrorCode.INVALID_PARAMETER.exception("Invalid pagination token."); // wording unconfirmed
  }
}
