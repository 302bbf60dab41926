package dev.userpool.store.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One partition's slots in sort-key order ({@link EmbeddedItemTable#CODE_POINT_ORDER}), in a list
 * of sorted chunks of at most {@link #CHUNK} slots: a lookup searches the chunks' first keys, then
 * one chunk. A {@code TreeMap} spent a 40-byte entry object on every item; a chunk spends a 4-byte
 * reference and its unused room, so a user (about three items) costs ~100 bytes less. An insert
 * moves at most one chunk's references.
 *
 * <p>Not thread-safe: the table's lock guards it (readers in parallel, a writer alone).
 */
final class SortedSlots implements Iterable<Slot> {
  static final int CHUNK = 128;

  /** A chunk this empty after a removal joins a neighbour when both fit in 3/4 of a chunk. */
  private static final int SPARSE = CHUNK / 4;

  private static final class Chunk {
    final Slot[] slots = new Slot[CHUNK];
    int size;

    Slot first() {
      return slots[0];
    }
  }

  /** Never holds an empty chunk. */
  private final ArrayList<Chunk> chunks = new ArrayList<>();

  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  Slot get(String key) {
    if (chunks.isEmpty()) {
      return null;
    }
    byte[] latin1 = Slot.latin1(key);
    Chunk chunk = chunks.get(chunkFor(key, latin1));
    int at = indexIn(chunk, key, latin1);
    return at >= 0 ? chunk.slots[at] : null;
  }

  /** Puts {@code slot} under its key, {@code key}; returns the slot it replaced, or null. */
  Slot put(String key, Slot slot) {
    if (chunks.isEmpty()) {
      chunks.add(chunkOf(slot));
      size = 1;
      return null;
    }
    byte[] latin1 = slot.keyLatin1(); // encoded when the slot was made
    int c = chunkFor(key, latin1);
    Chunk chunk = chunks.get(c);
    int at = indexIn(chunk, key, latin1);
    if (at >= 0) {
      Slot replaced = chunk.slots[at];
      chunk.slots[at] = slot;
      return replaced;
    }
    at = -(at + 1);
    if (chunk.size == CHUNK) {
      if (at == CHUNK && c == chunks.size() - 1) {
        // After the last key: keys arriving in order fill whole chunks instead of halves.
        chunks.add(chunkOf(slot));
        size++;
        return null;
      }
      Chunk upper = new Chunk();
      int half = CHUNK / 2;
      System.arraycopy(chunk.slots, half, upper.slots, 0, CHUNK - half);
      Arrays.fill(chunk.slots, half, CHUNK, null);
      upper.size = CHUNK - half;
      chunk.size = half;
      chunks.add(c + 1, upper);
      if (at > half) {
        chunk = upper;
        at -= half;
      }
    }
    System.arraycopy(chunk.slots, at, chunk.slots, at + 1, chunk.size - at);
    chunk.slots[at] = slot;
    chunk.size++;
    size++;
    return null;
  }

  /** Removes the slot under {@code key}; returns it, or null when there was none. */
  Slot remove(String key) {
    if (chunks.isEmpty()) {
      return null;
    }
    byte[] latin1 = Slot.latin1(key);
    int c = chunkFor(key, latin1);
    Chunk chunk = chunks.get(c);
    int at = indexIn(chunk, key, latin1);
    if (at < 0) {
      return null;
    }
    Slot removed = chunk.slots[at];
    System.arraycopy(chunk.slots, at + 1, chunk.slots, at, chunk.size - at - 1);
    chunk.slots[--chunk.size] = null;
    size--;
    if (chunk.size == 0) {
      chunks.remove(c);
    } else if (chunk.size <= SPARSE) {
      joinSparse(c);
    }
    return removed;
  }

  /**
   * Removes every slot {@code gone} accepts, handing each to {@code removed}, and packs the rest
   * into chunks 3/4 full (room for inserts before the next split); changes nothing when {@code
   * gone} accepts none.
   */
  void removeIf(Predicate<Slot> gone, Consumer<Slot> removed) {
    boolean any = false;
    for (Slot slot : this) {
      any |= gone.test(slot);
    }
    if (!any) {
      return;
    }
    ArrayList<Chunk> kept = new ArrayList<>();
    Chunk filling = null;
    int keptSize = 0;
    for (Slot slot : this) {
      if (gone.test(slot)) {
        removed.accept(slot);
        continue;
      }
      if (filling == null || filling.size == CHUNK * 3 / 4) {
        filling = new Chunk();
        kept.add(filling);
      }
      filling.slots[filling.size++] = slot;
      keptSize++;
    }
    chunks.clear();
    chunks.addAll(kept);
    chunks.trimToSize();
    size = keptSize;
  }

  /** Every slot in key order. */
  @Override
  public Iterator<Slot> iterator() {
    return new InOrder(0, 0);
  }

  /**
   * The slots in key order from {@code key} on: from the slot under it when {@code inclusive}, else
   * from the first after it.
   */
  Iterator<Slot> from(String key, boolean inclusive) {
    if (chunks.isEmpty()) {
      return new InOrder(0, 0);
    }
    byte[] latin1 = Slot.latin1(key);
    int c = chunkFor(key, latin1);
    int at = indexIn(chunks.get(c), key, latin1);
    return new InOrder(c, at >= 0 ? (inclusive ? at : at + 1) : -(at + 1));
  }

  private final class InOrder implements Iterator<Slot> {
    private int chunk;
    private int index;

    InOrder(int chunk, int index) {
      this.chunk = chunk;
      this.index = index;
      skipEnded();
    }

    @Override
    public boolean hasNext() {
      return chunk < chunks.size();
    }

    @Override
    public Slot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Slot slot = chunks.get(chunk).slots[index++];
      skipEnded();
      return slot;
    }

    private void skipEnded() {
      while (chunk < chunks.size() && index >= chunks.get(chunk).size) {
        chunk++;
        index = 0;
      }
    }
  }

  /** The chunk that holds {@code key} or would: the last whose first key is not after it, or 0. */
  private int chunkFor(String key, byte[] latin1) {
    int found = 0;
    int low = 1;
    int high = chunks.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (chunks.get(mid).first().compareKeyTo(key, latin1) <= 0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** As {@link Arrays#binarySearch}: the index of {@code key}, or -(insertion point + 1). */
  private static int indexIn(Chunk chunk, String key, byte[] latin1) {
    int low = 0;
    int high = chunk.size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int order = chunk.slots[mid].compareKeyTo(key, latin1);
      if (order < 0) {
        low = mid + 1;
      } else if (order > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** Joins chunk {@code c} with a neighbour when both fit in 3/4 of a chunk. */
  private void joinSparse(int c) {
    int limit = CHUNK * 3 / 4;
    if (c + 1 < chunks.size() && chunks.get(c).size + chunks.get(c + 1).size <= limit) {
      join(c);
    } else if (c > 0 && chunks.get(c - 1).size + chunks.get(c).size <= limit) {
      join(c - 1);
    }
  }

  /** Moves chunk {@code c + 1}'s slots to the end of chunk {@code c}. */
  private void join(int c) {
    Chunk lower = chunks.get(c);
    Chunk upper = chunks.remove(c + 1);
    System.arraycopy(upper.slots, 0, lower.slots, lower.size, upper.size);
    lower.size += upper.size;
  }

  private static Chunk chunkOf(Slot slot) {
    Chunk chunk = new Chunk();
    chunk.slots[0] = slot;
    chunk.size = 1;
    return chunk;
  }
}
