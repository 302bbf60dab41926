package dev.userpool.operations.providers;

import dev.userpool.domain.SamlSigningCertificate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Self-signed X.509 v3 certificates (RSA 2048, SHA256withRSA) for a pool's SAML signing, built with
 * the JDK alone: the JDK can sign but has no public API to assemble a certificate, so the few DER
 * structures of RFC 5280 are written here rather than adding BouncyCastle (several MB in the Lambda
 * jar) for one structure. Subject and issuer are {@code CN=<poolId>}, valid for ten years;
 * Cognito's own subject and validity are (unconfirmed).
 */
public final class SelfSignedCertificates {
  private static final byte[] SHA256_WITH_RSA_OID = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 1, 1, 11
  };
  private static final byte[] COMMON_NAME_OID = {0x55, 0x04, 0x03};
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SecureRandom random;

  public SelfSignedCertificates(SecureRandom random) {
    this.random = random;
  }

  public SamlSigningCertificate create(String poolId, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      KeyPair keys = generator.generateKeyPair();
      byte[] serial = new byte[16];
      random.nextBytes(serial);
      serial[0] &= 0x7f; // positive INTEGER
      byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA_OID), tlv(0x05, new byte[0]));
      byte[] name =
          sequence(
              tlv(
                  0x31,
                  sequence(
                      tlv(0x06, COMMON_NAME_OID),
                      tlv(0x0c, poolId.getBytes(StandardCharsets.UTF_8)))));
      byte[] validity = sequence(time(now), time(now.plusSeconds(10L * 366 * 24 * 3600)));
      byte[] tbs =
          sequence(
              tlv(0xa0, tlv(0x02, new byte[] {2})), // [0] version v3
              tlv(0x02, serial),
              algorithm,
              name,
              validity,
              name,
              keys.getPublic().getEncoded()); // SubjectPublicKeyInfo, already DER
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] signature = signer.sign();
      byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
      System.arraycopy(signature, 0, bitString, 1, signature.length);
      byte[] certificate = sequence(tbs, algorithm, tlv(0x03, bitString));
      return new SamlSigningCertificate(
          certificate, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA and SHA256withRSA are part of every JDK", e);
    }
  }

  /** UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
  private static byte[] time(Instant t) {
    String generalized = GENERALIZED_TIME.format(t);
    if (t.atZone(ZoneOffset.UTC).getYear() < 2050) {
      return tlv(0x17, generalized.substring(2).getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(0x18, generalized.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    return tlv(0x30, content.toByteArray());
  }

  /** One DER tag-length-value with a definite length in the short or long form. */
  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
