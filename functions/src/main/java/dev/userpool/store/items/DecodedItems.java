package dev.userpool.store.items;

import dev.userpool.store.table.Item;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values already decoded from the stored text of one kind of item, remembered by that exact text
 * and the item's version. Reads of the same user (a client's GetUser, an admin console polling)
 * spent more CPU decoding the same JSON again than finding it. Keyed by content, the cache cannot
 * go stale: a changed item is a different text or version and decodes anew, on any backend and
 * across processes. Only for values that are immutable all the way down, since callers share them.
 * Bounded: when full it starts over.
 */
final class DecodedItems<T> {
  static final int CAPACITY = 1024;

  private record Stored(String data, long version) {}

  private final Function<Item, T> decode;
  private final Map<Stored, T> values = new ConcurrentHashMap<>();
  private final AtomicLong decodes = new AtomicLong();

  DecodedItems(Function<Item, T> decode) {
    this.decode = decode;
  }

  T of(Item item) {
    Stored stored = new Stored(item.data(), item.version());
    T value = values.get(stored);
    if (value == null) {
      decodes.incrementAndGet();
      value = decode.apply(item);
      if (values.size() >= CAPACITY) {
        values.clear();
      }
      values.put(stored, value);
    }
    return value;
  }

  /** How many items were decoded rather than found (a counting test's figure). */
  long decodes() {
    return decodes.get();
  }
}
