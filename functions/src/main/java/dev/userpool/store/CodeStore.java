package dev.userpool.store;

import dev.userpool.domain.VerificationCode;
import java.util.Optional;

/**
 * The verification codes of each pool's users, one per user and purpose. A code is kept only as a
 * keyed hash (HMAC-SHA256 under a per-deployment secret the store keeps and creates on first use)
 * and expires by itself: {@link VerificationCode#expiresAt} is the table's TTL attribute, and an
 * expired code is never returned.
 */
public interface CodeStore {
  /**
   * Stores {@code plainCode} (its hash only) with the other fields of {@code code}, replacing any
   * code of the same user and purpose. Returns what was stored.
   */
  VerificationCode save(VerificationCode code, String plainCode);

  /**
   * {@link #save(VerificationCode, String)} and the user change in one atomic batch (the send count
   * kept on the user). Throws {@link StaleWriteException}, writing nothing, when the user changed
   * since it was read.
   */
  VerificationCode save(VerificationCode code, String plainCode, UserWrite user);

  /**
   * The live code of the user for the purpose; empty when none was issued, it was used, or it
   * expired.
   */
  Optional<VerificationCode> find(String poolId, String sub, String purpose);

  /**
   * Whether {@code submitted} is the code {@code stored} was made from; compares in constant time.
   */
  boolean matches(VerificationCode stored, String submitted);

  /**
   * Counts one wrong answer against the user's current code for the purpose (whatever its version)
   * and returns the new count; 0 when there is no live code.
   */
  int recordFailure(String poolId, String sub, String purpose);

  /**
   * Uses the code up: deletes it only if it is still exactly {@code stored} (same version), so a
   * code can be used once. False when it was used, replaced or expired meanwhile.
   */
  boolean consume(VerificationCode stored);

  /** Removes the user's code for the purpose, if any. */
  void delete(String poolId, String sub, String purpose);
}
