package dev.userpool.domain;

import java.time.Instant;
import java.util.List;

/**
 * A user's passkey (WebAuthn credential) as CompleteWebAuthnRegistration stored it: its id
 * (base64url, as the authenticator chose it), the attested credential data the authenticator
 * returned at registration (AAGUID, id and COSE public key; base64url), the signature counter last
 * seen, and what ListWebAuthnCredentials shows (friendly name, relying party id, transports,
 * attachment, creation time). Only public material: the private key never leaves the authenticator.
 */
public record WebAuthnCredential(
    String poolId,
    String sub,
    String credentialId,
    String attestedCredentialData,
    long signCount,
    boolean userVerified,
    boolean backupEligible,
    boolean backedUp,
    String relyingPartyId,
    String friendlyName,
    String attachment,
    List<String> transports,
    Instant createdAt,
    long version) {

  public WebAuthnCredential {
    transports = transports == null ? List.of() : List.copyOf(transports);
  }

  /** The credential after a sign-in that presented {@code newSignCount}. */
  public WebAuthnCredential usedWith(long newSignCount, boolean newBackedUp) {
    return new WebAuthnCredential(
        poolId,
        sub,
        credentialId,
        attestedCredentialData,
        newSignCount,
        userVerified,
        backupEligible,
        newBackedUp,
        relyingPartyId,
        friendlyName,
        attachment,
        transports,
        createdAt,
        version);
  }

  @Override
  public String toString() {
    return "WebAuthnCredential[poolId=" + poolId + ", credentialId=" + credentialId + "]";
  }
}
