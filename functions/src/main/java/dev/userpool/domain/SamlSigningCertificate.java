package dev.userpool.domain;

/**
 * A pool's SAML signing certificate (GetSigningCertificate): the X.509 certificate in DER and its
 * RSA private key as PKCS#8, base64 (kept like the token signing keys' private keys).
 */
public record SamlSigningCertificate(byte[] certificateDer, String privateKeyPkcs8) {}
