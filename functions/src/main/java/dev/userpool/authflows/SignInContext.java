package dev.userpool.authflows;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import java.time.Instant;
import java.util.Map;

/**
 * One sign-in call as the flows see it: the pool and app client it addresses, ClientMetadata (passed on to
 * triggers), whether it came through an Admin* operation, the request time, the URL it reached (the default
 * token issuer base, see {@link dev.userpool.tokens.IssuerResolver}), and whether it answers a challenge
 * ((Admin)RespondToAuthChallenge) rather than starting a sign-in ((Admin)InitiateAuth): Cognito hands ClientMetadata
 * to different triggers in the two (sources §5.7).
 */
public record SignInContext(
    UserPool pool,
    AppClient client,
    Map<String, String> clientMetadata,
    boolean admin,
    Instant now,
    String requestBaseUrl,
    boolean challengeResponse) {

  public SignInContext {
    clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
  }

  /** A call that starts a sign-in ((Admin)InitiateAuth). */
  public SignInContext(UserPool pool, AppClient client, Map<String, String> clientMetadata, boolean admin,
      Instant now, String requestBaseUrl) {
    this(pool, client, clientMetadata, admin, now, requestBaseUrl, false);
  }

  public ClientAuthSettings settings() {
    return new ClientAuthSettings(client);
  }
}
