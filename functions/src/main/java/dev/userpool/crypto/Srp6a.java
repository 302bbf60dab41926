package dev.userpool.crypto;

import dev.userpool.domain.PasswordVerifier;
import dev.userpool.errors.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SRP-6a exactly as amazon-cognito-identity-js computes it (sources §7.4): SHA-256, the
 * RFC 5054 3072-bit group with g = 2, {@code padHex} byte encoding, and a one-block HKDF named
 * "Caldera Derived Key". The same math serves passwords (pool name, user id for SRP, password) and
 * remembered devices (device group key, device key, device password).
 */
public final class Srp6a {
  private static final String N_HEX =
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
          + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
          + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
          + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
          + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
          + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
          + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
          + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

  /** The RFC 5054 / RFC 3526 3072-bit MODP prime. */
  public static final BigInteger N = new BigInteger(N_HEX, 16);

  /** The generator. */
  public static final BigInteger G = BigInteger.TWO;

  /** The multiplier k = H(padHex(N) ‖ padHex(g)). */
  public static final BigInteger K = new BigInteger(1, sha256(padBytes(N), padBytes(G)));

  private static final int SALT_BYTES = 16; // real SALT values are 32 hex digits
  private static final int PRIVATE_KEY_BYTES = 32; // b: at least 256 bits (sources §7.4)
  private static final int MAX_PUBLIC_KEY_HEX_DIGITS =
      1024; // A < N has at most 768; the rest guards modPow cost
  private static final int DERIVED_KEY_BYTES = 16;
  private static final byte[] DERIVED_KEY_INFO =
      "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
  private static final HexFormat HEX = HexFormat.of(); // lower-case

  private Srp6a() {}

  /**
   * ACIJ's {@code padHex}: the hex of a non-negative number, with a leading {@code 0} if the length
   * is odd and a further {@code 00} if the first digit is 8–f. It is not padding to the length of
   * N.
   */
  public static String padHex(BigInteger n) {
    return HEX.formatHex(padBytes(n));
  }

  /**
   * The bytes of {@link #padHex}; equal to {@link BigInteger#toByteArray()} for non-negative
   * numbers.
   */
  public static byte[] padBytes(BigInteger n) {
    if (n.signum() < 0) {
      throw new IllegalArgumentException("SRP numbers are never negative");
    }
    return n.toByteArray();
  }

  /**
   * x = H(padHex(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)); the salt is re-normalized by
   * padHex.
   */
  public static BigInteger computeX(
      String poolName, String userIdForSrp, String password, String saltHex) {
    byte[] identity =
        sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, sha256(padBytes(parseHex(saltHex)), identity));
  }

  /** v = g^x mod N. */
  public static BigInteger verifier(
      String poolName, String userIdForSrp, String password, String saltHex) {
    return G.modPow(computeX(poolName, userIdForSrp, password, saltHex), N);
  }

  /**
   * A fresh 16-byte salt (32 lower-case hex digits) and the verifier for it ({@link #padHex} form).
   * This is all that is kept of a password. {@code temporaryUntil} is null for permanent passwords.
   */
  public static PasswordVerifier createVerifier(
      String srpPoolName,
      String userIdForSrp,
      String password,
      SecureRandom random,
      Instant now,
      Instant temporaryUntil) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    String saltHex = HEX.formatHex(salt);
    BigInteger v = verifier(srpPoolName, userIdForSrp, password, saltHex);
    return new PasswordVerifier(saltHex, padHex(v), now, temporaryUntil);
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from: recomputes the verifier with
   * the stored salt and compares in constant time. A missing verifier or password never matches.
   */
  public static boolean matches(
      PasswordVerifier stored, String srpPoolName, String userIdForSrp, String password) {
    if (stored == null
        || stored.saltHex() == null
        || stored.verifierHex() == null
        || password == null) {
      return false;
    }
    byte[] expected;
    try {
      expected = padBytes(parseHex(stored.verifierHex()));
    } catch (IllegalArgumentException corrupt) {
      return false;
    }
    byte[] actual = padBytes(verifier(srpPoolName, userIdForSrp, password, stored.saltHex()));
    return MessageDigest.isEqual(expected, actual);
  }

  /** u = H(padHex(A) ‖ padHex(B)). */
  public static BigInteger computeU(BigInteger clientA, BigInteger serverB) {
    return new BigInteger(1, sha256(padBytes(clientA), padBytes(serverB)));
  }

  /**
   * The one-block HKDF-SHA256 both sides run: PRK = HMAC(padHex(u), padHex(S)); OKM = HMAC(PRK,
   * "Caldera Derived Key" ‖ 0x01); the key is the first 16 bytes.
   */
  public static byte[] derivedKey(BigInteger u, BigInteger sharedSecret) {
    byte[] prk = hmacSha256(padBytes(u), padBytes(sharedSecret));
    byte[] okm = hmacSha256(prk, DERIVED_KEY_INFO);
    byte[] key = new byte[DERIVED_KEY_BYTES];
    System.arraycopy(okm, 0, key, 0, DERIVED_KEY_BYTES);
    return key;
  }

  /**
   * The PASSWORD_CLAIM_SIGNATURE a client holding the right password sends: Base64(HMAC-SHA256(key,
   * poolName ‖ userIdForSrp ‖ secretBlock ‖ timestamp)). The timestamp is used verbatim as the
   * client sent it. Compare the claim against this with {@link ConstantTime#equals}.
   */
  public static String expectedSignature(
      byte[] key, String poolName, String userIdForSrp, byte[] secretBlock, String timestamp) {
    Mac mac = hmac(key);
    mac.update(poolName.getBytes(StandardCharsets.UTF_8));
    mac.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
    mac.update(secretBlock);
    mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal());
  }

  /**
   * The server's half of one SRP handshake for one stored verifier: a random private key b and B =
   * (k·v + g^b) mod N. Between InitiateAuth and RespondToAuthChallenge the caller keeps {@link
   * #privateKeyHex()} (a secret) and rebuilds the session with {@link #restore}.
   */
  public static final class ServerSession {
    private final BigInteger v;
    private final BigInteger b;
    private final BigInteger serverB;

    private ServerSession(BigInteger v, BigInteger b) {
      this.v = v;
      this.b = b;
      this.serverB = K.multiply(v).add(G.modPow(b, N)).mod(N);
    }

    /**
     * A new session with a fresh random b (256 bits); B is never 0 mod N, which the client would
     * reject.
     */
    public static ServerSession start(String verifierHex, SecureRandom random) {
      BigInteger v = parseHex(verifierHex);
      byte[] bytes = new byte[PRIVATE_KEY_BYTES];
      while (true) {
        random.nextBytes(bytes);
        BigInteger b = new BigInteger(1, bytes);
        if (b.signum() != 0) {
          ServerSession session = new ServerSession(v, b);
          if (session.serverB.signum() != 0) {
            return session;
          }
        }
      }
    }

    /** The session started earlier with this verifier and private key. */
    public static ServerSession restore(String verifierHex, String privateKeyHex) {
      return new ServerSession(parseHex(verifierHex), parseHex(privateKeyHex));
    }

    /** B. */
    public BigInteger publicKey() {
      return serverB;
    }

    /** SRP_B as sent to the client: lower-case hex without padding (the client accepts any hex). */
    public String publicKeyHex() {
      return serverB.toString(16);
    }

    /** b in hex; secret, to be kept only where the client cannot read it. */
    public String privateKeyHex() {
      return b.toString(16);
    }

    /**
     * S = (A · v^u)^b mod N for the client's A. Rejects A ≡ 0 (mod N) and u = 0 with
     * InvalidParameterException (message unconfirmed: real Cognito answers a tampered SRP_A with
     * InvalidParameterException, text unknown).
     */
    public BigInteger sharedSecret(BigInteger clientA) {
      if (clientA.signum() <= 0 || clientA.mod(N).signum() == 0) {
        throw ErrorCode.INVALID_PARAMETER.exception("Invalid SRP_A.");
      }
      BigInteger u = computeU(clientA, serverB);
      if (u.signum() == 0) {
        throw ErrorCode.INVALID_PARAMETER.exception("Invalid SRP_A.");
      }
      return clientA.multiply(v.modPow(u, N)).modPow(b, N);
    }

    /**
     * The 16-byte key for SRP_A as the client sent it (hex, any length up to a sane bound, no
     * sign).
     */
    public byte[] passwordAuthenticationKey(String srpAHex) {
      BigInteger clientA;
      try {
        clientA = parsePublicKey(srpAHex);
      } catch (IllegalArgumentException malformed) {
        throw ErrorCode.INVALID_PARAMETER.exception("Invalid SRP_A.");
      }
      BigInteger s = sharedSecret(clientA);
      return derivedKey(computeU(clientA, serverB), s);
    }
  }

  private static BigInteger parsePublicKey(String hex) {
    if (hex != null && hex.length() > MAX_PUBLIC_KEY_HEX_DIGITS) {
      throw new IllegalArgumentException("public key too long");
    }
    return parseHex(hex);
  }

  /** ASCII hex digits only: BigInteger alone would also accept a sign and non-ASCII digits. */
  private static BigInteger parseHex(String hex) {
    if (hex == null || hex.isEmpty()) {
      throw new IllegalArgumentException("empty hex");
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        throw new IllegalArgumentException("not hex");
      }
    }
    return new BigInteger(hex, 16);
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private static byte[] hmacSha256(byte[] key, byte[] data) {
    return hmac(key).doFinal(data);
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
