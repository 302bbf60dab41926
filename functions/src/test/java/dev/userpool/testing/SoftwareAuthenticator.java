package dev.userpool.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey authenticator in software for tests: its own EC P-256 key pair and credential id, and
 * honest ES256 signatures over the bytes WebAuthn L2 defines (§6.1 authenticator data, §6.5
 * attestation object in CBOR, §6.3.3 assertion signature over authenticatorData ‖
 * SHA-256(clientDataJSON)). It plays the browser's part too: the client data JSON names the origin
 * the test chooses, and the RP id whose hash it signs is the one the options name unless a test
 * overrides it. CBOR is written with webauthn4j's converter, so nothing here trusts our server's
 * parser.
 */
public final class SoftwareAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final int UP = 0x01;
  private static final int UV = 0x04;
  private static final int AT = 0x40;

  private final KeyPair keys;
  private final byte[] credentialId;
  private long counter;
  private boolean userVerifying = true;

  public SoftwareAuthenticator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.credentialId = new byte[32];
    new SecureRandom().nextBytes(credentialId);
  }

  /** The credential id, base64url, as ListWebAuthnCredentials shows it. */
  public String credentialId() {
    return b64(credentialId);
  }

  /** The next signature counter is {@code value} + 1. */
  public void setCounter(long value) {
    this.counter = value;
  }

  /** Whether the UV flag is set (a device without a PIN or biometric leaves it clear). */
  public void setUserVerifying(boolean verifying) {
    this.userVerifying = verifying;
  }

  /** navigator.credentials.create() over Cognito's CredentialCreationOptions: the response JSON. */
  public ObjectNode register(JsonNode options, String origin) {
    return register(options, origin, options.path("rp").path("id").asText(), "none");
  }

  /** As above, signing for {@code rpId} and with attestation {@code fmt} ("none" or "packed"). */
  public ObjectNode register(JsonNode options, String origin, String rpId, String fmt) {
    byte[] clientData = clientData("webauthn.create", options.get("challenge").asText(), origin);
    byte[] attested =
        new AttestedCredentialDataConverter(CONVERTER)
            .convert(
                new AttestedCredentialData(
                    AAGUID.ZERO,
                    credentialId,
                    EC2COSEKey.create(
                        (ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
    byte[] authData = authenticatorData(rpId, AT, attested);
    Map<String, Object> attStmt = new LinkedHashMap<>();
    if (fmt.equals("packed")) {
      attStmt.put("alg", -7);
      attStmt.put("sig", sign(concat(authData, sha256(clientData))));
    }
    Map<String, Object> attestation = new LinkedHashMap<>();
    attestation.put("fmt", fmt);
    attestation.put("attStmt", attStmt);
    attestation.put("authData", authData);
    byte[] attestationObject = CONVERTER.getCborConverter().writeValueAsBytes(attestation);

    ObjectNode out = JSON.createObjectNode();
    out.put("id", credentialId());
    out.put("rawId", credentialId());
    out.put("type", "public-key");
    ObjectNode response = out.putObject("response");
    response.put("clientDataJSON", b64(clientData));
    response.put("attestationObject", b64(attestationObject));
    response.putArray("transports").add("internal").add("hybrid");
    out.put("authenticatorAttachment", "platform");
    out.putObject("clientExtensionResults");
    return out;
  }

  /** navigator.credentials.get() over CREDENTIAL_REQUEST_OPTIONS: the response JSON. */
  public ObjectNode assertion(JsonNode options, String origin, byte[] userHandle) {
    return assertion(options, origin, options.path("rpId").asText(), userHandle);
  }

  /** As above, signing for {@code rpId}. */
  public ObjectNode assertion(JsonNode options, String origin, String rpId, byte[] userHandle) {
    byte[] clientData = clientData("webauthn.get", options.get("challenge").asText(), origin);
    byte[] authData = authenticatorData(rpId, 0, new byte[0]);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", credentialId());
    out.put("rawId", credentialId());
    out.put("type", "public-key");
    ObjectNode response = out.putObject("response");
    response.put("clientDataJSON", b64(clientData));
    response.put("authenticatorData", b64(authData));
    response.put("signature", b64(sign(concat(authData, sha256(clientData)))));
    response.put("userHandle", b64(userHandle));
    out.put("authenticatorAttachment", "platform");
    out.putObject("clientExtensionResults");
    return out;
  }

  private byte[] authenticatorData(String rpId, int extraFlags, byte[] attested) {
    counter++;
    int flags = UP | (userVerifying ? UV : 0) | extraFlags;
    return ByteBuffer.allocate(32 + 1 + 4 + attested.length)
        .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
        .put((byte) flags)
        .putInt((int) counter)
        .put(attested)
        .array();
  }

  private static byte[] clientData(String type, String challenge, String origin) {
    ObjectNode data = JSON.createObjectNode();
    data.put("type", type);
    data.put("challenge", challenge);
    data.put("origin", origin);
    data.put("crossOrigin", false);
    return data.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keys.getPrivate());
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
