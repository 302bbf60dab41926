package dev.userpool.store.table;

import java.util.List;
import java.util.Optional;

/**
 * The storage engine under every store: items in partitions, sorted by sort key, written in atomic
 * conditional batches. Two backends implement it — DynamoDB (one table, Enhanced client) and the
 * embedded journal used in local mode — and one contract test runs against both.
 *
 * <p>Reads never return an expired item (see {@link Item#isExpiredAt}); conditions treat expired
 * items as absent.
 */
public interface ItemTable {
  /** Maximum writes in one atomic batch (DynamoDB's transaction limit). */
  int MAX_BATCH = 100;

  Optional<Item> get(String pk, String sk);

  /**
   * Live items of one partition whose sort key starts with {@code skPrefix}, in ascending sort-key
   * order, starting strictly after {@code exclusiveStartSk} (null for the first page), at most
   * {@code limit} items.
   */
  List<Item> query(String pk, String skPrefix, String exclusiveStartSk, int limit);

  /**
   * Applies all writes or none. Throws {@link ConditionFailedException} when a condition does not
   * hold. At most {@link #MAX_BATCH} writes, each on a distinct key.
   */
  void write(List<Write> writes);

  /** Removes everything (tests). */
  default void clear() {
    clearExcept(null);
  }

  /**
   * Removes every item outside partition {@code keptPk} (null: everything). Local reset keeps the
   * deployment's keys this way, so that running instances that already read them still agree.
   */
  void clearExcept(String keptPk);
}
