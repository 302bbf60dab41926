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

  /** AuthenticationResult; {@code refreshToken} is null on refresh (no rotation). */
  record Authenticated(String accessToken, long expiresIn, String idToken, String refreshToken)
      implements AuthResult {
    @Override
    public String toString() {
      return "Authenticated[expiresIn=" + expiresIn + "]"; // never the tokens
    }
  }
}
