package dev.userpool.local;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client half of Cognito SRP written from sources §7.4 alone (not from the server's code), as
 * amazon-cognito-identity-js computes it: A, u, x, S, the "Caldera Derived Key" HKDF and the claim
 * signature.
 */
final class SrpClient {
  static final BigInteger N =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
              + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
              + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
              + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
              + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
              + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
              + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
              + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
          16);
  static final BigInteger G = BigInteger.TWO;
  static final BigInteger K = new BigInteger(1, sha256(pad(N), pad(G)));
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
          .withZone(ZoneOffset.UTC);

  final BigInteger a;
  final BigInteger largeA;

  SrpClient(BigInteger a) {
    this.a = a;
    this.largeA = G.modPow(a, N);
  }

  static SrpClient random() {
    byte[] bytes = new byte[128];
    new SecureRandom().nextBytes(bytes);
    return new SrpClient(new BigInteger(1, bytes));
  }

  /** SRP_A: hex without padding. */
  String srpA() {
    return largeA.toString(16);
  }

  /** The 16-byte key for the server's B, the SALT and the user's password. */
  byte[] key(
      String poolName, String userIdForSrp, String password, String saltHex, String srpBHex) {
    BigInteger b = new BigInteger(srpBHex, 16);
    BigInteger u = new BigInteger(1, sha256(pad(largeA), pad(b)));
    BigInteger x = x(poolName, userIdForSrp, password, saltHex);
    BigInteger s = b.subtract(K.multiply(G.modPow(x, N))).mod(N).modPow(a.add(u.multiply(x)), N);
    byte[] prk = hmac(pad(u), pad(s));
    byte[] okm = hmac(prk, "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8));
    byte[] key = new byte[16];
    System.arraycopy(okm, 0, key, 0, 16);
    return key;
  }

  static BigInteger x(String poolName, String userIdForSrp, String password, String saltHex) {
    byte[] inner =
        sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, sha256(pad(new BigInteger(saltHex, 16)), inner));
  }

  static String signature(
      byte[] key, String poolName, String userIdForSrp, String secretBlock, String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(poolName.getBytes(StandardCharsets.UTF_8));
      mac.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
      mac.update(Base64.getDecoder().decode(secretBlock));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String timestamp(Instant now) {
    return TIMESTAMP.format(now);
  }

  /** ACIJ's padHex as bytes: minimal two's complement of a non-negative number. */
  static byte[] pad(BigInteger n) {
    return n.toByteArray();
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(p);
      }
      return d.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
