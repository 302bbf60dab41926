package dev.userpool.authflows;

import java.util.List;
import java.util.Map;

/** What a flow step answers: the next challenge, or tokens (sources §6.1, §7.3). */
public sealed interface AuthResult {
  /**
   * ChallengeName, ChallengeParameters and Session (null for the first SRP step, which has none);
   * {@code availableChallenges} only for USER_AUTH's SELECT_CHALLENGE (InitiateAuth's
   * AvailableChallenges).
   */
  record Challenge(
      String name, Map<String, String> parameters, String session, List<String> availableChallenges)
      implements AuthResult {
    public Challenge {
      parameters = Map.copyOf(parameters);
      availableChallenges = availableChallenges == null ? null : List.copyOf(availableChallenges);
    }

    public Challenge(String name, Map<String, String> parameters, String session) {
      this(name, parameters, session, null);
    }
  }

  /**
   * AuthenticationResult; {@code refreshToken} is null on refresh (no rotation); {@code newDevice}
   * is the NewDeviceMetadata of a sign-in on a device Cognito has not seen (null otherwise).
   */
  record Authenticated(
      String accessToken, long expiresIn, String idToken, String refreshToken, NewDevice newDevice)
      implements AuthResult {
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

  /**
   * The end of a sign-in on the hosted pages: Post Authentication has run and the OAuth layer
   * issues an authorization code (or implicit tokens) for {@code user}; no tokens are minted here.
   * The API flows never answer it (see {@link SignInCompletion#forHostedPages}).
   */
  record SignedIn(dev.userpool.domain.User user) implements AuthResult {}

  /**
   * NewDeviceMetadata: the key of the device the client should confirm (ConfirmDevice), and its
   * group key.
   */
  record NewDevice(String deviceKey, String deviceGroupKey) {}
}
