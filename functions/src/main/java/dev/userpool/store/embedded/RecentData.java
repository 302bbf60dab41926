package dev.userpool.store.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The data text of the last {@link #CAPACITY} slots whose data was read from the folder's files, so
 * a hot item (a list's first page, a user read again and again) is not read and unescaped again,
 * and readers get the same {@code String} instance each time (which makes the decoded-user cache
 * above the table nearly free).
 *
 * <p>Keyed by the {@link Slot} object, not by its location: a slot's data never changes (a write
 * puts a new slot, so the old text is never found again and ages out), and compaction moves a
 * slot's location but not its data, so nothing goes stale and nothing needs re-keying. The table
 * still {@linkplain #forget forgets} slots it drops, so a deleted item's data is not held. Eviction
 * is a ring: the newest insert takes the oldest's place. Safe from many readers at once; a race can
 * only drop an entry early, so at most {@link #CAPACITY} plus the number of concurrent readers
 * texts are held.
 */
final class RecentData {
  /**
   * 2,048 texts of ~1.2 KB (a user, Latin-1 in a compact string) are ~2.6 MB with the map's
   * entries; a page of 60 users, or 34 such pages, fits.
   */
  static final int CAPACITY = 2048;

  private final Map<Slot, String> texts = new ConcurrentHashMap<>(CAPACITY);
  private final AtomicReferenceArray<Slot> ring = new AtomicReferenceArray<>(CAPACITY);
  private final AtomicInteger next = new AtomicInteger();

  /** The text last {@linkplain #keep kept} for {@code slot}, or null. */
  String get(Slot slot) {
    return texts.get(slot);
  }

  void keep(Slot slot, String text) {
    if (text == null) {
      return;
    }
    texts.put(slot, text);
    Slot evicted = ring.getAndSet(Math.floorMod(next.getAndIncrement(), ring.length()), slot);
    if (evicted != null && evicted != slot) {
      texts.remove(evicted);
    }
  }

  /** Drops the text of a slot the table no longer holds (replaced, removed or purged). */
  void forget(Slot slot) {
    texts.remove(slot);
  }

  /** Drops every text (a cleared table; only frees memory, as no old slot is looked up again). */
  void clear() {
    texts.clear();
    for (int i = 0; i < ring.length(); i++) {
      ring.set(i, null);
    }
  }

  int size() {
    return texts.size();
  }
}
