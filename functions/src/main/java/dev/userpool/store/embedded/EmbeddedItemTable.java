package dev.userpool.store.embedded;

import dev.userpool.store.table.Batches;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The {@link ItemTable} of the local server: partitions in sorted maps, optionally made durable in
 * a folder (see {@link Journal}). In a folder, memory holds only each item's keys, version, expiry
 * and the place of its data in the folder's files, which a read fetches (a Bitcask-style index:
 * memory grows by ~100 bytes an item plus its sort key, not by the item's data; the OS's page cache
 * keeps hot data fast); data of at most {@link Slot#INLINE_DATA_BYTES} bytes stays in memory, and
 * the text of the last {@link RecentData#CAPACITY} items read by key or by a query (~2.6 MB of
 * users) is kept in {@link RecentData}, so hot items are not read and unescaped again. Without a
 * folder everything is in memory. Writes are serialised and check every condition before changing
 * anything, so a batch applies whole or not at all; reads run in parallel with each other and never
 * see half a batch.
 *
 * <p>Sort keys are ordered by code point, which is DynamoDB's UTF-8 byte order, not by Java's
 * UTF-16 order.
 */
public final class EmbeddedItemTable implements ItemTable, FullScan, AutoCloseable {
  /**
   * Past this journal size, and the snapshot's, the next write also compacts, so the journal of a
   * long session stays short. A journal as large as the snapshot before compacting keeps the
   * copying in proportion to what was written (each compaction copies every live item: with a fixed
   * limit alone, a sign-up minute over 80,000 users rewrote a 240 MB snapshot every 4 s, holding
   * writers off each time); the folder holds at most about twice the live data.
   */
  static final long DEFAULT_COMPACT_AFTER_BYTES = 16L << 20;

  static final Comparator<String> CODE_POINT_ORDER = EmbeddedItemTable::compareCodePoints;

  private final NavigableMap<String, SortedSlots> partitions = new TreeMap<>(CODE_POINT_ORDER);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final long compactAfterBytes;
  private final int inlineDataBytes;
  private final RecentData recent = new RecentData();

  /** Data texts read from the folder's files (for tests). */
  private final LongAdder fileReads = new LongAdder();

  private Journal journal;
  private boolean closed;

  private EmbeddedItemTable(Clock clock, long compactAfterBytes, int inlineDataBytes) {
    this.clock = clock;
    this.compactAfterBytes = compactAfterBytes;
    this.inlineDataBytes = inlineDataBytes;
  }

  /** A table that lives only as long as this object (tests, throwaway local runs). */
  public static EmbeddedItemTable inMemory(Clock clock) {
    return new EmbeddedItemTable(clock, Long.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * What opening does with a damaged snapshot or journal (a torn last journal line is not damage).
   */
  public enum OnDamage {
    /** Throw {@link DamagedDataException} and change nothing. */
    STOP,
    /** Copy the damaged file aside, keep what can be trusted (see {@link Journal}), and go on. */
    REPAIR
  }

  /**
   * The table stored in {@code dir}, created if missing. Only one open table per folder, across
   * processes.
   *
   * @throws DamagedDataException when a file is damaged; nothing in the folder has changed
   * @throws UnusableDataFolderException when the folder cannot be created, read, written or locked
   */
  public static EmbeddedItemTable open(Path dir, Clock clock) {
    return open(dir, clock, OnDamage.STOP);
  }

  public static EmbeddedItemTable open(Path dir, Clock clock, OnDamage onDamage) {
    return open(dir, clock, DEFAULT_COMPACT_AFTER_BYTES, onDamage);
  }

  static EmbeddedItemTable open(Path dir, Clock clock, long compactAfterBytes) {
    return open(dir, clock, compactAfterBytes, OnDamage.STOP);
  }

  static EmbeddedItemTable open(Path dir, Clock clock, long compactAfterBytes, OnDamage onDamage) {
    return open(dir, clock, compactAfterBytes, onDamage, Slot.INLINE_DATA_BYTES);
  }

  /** {@code inlineDataBytes}: data up to this length stays in memory (tests use 0: none does). */
  static EmbeddedItemTable open(
      Path dir, Clock clock, long compactAfterBytes, OnDamage onDamage, int inlineDataBytes) {
    EmbeddedItemTable table = new EmbeddedItemTable(clock, compactAfterBytes, inlineDataBytes);
    Journal journal = Journal.open(dir, table::replay, onDamage, clock, inlineDataBytes);
    table.journal = journal;
    try {
      // Runs only on a fully read journal: Journal.open has thrown on anything it could not read.
      table.compact();
    } catch (UncheckedIOException e) {
      journal.close();
      throw UnusableDataFolderException.of(dir, "writing a new snapshot", e.getCause());
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    return table;
  }

  /**
   * Every live item as text, in key order: lets tests prove that a rejected request changed
   * nothing.
   */
  public String dump() {
    lock.readLock().lock();
    try {
      StringBuilder out = new StringBuilder();
      for (Journal.Entry entry : liveEntries(now())) {
        out.append(item(entry)).append('\n');
      }
      return out.toString();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Item> get(String pk, String sk) {
    lock.readLock().lock();
    try {
      requireOpen();
      Slot slot = live(pk, sk, now());
      return slot == null ? Optional.empty() : Optional.of(item(pk, sk, slot, true));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Item> query(String pk, String skPrefix, String exclusiveStartSk, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    lock.readLock().lock();
    try {
      requireOpen();
      SortedSlots partition = partitions.get(pk);
      if (partition == null) {
        return List.of();
      }
      // Keys sharing a prefix are contiguous and not before the prefix itself.
      boolean startInside =
          exclusiveStartSk != null && CODE_POINT_ORDER.compare(exclusiveStartSk, skPrefix) >= 0;
      Iterator<Slot> from =
          startInside ? partition.from(exclusiveStartSk, false) : partition.from(skPrefix, true);
      long now = now();
      List<Slot> found = new ArrayList<>();
      byte[] prefixLatin1 = Slot.latin1(skPrefix);
      while (from.hasNext() && found.size() < limit) {
        Slot slot = from.next();
        if (!slot.keyStartsWith(skPrefix, prefixLatin1)) {
          break;
        }
        if (!slot.isExpiredAt(now)) {
          found.add(slot);
        }
      }
      return items(pk, found);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(List<Write> writes) {
    Batches.requireValid(writes);
    if (writes.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      requireOpen();
      long now = now();
      for (int i = 0; i < writes.size(); i++) {
        Write w = writes.get(i);
        if (!holds(w.condition(), live(Batches.pk(w), Batches.sk(w), now))) {
          throw new ConditionFailedException(i);
        }
      }
      List<Change> changes = writes.stream().map(EmbeddedItemTable::change).toList();
      record(changes);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Calls {@code each} under the read lock, one item read at a time, so the items are one moment's
   * state and are never all in memory at once; writers wait until it returns, and {@code each} must
   * not write to this table.
   */
  @Override
  public void forEachLiveItem(Consumer<Item> each) {
    lock.readLock().lock();
    try {
      requireOpen();
      for (Journal.Entry entry : liveEntries(now())) {
        each.accept(item(entry));
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The characters of item data held in memory: data kept in the folder's files does not count.
   * Lets tests prove that a table in a folder does not hold its items' data. The bounded texts of
   * recently read items are not counted (see {@link #recentTexts}).
   */
  long dataCharsInMemory() {
    lock.readLock().lock();
    try {
      long chars = 0;
      for (SortedSlots partition : partitions.values()) {
        for (Slot slot : partition) {
          chars += slot.inlineLength();
        }
      }
      return chars;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many data texts have been read from the folder's files since opening. */
  long fileReads() {
    return fileReads.sum();
  }

  /** How many data texts {@link RecentData} holds. */
  int recentTexts() {
    return recent.size();
  }

  @Override
  public void clearExcept(String keptPk) {
    lock.writeLock().lock();
    try {
      requireOpen();
      // one journal line: everything goes, the kept partition is stored again
      List<Change> changes = new ArrayList<>();
      changes.add(new Change.Cleared());
      SortedSlots kept = keptPk == null ? null : partitions.get(keptPk);
      if (kept != null) {
        kept.forEach(slot -> changes.add(new Change.Stored(item(keptPk, slot.key(), slot, false))));
      }
      record(changes); // its Cleared change also clears the recent texts
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Flushes nothing (every batch is already written) but releases the folder for the next process.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed && journal != null) {
        journal.close();
      }
      recent.clear();
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Journal first, memory second: what readers can see is always on disk already. */
  private void record(List<Change> changes) {
    if (journal == null) {
      for (Change change : changes) {
        if (change instanceof Change.Stored stored) {
          Item item = stored.item();
          put(
              item.pk(),
              item.sk(),
              Slot.inline(item.sk(), item.version(), item.expiresAt(), item.data()));
        } else {
          apply(change);
        }
      }
      return;
    }
    JournalLine line = new JournalLine();
    int[] dataAt = new int[changes.size()];
    byte[][] literals = new byte[changes.size()][];
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (change instanceof Change.Stored stored) {
        Item item = stored.item();
        literals[i] = item.data() == null ? null : JournalLine.literal(item.data());
        dataAt[i] =
            line.stored(item.pk(), item.sk(), item.version(), item.expiresAt(), literals[i]);
      } else if (change instanceof Change.Removed removed) {
        line.removed(removed.pk(), removed.sk());
      } else {
        line.cleared();
      }
    }
    long lineLocation = journal.append(line.finish());
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i) instanceof Change.Stored stored) {
        Item item = stored.item();
        byte[] literal = literals[i];
        put(
            item.pk(),
            item.sk(),
            literal == null || literal.length - 2 <= inlineDataBytes
                ? Slot.inline(item.sk(), item.version(), item.expiresAt(), item.data())
                : Slot.onDisk(
                    item.sk(),
                    item.version(),
                    item.expiresAt(),
                    lineLocation + dataAt[i],
                    literal.length));
      } else {
        apply(changes.get(i));
      }
    }
    if (journal.size() > Math.max(compactAfterBytes, journal.snapshotSize())) {
      try {
        compact();
      } catch (UncheckedIOException e) {
        // The batch is durable in the journal already; the next write tries to compact again.
        Log.LOG.log(System.Logger.Level.WARNING, "compaction of the embedded table failed", e);
      }
    }
  }

  /** One line of the folder's files, read at open: its data stays where it is. */
  private void replay(List<Change> changes, long lineLocation) {
    for (Change change : changes) {
      if (change instanceof Change.Located located) {
        put(
            located.pk(),
            located.sk(),
            located.dataAt() < 0
                ? Slot.inline(located.sk(), located.version(), located.expiresAt(), located.data())
                : Slot.onDisk(
                    located.sk(),
                    located.version(),
                    located.expiresAt(),
                    lineLocation + located.dataAt(),
                    located.dataLength()));
      } else {
        apply(change);
      }
    }
  }

  /**
   * Rewrites the folder's files as one snapshot of the live items and points every slot at its
   * data's new place; expired items go, from the files and from memory. Callers hold the write lock
   * (or, at open, the only reference).
   */
  private void compact() {
    long now = now();
    journal.compact(
        liveEntries(now),
        locations -> {
          // the snapshot holds the live slots in this order
          int i = 0;
          for (SortedSlots partition : partitions.values()) {
            for (Slot slot : partition) {
              if (!slot.isExpiredAt(now)) {
                long location = locations[i++];
                if (slot.onDisk()) {
                  slot.location = location;
                }
              }
            }
            partition.removeIf(slot -> slot.isExpiredAt(now), recent::forget);
          }
          partitions.values().removeIf(SortedSlots::isEmpty);
        });
  }

  private void put(String pk, String sk, Slot slot) {
    Slot replaced = partitions.computeIfAbsent(pk, key -> new SortedSlots()).put(sk, slot);
    if (replaced != null) {
      recent.forget(replaced);
    }
  }

  private void apply(Change change) {
    if (change instanceof Change.Removed removed) {
      SortedSlots partition = partitions.get(removed.pk());
      if (partition != null) {
        Slot slot = partition.remove(removed.sk());
        if (slot != null) {
          recent.forget(slot);
        }
        if (partition.isEmpty()) {
          partitions.remove(removed.pk());
        }
      }
    } else if (change instanceof Change.Cleared) {
      partitions.clear();
      recent.clear();
    } else {
      throw new IllegalArgumentException("not a removal: " + change);
    }
  }

  /**
   * The item of a slot, its data read from the folder's files when it is kept there. A read by key
   * keeps what it read ({@code keepText}); scans read each item once, so they take a recent text
   * but do not push hot ones out.
   */
  private Item item(String pk, String sk, Slot slot, boolean keepText) {
    String data = slot.inline();
    if (slot.onDisk()) {
      data = recent.get(slot);
      if (data == null) {
        data = readText(slot);
        if (keepText) {
          recent.keep(slot, data);
        }
      }
    }
    return new Item(pk, sk, slot.version, slot.expiresAt(), data);
  }

  private String readText(Slot slot) {
    fileReads.increment();
    return JournalLine.text(journal.read(slot.location, slot.length));
  }

  /**
   * The items of a page: recent texts are taken from {@link RecentData}; the others' data that lies
   * close together in a file (a snapshot holds a partition in key order) is fetched with one read
   * for many items, and kept.
   */
  private List<Item> items(String pk, List<Slot> found) {
    String[] data = new String[found.size()];
    if (journal != null) {
      long[] locations = new long[found.size()];
      int[] lengths = new int[found.size()];
      int missing = 0;
      for (int i = 0; i < found.size(); i++) {
        Slot slot = found.get(i);
        String recentText = slot.onDisk() ? recent.get(slot) : null;
        data[i] = recentText;
        boolean read = slot.onDisk() && recentText == null;
        locations[i] = read ? slot.location : -1;
        lengths[i] = slot.length;
        missing += read ? 1 : 0;
      }
      if (missing > 0) {
        String[] read = journal.texts(locations, lengths);
        fileReads.add(missing);
        for (int i = 0; i < found.size(); i++) {
          if (locations[i] >= 0) {
            data[i] = read[i];
            recent.keep(found.get(i), read[i]);
          }
        }
      }
    }
    List<Item> page = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Slot slot = found.get(i);
      page.add(
          new Item(
              pk,
              slot.key(),
              slot.version,
              slot.expiresAt(),
              slot.onDisk() ? data[i] : slot.inline()));
    }
    return page;
  }

  private Item item(Journal.Entry entry) {
    return item(entry.pk(), entry.sk(), entry.slot(), false);
  }

  private static Change change(Write write) {
    if (write instanceof Write.Put put) {
      return new Change.Stored(put.item().withVersion(put.item().version() + 1));
    }
    Write.Delete delete = (Write.Delete) write;
    return new Change.Removed(delete.pk(), delete.sk());
  }

  private static boolean holds(Condition condition, Slot current) {
    if (condition instanceof Condition.None) {
      return true;
    } else if (condition instanceof Condition.Absent) {
      return current == null;
    } else if (condition instanceof Condition.Exists) {
      return current != null;
    } else if (condition instanceof Condition.VersionIs v) {
      return current != null && current.version == v.version();
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  /** The slot of the unexpired item under the key, or null. */
  private Slot live(String pk, String sk, long now) {
    SortedSlots partition = partitions.get(pk);
    Slot slot = partition == null ? null : partition.get(sk);
    return slot == null || slot.isExpiredAt(now) ? null : slot;
  }

  /**
   * Expired items are skipped here: compaction is where they are purged. One entry at a time: a
   * stream's flatMap, pulled through an iterator, first buffers each inner stream whole (a
   * partition of 250,000 items held ~10 MB of entries at once during compaction).
   */
  private Iterable<Journal.Entry> liveEntries(long now) {
    return () ->
        new Iterator<>() {
          private final Iterator<Map.Entry<String, SortedSlots>> partitionsLeft =
              partitions.entrySet().iterator();
          private String pk;
          private Iterator<Slot> slots = Collections.emptyIterator();
          private Slot next;

          @Override
          public boolean hasNext() {
            while (next == null) {
              if (slots.hasNext()) {
                Slot slot = slots.next();
                next = slot.isExpiredAt(now) ? null : slot;
              } else if (partitionsLeft.hasNext()) {
                Map.Entry<String, SortedSlots> partition = partitionsLeft.next();
                pk = partition.getKey();
                slots = partition.getValue().iterator();
              } else {
                return false;
              }
            }
            return true;
          }

          @Override
          public Journal.Entry next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Slot slot = next;
            next = null;
            return new Journal.Entry(pk, slot.key(), slot);
          }
        };
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the embedded table is closed");
    }
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  /**
   * DynamoDB's order of string keys (code points, as UTF-8 bytes would sort). Strings without
   * surrogates sort the same by their UTF-16 units, so only a difference at a surrogate needs the
   * code points: the common case costs what {@link String#compareTo} costs (a key lookup in a
   * partition of thousands of users compares a dozen keys that share long prefixes).
   */
  static int compareCodePoints(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int k = 0; k < common; k++) {
      char x = a.charAt(k);
      char y = b.charAt(k);
      if (x != y) {
        return Character.isSurrogate(x) || Character.isSurrogate(y)
            ? compareEachCodePoint(a, b)
            : x - y;
      }
    }
    return a.length() - b.length();
  }

  /** Code point by code point from the start (a lone surrogate stands for itself). */
  private static int compareEachCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(EmbeddedItemTable.class.getName());
  }
}
