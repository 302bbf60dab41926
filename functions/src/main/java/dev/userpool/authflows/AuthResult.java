package dev.userpool.authflows;

import java.util.Map;

/** What a flow step answers: the next challenge, or tokens (sources §6.1, §7.3). */
public sealed interface AuthResult {
  /** ChallengeName, ChallengeParameters and Session (null for the first SRP step, which has none). */
  record Challenge(String name, Map<String, String> parameters, String session) implements AuthResult {
    public Challenge {
      parameters = Map.copyOf(parameters);
    }
  }

  /**
   * AuthenticationResult; {@code refreshToken} is null on refresh (no rotation); {@code newDevice} is the
   * NewDeviceMetadata of a sign-in on a device Cognito has not seen (null otherwise).
   */
  record Authenticated(String accessToken, long expiresIn, String idToken, String refreshToken,
      NewDevice newDevice) implements AuthResult {
    public Authenticated(String accessToken, long expiresIn, String idToken, String refreshToken) {
      this(accessToken, expiresIn, idToken, refreshToken, null);
    }

    public Authenticated withNewDevice(NewDevice device) {
      return new Authenticated(accessToken, expiresIn, idToken, refreshToken, device);
    }

    @Override
    public String toString() {
      return "Authenticated[expiresIn=" + expiresIn + "]"; // never the tokens
    }
  }

  /** NewDeviceMetadata: the key of the device the client should confirm (ConfirmDevice), and its group key. */
  record NewDevice(String deviceKey, String deviceGroupKey) {}
}
