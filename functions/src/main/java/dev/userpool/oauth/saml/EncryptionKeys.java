package dev.userpool.oauth.saml;

import dev.userpool.authflows.DeploymentSealer;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.operations.providers.SelfSignedCertificates;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key pair and certificate Cognito gives each SAML provider for encrypted assertions (the
 * developer guide, "SAML signing and encryption": one pair per provider, the IdP encrypts to its
 * certificate). DescribeIdentityProvider shows the certificate as ProviderDetails {@code
 * ActiveEncryptionCertificate} (the API reference's describe example); the private key is kept
 * beside it in the provider's details only sealed (AES-GCM under a deployment key, bound to the
 * pool and provider name) and never shown ({@link #visible}). The pair is made when the provider is
 * created and kept through updates.
 */
public final class EncryptionKeys {
  public static final String CERTIFICATE = "ActiveEncryptionCertificate";

  /** Internal ProviderDetails key of the sealed PKCS#8 private key; never in a response. */
  static final String SEALED_KEY = "userpool:SealedEncryptionKey";

  private static final String KEY_NAME = "saml-encryption-keys";

  private final DeploymentKeyStore keys;
  private final SecureRandom random;
  private final SelfSignedCertificates certificates;

  public EncryptionKeys(DeploymentKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
    this.certificates = new SelfSignedCertificates(random);
  }

  /**
   * A sealer per use: the operations and the domain's endpoints hold separate instances, and a
   * sealer keeps the deployment key it first read, which a local reset replaces.
   */
  private DeploymentSealer sealer() {
    return new DeploymentSealer(keys, random, KEY_NAME);
  }

  /**
   * The details to store for a SAML provider: {@code given} (an ActiveEncryptionCertificate or
   * sealed key in it is not the caller's to set) plus the pair of {@code before} when there is one,
   * else a new pair. Other provider types are returned as given.
   */
  public Map<String, String> stored(
      String type,
      String poolId,
      String providerName,
      Map<String, String> given,
      Map<String, String> before,
      Instant now) {
    if (!type.equals("SAML")) {
      return given;
    }
    Map<String, String> out = new LinkedHashMap<>(given);
    out.remove(CERTIFICATE);
    out.remove(SEALED_KEY);
    if (before != null && before.containsKey(SEALED_KEY) && before.containsKey(CERTIFICATE)) {
      out.put(CERTIFICATE, before.get(CERTIFICATE));
      out.put(SEALED_KEY, before.get(SEALED_KEY));
      return out;
    }
    SamlSigningCertificate pair = certificates.create(poolId, now);
    out.put(CERTIFICATE, Base64.getEncoder().encodeToString(pair.certificateDer()));
    out.put(
        SEALED_KEY,
        sealer()
            .seal(Base64.getDecoder().decode(pair.privateKeyPkcs8()), aad(poolId, providerName)));
    return out;
  }

  /** The details as responses show them: without the sealed key. */
  public static Map<String, String> visible(Map<String, String> details) {
    if (!details.containsKey(SEALED_KEY)) {
      return details;
    }
    Map<String, String> out = new LinkedHashMap<>(details);
    out.remove(SEALED_KEY);
    return out;
  }

  /** The provider's private key; {@link SamlException} when it has none that opens here. */
  PrivateKey privateKey(IdentityProvider provider) {
    String sealed = provider.details().get(SEALED_KEY);
    byte[] pkcs8 =
        sealed == null
            ? null
            : sealer().open(sealed, aad(provider.userPoolId(), provider.name())).orElse(null);
    if (pkcs8 == null) {
      throw new SamlException("The provider has no encryption key.");
    }
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed SAML encryption key does not load", e);
    }
  }

  private static byte[] aad(String poolId, String providerName) {
    return ("saml encryption key\n" + poolId + "\n" + providerName)
        .getBytes(StandardCharsets.UTF_8);
  }
}
