package dev.userpool.store.table;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch rules of {@link ItemTable#write} that every backend enforces the same way, before any
 * I/O.
 */
public final class Batches {
  private Batches() {}

  /** Rejects a batch larger than {@link ItemTable#MAX_BATCH} or one that names a key twice. */
  public static void requireValid(List<Write> writes) {
    if (writes.size() > ItemTable.MAX_BATCH) {
      throw new IllegalArgumentException(
          "at most " + ItemTable.MAX_BATCH + " writes per batch: " + writes.size());
    }
    Set<List<String>> keys = new HashSet<>();
    for (Write w : writes) {
      if (!keys.add(List.of(pk(w), sk(w)))) {
        throw new IllegalArgumentException(
            "key written twice in one batch: " + pk(w) + " / " + sk(w));
      }
    }
  }

  public static String pk(Write w) {
    return w instanceof Write.Put p ? p.item().pk() : ((Write.Delete) w).pk();
  }

  public static String sk(Write w) {
    return w instanceof Write.Put p ? p.item().sk() : ((Write.Delete) w).sk();
  }
}
