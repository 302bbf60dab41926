package dev.userpool.authflows;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import java.time.Instant;
import java.util.Map;

/**
 * One sign-in call as the flows see it: the pool and app client it addresses, ClientMetadata
 * (passed on to triggers), whether it came through an Admin* operation, the request time, the URL
 * it reached (the default token issuer base, see {@link dev.userpool.tokens.IssuerResolver}), and
 * whether it answers a challenge ((Admin)RespondToAuthChallenge) rather than starting a sign-in
 * ((Admin)InitiateAuth): Cognito hands ClientMetadata to different triggers in the two (sources
 * §5.7). {@code sourceIp} is the caller's address (a device's last_ip_used), null when unknown.
 */
public record SignInContext(
    UserPool pool,
    AppClient client,
    Map<String, String> clientMetadata,
    boolean admin,
    Instant now,
    String requestBaseUrl,
    boolean challengeResponse,
    String sourceIp) {

  public SignInContext {
    clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
  }

  public SignInContext(
      UserPool pool,
      AppClient client,
      Map<String, String> clientMetadata,
      boolean admin,
      Instant now,
      String requestBaseUrl,
      boolean challengeResponse) {
    this(pool, client, clientMetadata, admin, now, requestBaseUrl, challengeResponse, null);
  }

  /** The same call as seen from {@code ip}. */
  public SignInContext from(String ip) {
    return new SignInContext(
        pool, client, clientMetadata, admin, now, requestBaseUrl, challengeResponse, ip);
  }

  /** A call that starts a sign-in ((Admin)InitiateAuth). */
  public SignInContext(
      UserPool pool,
      AppClient client,
      Map<String, String> clientMetadata,
      boolean admin,
      Instant now,
      String requestBaseUrl) {
    this(pool, client, clientMetadata, admin, now, requestBaseUrl, false);
  }

  public ClientAuthSettings settings() {
    return new ClientAuthSettings(client);
  }
}
