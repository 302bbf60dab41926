package dev.userpool.operations.passkeys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.WebAuthnCredentialStore;

/**
 * Cognito DeleteWebAuthnCredential: deletes one of the signed-in user's own passkeys. An id the
 * user does not have — another user's passkey among them — is ResourceNotFoundException.
 */
public final class DeleteWebAuthnCredential implements Operation {
  private final AccessTokens tokens;
  private final WebAuthnCredentialStore credentials;

  public DeleteWebAuthnCredential(AccessTokens tokens, WebAuthnCredentialStore credentials) {
    this.tokens = tokens;
    this.credentials = credentials;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    String credentialId = in.string("CredentialId");
    if (credentialId.indexOf('#') >= 0
        || !credentials.delete(signedIn.pool().id(), signedIn.user().sub(), credentialId)) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("Credential not found."); // wording ours
    }
    return Json.object();
  }
}
