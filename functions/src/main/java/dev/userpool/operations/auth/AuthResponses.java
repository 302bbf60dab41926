package dev.userpool.operations.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.AuthResult;
import dev.userpool.protocol.Json;

/**
 * The wire form shared by (Admin)InitiateAuth and (Admin)RespondToAuthChallenge: ChallengeName,
 * Session and ChallengeParameters for a challenge; an empty ChallengeParameters and
 * AuthenticationResult with TokenType Bearer for tokens (sources §6.1).
 */
final class AuthResponses {
  private AuthResponses() {}

  static JsonNode toJson(AuthResult result) {
    ObjectNode out = Json.object();
    if (result instanceof AuthResult.Challenge c) {
      out.put("ChallengeName", c.name());
      if (c.session() != null) {
        out.put("Session", c.session());
      }
      ObjectNode parameters = out.putObject("ChallengeParameters");
      c.parameters().forEach(parameters::put);
      if (c.availableChallenges() != null) {
        c.availableChallenges().forEach(out.putArray("AvailableChallenges")::add);
      }
    } else if (result instanceof AuthResult.Authenticated a) {
      out.putObject("ChallengeParameters");
      ObjectNode tokens = out.putObject("AuthenticationResult");
      tokens.put("AccessToken", a.accessToken());
      tokens.put("ExpiresIn", a.expiresIn());
      tokens.put("TokenType", "Bearer");
      if (a.refreshToken() != null) {
        tokens.put("RefreshToken", a.refreshToken());
      }
      tokens.put("IdToken", a.idToken());
      if (a.newDevice() != null) {
        ObjectNode device = tokens.putObject("NewDeviceMetadata");
        device.put("DeviceKey", a.newDevice().deviceKey());
        device.put("DeviceGroupKey", a.newDevice().deviceGroupKey());
      }
    } else {
      throw new IllegalStateException("the API flows end in tokens, not " + result);
    }
    return out;
  }
}
