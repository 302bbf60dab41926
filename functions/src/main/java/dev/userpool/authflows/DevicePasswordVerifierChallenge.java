package dev.userpool.authflows;

import dev.userpool.crypto.ConstantTime;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.Base64;

/**
 * The answer to DEVICE_PASSWORD_VERIFIER (sources §7.4): the device's proof,
 * PASSWORD_CLAIM_SIGNATURE = HMAC(key, DeviceGroupKey ‖ DeviceKey ‖ SECRET_BLOCK ‖ TIMESTAMP),
 * checked in constant time against the stored device verifier. A right proof signs the user in on
 * that device (no NewDeviceMetadata; the tokens and refresh token carry its key); a wrong one is
 * NotAuthorizedException (wording guessed) and the Session is spent.
 */
public final class DevicePasswordVerifierChallenge implements ChallengeResponder {
  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final DeviceTracking devices;
  private final SecretBlocks blocks;
  private final SignInCompletion completion;

  public DevicePasswordVerifierChallenge(
      UserAccounts users,
      ChallengeSessions sessions,
      DeviceTracking devices,
      SecretBlocks blocks,
      SignInCompletion completion) {
    this.users = users;
    this.sessions = sessions;
    this.devices = devices;
    this.blocks = blocks;
    this.completion = completion;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession challenge =
        sessions.consume(ctx, session, DeviceSrpAuthChallenge.DEVICE_PASSWORD_VERIFIER);
    responses.require("USERNAME");
    String deviceKey = responses.require("DEVICE_KEY");
    String block = responses.require("PASSWORD_CLAIM_SECRET_BLOCK");
    String signature = responses.require("PASSWORD_CLAIM_SIGNATURE");
    String timestamp = responses.require("TIMESTAMP");
    SecretBlocks.SrpState state =
        blocks
            .open(block)
            .filter(
                s ->
                    s.poolId().equals(ctx.pool().id())
                        && s.clientId().equals(ctx.client().clientId())
                        && s.sub() != null
                        && s.sub().equals(challenge.sub())
                        && s.userIdForSrp().equals(deviceKey))
            .orElseThrow(DevicePasswordVerifierChallenge::refused);
    if (!deviceKey.equals(challenge.state()) || !ctx.now().isBefore(state.expiresAt())) {
      throw refused();
    }
    User user =
        users
            .findBySub(ctx.pool(), state.sub())
            .orElseThrow(DevicePasswordVerifierChallenge::refused);
    SecretHashCheck.require(ctx.client(), user.username(), responses.optional("SECRET_HASH"));
    PasswordVerifierChallenge.requireTimely(timestamp, ctx.now());
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    Device device = devices.requireConfirmed(ctx, user, deviceKey);
    byte[] key =
        Srp6a.ServerSession.restore(device.verifierHex(), state.privateKeyHex())
            .passwordAuthenticationKey(state.srpA());
    String expected =
        Srp6a.expectedSignature(
            key, device.deviceGroupKey(), deviceKey, Base64.getDecoder().decode(block), timestamp);
    if (!ConstantTime.equals(expected, signature)) {
      throw refused();
    }
    return completion.authenticatedOnDevice(ctx, user, devices.authenticated(ctx, device));
  }

  private static CognitoException refused() {
    return ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.");
  }
}
