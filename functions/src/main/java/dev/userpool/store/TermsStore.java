package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.Terms;
import java.util.Optional;

/** Terms documents by pool and terms id; a client holds at most one document per TermsName. */
public interface TermsStore {
  /**
   * Throws {@link ClientSlotTakenException} when the client already has a document with this
   * TermsName.
   */
  void create(Terms terms);

  Optional<Terms> find(String poolId, String termsId);

  /**
   * Replaces a document read at {@code terms.version()}; a changed TermsName moves its claim.
   * Throws {@link StaleWriteException} on a concurrent change and {@link ClientSlotTakenException}
   * when the new name is taken.
   */
  Terms update(Terms current, Terms changed);

  void delete(Terms terms);

  /** The pool's documents in id order. */
  Page<Terms> list(String poolId, int limit, String nextToken);
}
