package dev.userpool.authflows;

import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to DEVICE_SRP_AUTH (sources §7.3, §7.4 "Device SRP"): USERNAME, DEVICE_KEY and the
 * device's SRP_A, with the Session. The server side of the handshake is SRP as for passwords with
 * the device group key in place of the pool name and the device key in place of the user:
 * DEVICE_PASSWORD_VERIFIER comes back with the device's SALT, SRP_B and the sealed SECRET_BLOCK, as
 * amazon-cognito-identity-js's getDeviceResponse expects.
 */
public final class DeviceSrpAuthChallenge implements ChallengeResponder {
  static final String DEVICE_PASSWORD_VERIFIER = "DEVICE_PASSWORD_VERIFIER";

  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final DeviceTracking devices;
  private final SecretBlocks blocks;
  private final SecureRandom random;

  public DeviceSrpAuthChallenge(
      UserAccounts users,
      ChallengeSessions sessions,
      DeviceTracking devices,
      SecretBlocks blocks,
      SecureRandom random) {
    this.users = users;
    this.sessions = sessions;
    this.devices = devices;
    this.blocks = blocks;
    this.random = random;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession challenge = sessions.consume(ctx, session, DeviceTracking.DEVICE_SRP_AUTH);
    responses.require("USERNAME");
    String deviceKey = responses.require("DEVICE_KEY");
    String srpA = responses.require("SRP_A");
    User user =
        users
            .findBySub(ctx.pool(), challenge.sub())
            .orElseThrow(
                () -> ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password."));
    SecretHashCheck.require(ctx.client(), user.username(), responses.optional("SECRET_HASH"));
    if (!deviceKey.equals(challenge.state())) {
      throw DeviceTracking.notFound(); // not the device this sign-in presented
    }
    SrpAuthFlow.requireValidA(srpA);
    Device device = devices.requireConfirmed(ctx, user, deviceKey);
    Srp6a.ServerSession srp = Srp6a.ServerSession.start(device.verifierHex(), random);
    String block =
        blocks.seal(
            new SecretBlocks.SrpState(
                ctx.pool().id(),
                ctx.client().clientId(),
                user.sub(),
                deviceKey,
                srpA,
                srp.privateKeyHex(),
                ctx.now().plus(ctx.settings().authSessionValidity())));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("SALT", device.saltHex());
    parameters.put("SRP_B", srp.publicKeyHex());
    parameters.put("SECRET_BLOCK", block);
    parameters.put("USERNAME", user.username());
    parameters.put("DEVICE_KEY", deviceKey);
    return new AuthResult.Challenge(
        DEVICE_PASSWORD_VERIFIER,
        parameters,
        sessions.open(ctx, user.sub(), DEVICE_PASSWORD_VERIFIER, deviceKey));
  }
}
