package dev.userpool.authflows;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import java.time.Instant;
import java.util.Map;

/**
 * One sign-in call as the flows see it: the pool and app client it addresses, ClientMetadata (passed on to
 * triggers), whether it came through an Admin* operation, the request time, and the URL it reached (the default
 * token issuer base, see {@link dev.userpool.tokens.IssuerResolver}).
 */
public record SignInContext(
    UserPool pool,
    AppClient client,
    Map<String, String> clientMetadata,
    boolean admin,
    Instant now,
    String requestBaseUrl) {

  public SignInContext {
    clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
  }

  public ClientAuthSettings settings() {
    return new ClientAuthSettings(client);
  }
}
