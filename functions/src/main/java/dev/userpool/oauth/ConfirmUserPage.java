package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /confirmUser?client_id=…&user_name=…&confirmation_code=…}: the link of a
 * CONFIRM_WITH_LINK pool's sign-up email (ADR 0022). It confirms the user through ConfirmSignUp
 * itself ({@link PublicOperations}), so the code is checked as the API checks it (hash, expiry,
 * attempts, one use) and PostConfirmation runs; the answer is a page, not a redirect (users of
 * Cognito ask for one in aws-amplify/amplify-js#612 and #9006 because there is none). A wrong,
 * expired or used code shows the domain's error page with Cognito's message.
 */
final class ConfirmUserPage {
  /** The classic hosted UI's sentence above an error (quoted in amazon-cognito-identity-js#604). */
  static final String ERROR_HEADLINE = "An error was encountered with the requested page.";

  /** Our text: Cognito's own wording of the confirmation page is not public (docs/fidelity.md). */
  static final String CONFIRMED = "Your registration has been confirmed!";

  private final OAuthClients clients;
  private final PublicOperations operations;
  private final PageLayout layout;

  ConfirmUserPage(OAuthClients clients, PublicOperations operations, PageLayout layout) {
    this.clients = clients;
    this.operations = operations;
    this.layout = layout;
  }

  ApiResponse handle(ApiRequest request, Instant now) {
    Form query;
    try {
      query = Form.parse(request.rawQuery());
    } catch (OAuthException e) {
      return error(null, null, e.error());
    }
    Optional<OAuthClients.Found> found = clients.find(query.get("client_id"));
    if (found.isEmpty()) {
      return error(null, null, "invalid_request");
    }
    String poolId = found.get().pool().id();
    String clientId = found.get().client().clientId();
    String username = query.get("user_name");
    String code = query.get("confirmation_code");
    if (username == null || code == null) {
      return error(poolId, clientId, "invalid_request");
    }
    ObjectNode in =
        Json.object()
            .put("ClientId", clientId)
            .put("Username", username)
            .put("ConfirmationCode", code);
    String secretHash = PublicOperations.secretHash(found.get().client(), username);
    if (secretHash != null) {
      in.put("SecretHash", secretHash);
    }
    try {
      operations.call("ConfirmSignUp", in, now, request.baseUrl(), request.sourceIp());
    } catch (CognitoException e) {
      return error(poolId, clientId, e.getMessage());
    }
    return layout.page(200, poolId, clientId, "Confirmation", FormHtml.paragraph(CONFIRMED), null);
  }

  private ApiResponse error(String poolId, String clientId, String message) {
    return layout.page(
        400,
        poolId,
        clientId,
        "Error",
        FormHtml.paragraph(ERROR_HEADLINE) + FormHtml.error(message),
        null);
  }
}
