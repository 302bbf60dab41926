package dev.userpool.authflows;

import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.DeploymentKeyStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * USER_SRP_AUTH's first step (sources §7.3, §7.4): USERNAME and SRP_A in, the PASSWORD_VERIFIER
 * challenge out with SALT, SRP_B, SECRET_BLOCK, USERNAME and USER_ID_FOR_SRP (both the internal
 * username) and no Session; the server's state travels sealed in SECRET_BLOCK (see {@link
 * SecretBlocks}).
 *
 * <p>An unknown user under PreventUserExistenceErrors=ENABLED gets a simulated challenge: a salt
 * and a UUID-shaped USER_ID_FOR_SRP derived from the pool and name with a deployment secret (the
 * same on every attempt) and a B made from a verifier nobody knows the password of, so the answer
 * fails exactly like a wrong password (§8.3).
 */
public final class SrpAuthFlow implements AuthFlow {
  static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
  static final String UNKNOWN_USER_KEY = "srp-unknown-user";
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,1024}");

  private final UserAccounts users;
  private final AccountProtection protection;
  private final SecretBlocks blocks;
  private final DeploymentKeyStore keys;
  private final SecureRandom random;

  public SrpAuthFlow(
      UserAccounts users,
      AccountProtection protection,
      SecretBlocks blocks,
      DeploymentKeyStore keys,
      SecureRandom random) {
    this.users = users;
    this.protection = protection;
    this.blocks = blocks;
    this.keys = keys;
    this.random = random;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    String username = params.require("USERNAME");
    String srpA = params.require("SRP_A");
    SecretHashCheck.require(ctx.client(), username, params.optional("SECRET_HASH"));
    requireValidA(srpA);
    User user = users.findForSignIn(ctx.pool(), username).orElse(null);
    if (user == null) {
      if (!ctx.settings().hidesUserExistence()) {
        throw AccountProtection.unknownUser(ctx);
      }
      return simulated(ctx, username, srpA, false);
    }
    protection.beforePassword(ctx, user);
    return passwordVerifier(ctx, user, username, srpA, false);
  }

  /**
   * The PASSWORD_VERIFIER challenge for {@code user} (simulated when null or without a password),
   * no Session; {@code customAuth} marks the sealed state so that the answer continues a custom
   * authentication.
   */
  AuthResult.Challenge passwordVerifier(
      SignInContext ctx, User user, String username, String srpA, boolean customAuth) {
    if (user == null) {
      return simulated(ctx, username, srpA, customAuth);
    }
    if (user.password() == null) {
      return simulated(
          ctx, user.username(), srpA, customAuth); // no password to prove: fails like a wrong one
    }
    Srp6a.ServerSession session = Srp6a.ServerSession.start(user.password().verifierHex(), random);
    return challenge(
        ctx, user.sub(), user.username(), user.password().saltHex(), session, srpA, customAuth);
  }

  private AuthResult.Challenge simulated(
      SignInContext ctx, String username, String srpA, boolean customAuth) {
    byte[] seed = hmac(ctx.pool().id() + "\n" + username);
    String saltHex = HexFormat.of().formatHex(seed, 0, 16);
    String userId = UUID.nameUUIDFromBytes(seed).toString();
    String verifierHex = Srp6a.G.modPow(new BigInteger(1, seed), Srp6a.N).toString(16);
    Srp6a.ServerSession session = Srp6a.ServerSession.start(verifierHex, random);
    return challenge(ctx, null, userId, saltHex, session, srpA, customAuth);
  }

  private AuthResult.Challenge challenge(
      SignInContext ctx,
      String sub,
      String userIdForSrp,
      String saltHex,
      Srp6a.ServerSession session,
      String srpA,
      boolean customAuth) {
    String block =
        blocks.seal(
            new SecretBlocks.SrpState(
                ctx.pool().id(),
                ctx.client().clientId(),
                sub,
                userIdForSrp,
                srpA,
                session.privateKeyHex(),
                ctx.now().plus(ctx.settings().authSessionValidity()),
                customAuth));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("SALT", saltHex);
    parameters.put("SRP_B", session.publicKeyHex());
    parameters.put("SECRET_BLOCK", block);
    parameters.put("USERNAME", userIdForSrp);
    parameters.put("USER_ID_FOR_SRP", userIdForSrp);
    return new AuthResult.Challenge(PASSWORD_VERIFIER, parameters, null);
  }

  /** SRP_A must be hex and not 0 mod N (sources §7.4); message unconfirmed. */
  static void requireValidA(String srpA) {
    if (!HEX.matcher(srpA).matches() || new BigInteger(srpA, 16).mod(Srp6a.N).signum() == 0) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid SRP_A.");
    }
  }

  private byte[] hmac(String message) {
    byte[] key =
        keys.getOrCreate(
            UNKNOWN_USER_KEY,
            () -> {
              byte[] fresh = new byte[32];
              random.nextBytes(fresh);
              return fresh;
            });
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
