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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@link ItemTable} of the local server: partitions in sorted maps, optionally made durable in
 * a folder (see {@link Journal}). Writes are serialised and check every condition before changing
 * anything, so a batch applies whole or not at all; reads run in parallel with each other and never
 * see half a batch.
 *
 * <p>Sort keys are ordered by code point, which is DynamoDB's UTF-8 byte order, not by Java's
 * UTF-16 order.
 */
public final class EmbeddedItemTable implements ItemTable, FullScan, AutoCloseable {
  /**
   * Past this journal size the next write also compacts, so the journal of a long session stays
   * short.
   */
  static final long DEFAULT_COMPACT_AFTER_BYTES = 16L << 20;

  static final Comparator<String> CODE_POINT_ORDER = EmbeddedItemTable::compareCodePoints;

  private final NavigableMap<String, NavigableMap<String, Item>> partitions =
      new TreeMap<>(CODE_POINT_ORDER);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final long compactAfterBytes;
  private Journal journal;
  private boolean closed;

  private EmbeddedItemTable(Clock clock, long compactAfterBytes) {
    this.clock = clock;
    this.compactAfterBytes = compactAfterBytes;
  }

  /** A table that lives only as long as this object (tests, throwaway local runs). */
  public static EmbeddedItemTable inMemory(Clock clock) {
    return new EmbeddedItemTable(clock, Long.MAX_VALUE);
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
    EmbeddedItemTable table = new EmbeddedItemTable(clock, compactAfterBytes);
    Journal journal = Journal.open(dir, table::apply, onDamage, clock);
    try {
      // Runs only on a fully read journal: Journal.open has thrown on anything it could not read.
      journal.compact(table.liveItems(table.now()));
    } catch (UncheckedIOException e) {
      journal.close();
      throw UnusableDataFolderException.of(dir, "writing a new snapshot", e.getCause());
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    table.journal = journal;
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
      for (Item item : liveItems(now())) {
        out.append(item).append('\n');
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
      return Optional.ofNullable(live(pk, sk, now()));
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
      NavigableMap<String, Item> partition = partitions.get(pk);
      if (partition == null) {
        return List.of();
      }
      // Keys sharing a prefix are contiguous and not before the prefix itself.
      boolean startInside =
          exclusiveStartSk != null && CODE_POINT_ORDER.compare(exclusiveStartSk, skPrefix) >= 0;
      Map<String, Item> from =
          startInside ? partition.tailMap(exclusiveStartSk, false) : partition.tailMap(skPrefix);
      long now = now();
      List<Item> page = new ArrayList<>();
      for (Item item : from.values()) {
        if (!item.sk().startsWith(skPrefix) || page.size() == limit) {
          break;
        }
        if (!item.isExpiredAt(now)) {
          page.add(item);
        }
      }
      return page;
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
   * Reads a snapshot under the read lock, then calls {@code each} outside it, so writers are not
   * held up.
   */
  @Override
  public void forEachLiveItem(Consumer<Item> each) {
    List<Item> snapshot = new ArrayList<>();
    lock.readLock().lock();
    try {
      requireOpen();
      liveItems(now()).forEach(snapshot::add);
    } finally {
      lock.readLock().unlock();
    }
    snapshot.forEach(each);
  }

  @Override
  public void clearExcept(String keptPk) {
    lock.writeLock().lock();
    try {
      requireOpen();
      // one journal line: everything goes, the kept partition is stored again
      List<Change> changes = new ArrayList<>();
      changes.add(new Change.Cleared());
      NavigableMap<String, Item> kept = keptPk == null ? null : partitions.get(keptPk);
      if (kept != null) {
        kept.values().forEach(item -> changes.add(new Change.Stored(item)));
      }
      record(changes);
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
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Journal first, memory second: what readers can see is always on disk already. */
  private void record(List<Change> changes) {
    if (journal != null) {
      journal.append(changes);
    }
    apply(changes);
    if (journal != null && journal.size() > compactAfterBytes) {
      try {
        journal.compact(liveItems(now()));
      } catch (UncheckedIOException e) {
        // The batch is durable in the journal already; the next write tries to compact again.
        Log.LOG.log(System.Logger.Level.WARNING, "compaction of the embedded table failed", e);
      }
    }
  }

  private void apply(List<Change> changes) {
    for (Change change : changes) {
      if (change instanceof Change.Stored stored) {
        Item item = stored.item();
        partitions
            .computeIfAbsent(item.pk(), pk -> new TreeMap<>(CODE_POINT_ORDER))
            .put(item.sk(), item);
      } else if (change instanceof Change.Removed removed) {
        NavigableMap<String, Item> partition = partitions.get(removed.pk());
        if (partition != null) {
          partition.remove(removed.sk());
          if (partition.isEmpty()) {
            partitions.remove(removed.pk());
          }
        }
      } else {
        partitions.clear();
      }
    }
  }

  private static Change change(Write write) {
    if (write instanceof Write.Put put) {
      return new Change.Stored(put.item().withVersion(put.item().version() + 1));
    }
    Write.Delete delete = (Write.Delete) write;
    return new Change.Removed(delete.pk(), delete.sk());
  }

  private static boolean holds(Condition condition, Item current) {
    if (condition instanceof Condition.None) {
      return true;
    } else if (condition instanceof Condition.Absent) {
      return current == null;
    } else if (condition instanceof Condition.Exists) {
      return current != null;
    } else if (condition instanceof Condition.VersionIs v) {
      return current != null && current.version() == v.version();
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  /** The unexpired item under the key, or null. */
  private Item live(String pk, String sk, long now) {
    NavigableMap<String, Item> partition = partitions.get(pk);
    Item item = partition == null ? null : partition.get(sk);
    return item == null || item.isExpiredAt(now) ? null : item;
  }

  /** Expired items are dropped here: compaction is where they are purged. */
  private Iterable<Item> liveItems(long now) {
    Stream<Item> items = partitions.values().stream().flatMap(p -> p.values().stream());
    return items.filter(i -> !i.isExpiredAt(now))::iterator;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the embedded table is closed");
    }
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static int compareCodePoints(String a, String b) {
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
