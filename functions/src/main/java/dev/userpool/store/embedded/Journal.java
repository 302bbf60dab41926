package dev.userpool.store.embedded;

import dev.userpool.store.table.Item;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The files of an embedded table: {@code snapshot} (the whole state at the last compaction) and
 * {@code journal} (one line per batch since then), guarded by a lock file so only one process
 * writes them.
 *
 * <p>A batch is appended with one write call and not fsynced: a killed process loses nothing the OS
 * accepted, while a power cut may lose the last batches (fine for a local development server). A
 * snapshot only ever replaces the old one by an atomic rename after fsync, and the journal is
 * truncated only after that, so a crash at any point leaves snapshot plus journal describing the
 * same state (replaying a journal over the snapshot it produced changes nothing).
 *
 * <p>Reading never loses data silently. A torn last journal line (what a crash during an append
 * leaves) is dropped with a warning. Any other line that fails its checksum stops the open with
 * {@link DamagedDataException} before anything in the folder changes; only a fully read journal is
 * ever compacted. With {@link EmbeddedItemTable.OnDamage#REPAIR} the damaged file is first copied
 * aside ({@code <name>.damaged-<time>}) and what can be trusted is kept: every readable snapshot
 * line (each holds whole items, independent of the others) and the journal up to its first damaged
 * line. Later journal lines are not applied, because a batch may depend on the lost one; they stay
 * in the copy. Redis's {@code redis-check-aof --fix} truncates an append-only file the same way.
 */
final class Journal implements AutoCloseable {
  private static final String SNAPSHOT = "snapshot";
  private static final String JOURNAL = "journal";
  private static final int ITEMS_PER_SNAPSHOT_LINE = 500;
  private static final DateTimeFormatter ASIDE_STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel appender;
  private long size;
  private IOException broken;

  private Journal(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks the folder and feeds the snapshot and then every whole journal batch to {@code replay}.
   * The caller then {@linkplain #compact compacts}, which drops a torn tail and opens the journal
   * for appending.
   *
   * @throws DamagedDataException when a file is damaged other than by a torn last line (and not
   *     repairing)
   * @throws UnusableDataFolderException when the folder cannot be created, locked, read or written
   */
  static Journal open(
      Path dir, Consumer<List<Change>> replay, EmbeddedItemTable.OnDamage onDamage, Clock clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw UnusableDataFolderException.of(dir, "creating it", e);
    }
    if (!Files.isDirectory(dir)) {
      throw new UnusableDataFolderException(
          "cannot use " + dir + " as the data folder: it is not a folder", null);
    }
    FileChannel lockChannel;
    try {
      lockChannel =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw UnusableDataFolderException.of(dir, "writing its lock file", e);
    }
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw UnusableDataFolderException.of(dir, "locking it", e);
    }
    if (lock == null) {
      closeQuietly(lockChannel);
      throw new UnusableDataFolderException(
          "cannot use "
              + dir
              + " as the data folder: another Userpool server"
              + " (or test) has it open",
          null);
    }
    Journal journal = new Journal(dir, lockChannel, lock);
    try {
      List<Path> damaged = new ArrayList<>();
      journal.readSnapshot(replay, onDamage, damaged);
      journal.readJournal(replay, onDamage, damaged);
      journal.copyAside(damaged, clock);
      return journal;
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /**
   * Appends one batch as one line; on failure the journal is cut back so no partial line stays
   * before later ones.
   */
  void append(List<Change> changes) {
    if (broken != null) {
      throw new IllegalStateException("the journal in " + dir + " failed earlier", broken);
    }
    ByteBuffer line = ByteBuffer.wrap(JournalLine.encode(changes));
    try {
      while (line.hasRemaining()) {
        appender.write(line);
      }
      size += line.limit();
    } catch (IOException e) {
      try {
        appender.truncate(size);
      } catch (IOException cannotRepair) {
        e.addSuppressed(cannotRepair);
        broken = e;
      }
      throw new UncheckedIOException("cannot append to the journal in " + dir, e);
    }
  }

  long size() {
    return size;
  }

  /**
   * Replaces snapshot and journal by a snapshot of {@code items}: the live state at this moment.
   */
  void compact(Iterable<Item> items) {
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    try {
      try (FileChannel out =
              FileChannel.open(
                  tmp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream stream = Channels.newOutputStream(out)) {
        List<Change> chunk = new ArrayList<>(ITEMS_PER_SNAPSHOT_LINE);
        for (Item item : items) {
          chunk.add(new Change.Stored(item));
          if (chunk.size() == ITEMS_PER_SNAPSHOT_LINE) {
            stream.write(JournalLine.encode(chunk));
            chunk.clear();
          }
        }
        if (!chunk.isEmpty()) {
          stream.write(JournalLine.encode(chunk));
        }
        stream.flush();
        out.force(true);
      }
      Files.move(
          tmp,
          dir.resolve(SNAPSHOT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
      if (appender != null) {
        appender.close();
      }
      appender =
          FileChannel.open(
              dir.resolve(JOURNAL),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
      appender.truncate(0);
      appender.force(true);
      size = 0;
      broken = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact the embedded table in " + dir, e);
    }
  }

  @Override
  public void close() {
    try (lockChannel) {
      if (appender != null) {
        appender.close();
      }
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the embedded table in " + dir, e);
    }
  }

  /**
   * Every snapshot line; a damaged one stops the open, or with REPAIR is skipped (the lines are
   * independent).
   */
  private void readSnapshot(
      Consumer<List<Change>> replay, EmbeddedItemTable.OnDamage onDamage, List<Path> damaged) {
    Path file = dir.resolve(SNAPSHOT);
    byte[] bytes = readIfPresent(file);
    int whole = 0;
    int skipped = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = lineEnd(bytes, start);
      Optional<List<Change>> changes = decode(bytes, start, end);
      if (changes.isPresent()) {
        replay.accept(changes.get());
        whole++;
      } else if (onDamage == EmbeddedItemTable.OnDamage.STOP) {
        throw new DamagedDataException(file, start, whole);
      } else {
        skipped++;
      }
      start = end + 1;
    }
    if (skipped > 0) {
      damaged.add(file);
      Log.LOG.log(
          System.Logger.Level.WARNING,
          "repair: kept "
              + whole
              + " readable lines of "
              + file
              + " and skipped "
              + skipped
              + " damaged "
              + (skipped == 1 ? "line" : "lines")
              + " (up to "
              + ITEMS_PER_SNAPSHOT_LINE
              + " items each)");
    }
  }

  /**
   * Journal lines in order, up to a torn last line (dropped) or a damaged one (stop, or with REPAIR
   * keep before).
   */
  private void readJournal(
      Consumer<List<Change>> replay, EmbeddedItemTable.OnDamage onDamage, List<Path> damaged) {
    Path file = dir.resolve(JOURNAL);
    byte[] bytes = readIfPresent(file);
    int whole = 0;
    for (int start = 0; start < bytes.length; ) {
      int end = lineEnd(bytes, start);
      Optional<List<Change>> changes = decode(bytes, start, end);
      if (changes.isPresent()) {
        replay.accept(changes.get());
        whole++;
        start = end + 1;
        continue;
      }
      if (end >= bytes.length - 1
          && JournalLine.couldBeTorn(bytes, start, Math.min(end, bytes.length))) {
        Log.LOG.log(
            System.Logger.Level.WARNING,
            "dropped the torn last line of "
                + file
                + " at byte "
                + start
                + " ("
                + (bytes.length - start)
                + " bytes): a write that a crash interrupted; "
                + whole
                + " whole lines before it are kept");
        return;
      }
      if (onDamage == EmbeddedItemTable.OnDamage.STOP) {
        throw new DamagedDataException(file, start, whole);
      }
      damaged.add(file);
      Log.LOG.log(
          System.Logger.Level.WARNING,
          "repair: kept the "
              + whole
              + " journal lines before byte "
              + start
              + " of "
              + file
              + "; the "
              + readableAfter(bytes, end + 1)
              + " readable lines after the damage are not"
              + " applied (they may depend on the damaged one) and stay in the copy of the journal");
      return;
    }
  }

  /**
   * Copies each damaged file to {@code <name>.damaged-<time>} (fsynced) before compaction replaces
   * it.
   */
  private void copyAside(List<Path> damaged, Clock clock) {
    String stamp = ASIDE_STAMP.format(clock.instant());
    for (Path file : damaged) {
      Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
      for (int n = 2;
          Files.exists(aside);
          n++) { // an earlier repair in the same second: keep its copy too
        aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
      }
      try {
        Files.copy(file, aside);
        try (FileChannel copy = FileChannel.open(aside, StandardOpenOption.WRITE)) {
          copy.force(true);
        }
      } catch (IOException e) {
        throw UnusableDataFolderException.of(dir, "copying " + file.getFileName() + " aside", e);
      }
      Log.LOG.log(
          System.Logger.Level.WARNING,
          "repair: the damaged " + file.getFileName() + " is kept as " + aside);
    }
    if (!damaged.isEmpty()) {
      forceDirectory();
    }
  }

  private byte[] readIfPresent(Path file) {
    try {
      return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (IOException e) {
      throw UnusableDataFolderException.of(dir, "reading " + file.getFileName(), e);
    }
  }

  /**
   * The index of the newline ending the line at {@code start}, or {@code bytes.length} for an
   * unended line.
   */
  private static int lineEnd(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length && bytes[i] != '\n') {
      i++;
    }
    return i;
  }

  /** A line without its newline decodes as damaged: every line written ends with one. */
  private static Optional<List<Change>> decode(byte[] bytes, int start, int end) {
    return end < bytes.length ? JournalLine.decode(bytes, start, end) : Optional.empty();
  }

  private static int readableAfter(byte[] bytes, int from) {
    int readable = 0;
    for (int start = from; start < bytes.length; ) {
      int end = lineEnd(bytes, start);
      if (decode(bytes, start, end).isPresent()) {
        readable++;
      }
      start = end + 1;
    }
    return readable;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written through it
    }
  }

  /**
   * Makes the rename itself durable; not every platform can open a directory, and those need no
   * such step.
   */
  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException unsupported) {
      // e.g. Windows
    }
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Journal.class.getName());
  }
}
