package dev.userpool.store;

import dev.userpool.domain.WebAuthnCredential;
import java.util.List;
import java.util.Optional;

/**
 * Users' passkeys by pool, user (sub) and credential id. The sign counter moves with a
 * version-checked update, so two sign-ins with one credential cannot both pass with the same
 * counter.
 */
public interface WebAuthnCredentialStore {
  /** Stores a new credential; false, writing nothing, when the user already has this id. */
  boolean create(WebAuthnCredential credential);

  Optional<WebAuthnCredential> find(String poolId, String sub, String credentialId);

  /** All the user's credentials in credential-id order (at most 20 each; operations page them). */
  List<WebAuthnCredential> listOf(String poolId, String sub);

  /**
   * Writes {@code after} if {@code before} is still what is stored; otherwise {@link
   * StaleWriteException}.
   */
  WebAuthnCredential update(WebAuthnCredential before, WebAuthnCredential after);

  /** Removes the credential; false if there was none. */
  boolean delete(String poolId, String sub, String credentialId);
}
