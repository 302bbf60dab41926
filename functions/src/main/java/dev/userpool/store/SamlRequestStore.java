package dev.userpool.store;

import dev.userpool.domain.SamlRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Pending SAML AuthnRequests by RelayState hash, and the assertions already accepted. Both are
 * single use: of concurrent callers at most one takes a request, and an assertion is marked used
 * only once, so a replayed SAML Response is refused.
 */
public interface SamlRequestStore {
  void create(SamlRequest request);

  /** Removes and returns the live request; empty when unknown, expired or already taken. */
  Optional<SamlRequest> consume(String poolId, String relayStateHash);

  /**
   * Records that the assertion (by a hash of its issuer and ID) was accepted, kept until {@code
   * keepUntil}; false, writing nothing, when it was recorded before.
   */
  boolean markAssertionUsed(String poolId, String assertionHash, Instant keepUntil);
}
