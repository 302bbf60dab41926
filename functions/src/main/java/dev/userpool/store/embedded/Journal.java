package dev.userpool.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
import java.util.Arrays;
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
 *
 * <p>The files are also where items' data is read from: a {@linkplain #read location} names a byte
 * offset in the snapshot or the journal. Compaction writes every live item into a new snapshot and
 * truncates the journal, so it answers each item's new location and the table moves its references
 * at the same moment, under its write lock. Files are read line by line, never whole.
 */
final class Journal implements AutoCloseable {
  private static final String SNAPSHOT = "snapshot";
  private static final String JOURNAL = "journal";
  private static final int ITEMS_PER_SNAPSHOT_LINE = 500;
  private static final int BYTES_PER_SNAPSHOT_LINE = 1 << 20;

  /** Neighbouring data this close is fetched with one read (see {@link #texts}). */
  private static final int GATHER_GAP = 4096;

  private static final int GATHER_LIMIT = 1 << 20;

  /** The bit of a location that says the journal, not the snapshot. */
  private static final long IN_JOURNAL = 1L << 62;

  private static final DateTimeFormatter ASIDE_STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path dir;
  private final int inlineDataBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel appender;
  private long size;

  /** The bytes of the snapshot the last compaction wrote. */
  private long snapshotSize;

  private IOException broken;

  /** Readers of the files' data; volatile as {@link #read} may replace one that was closed. */
  private volatile FileChannel snapshotReader;

  private volatile FileChannel journalReader;
  private volatile boolean closed;

  /** What replaying a line applies: its changes and the location of the line's first byte. */
  interface Replay {
    void apply(List<Change> changes, long lineLocation);
  }

  /** One live item for compaction: its keys and what the table holds for it. */
  record Entry(String pk, String sk, Slot slot) {}

  private Journal(Path dir, FileChannel lockChannel, FileLock lock, int inlineDataBytes) {
    this.dir = dir;
    this.inlineDataBytes = inlineDataBytes;
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
      Path dir,
      Replay replay,
      EmbeddedItemTable.OnDamage onDamage,
      Clock clock,
      int inlineDataBytes) {
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
    Journal journal = new Journal(dir, lockChannel, lock, inlineDataBytes);
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
   * Appends one batch as one line and answers the location of its first byte; on failure the
   * journal is cut back so no partial line stays before later ones.
   */
  long append(byte[] bytes) {
    if (broken != null) {
      throw new IllegalStateException("the journal in " + dir + " failed earlier", broken);
    }
    ByteBuffer line = ByteBuffer.wrap(bytes);
    long start = size;
    try {
      while (line.hasRemaining()) {
        appender.write(line);
      }
      size += line.limit();
      return IN_JOURNAL | start;
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

  /** The size of the snapshot, as the last compaction wrote it (0 before the first). */
  long snapshotSize() {
    return snapshotSize;
  }

  /**
   * The JSON string literal of the data at {@code location}, {@code length} bytes. Safe from many
   * threads while no compaction runs (the table's read lock); an interrupted reader's closed
   * channel is opened again.
   */
  byte[] read(long location, int length) {
    boolean inJournal = (location & IN_JOURNAL) != 0;
    long offset = location & ~IN_JOURNAL;
    ByteBuffer bytes = ByteBuffer.allocate(length);
    // An interrupt during a read would close the channel for every thread: read without it.
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 0; ; attempt++) {
        FileChannel channel = inJournal ? journalReader : snapshotReader;
        try {
          while (bytes.hasRemaining()) {
            if (channel.read(bytes, offset + bytes.position()) < 0) {
              throw new IOException("the file ends before byte " + (offset + length));
            }
          }
          return bytes.array();
        } catch (ClosedChannelException e) {
          if (closed || attempt > 0) {
            throw new UncheckedIOException("cannot read the embedded table in " + dir, e);
          }
          reopen(inJournal, channel);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the embedded table in " + dir, e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The texts of the literals at {@code locations} (-1: none wanted, answered as null): neighbours
   * in the same file, in order and at most {@link #GATHER_GAP} bytes apart, are read with one read.
   */
  String[] texts(long[] locations, int[] lengths) {
    String[] texts = new String[locations.length];
    for (int first = 0; first < locations.length; ) {
      if (locations[first] < 0) {
        first++;
        continue;
      }
      long start = locations[first];
      long end = start + lengths[first];
      int last = first;
      while (last + 1 < locations.length
          && locations[last + 1] >= end
          && ((locations[last + 1] ^ start) & IN_JOURNAL) == 0
          && locations[last + 1] - end <= GATHER_GAP
          && locations[last + 1] + lengths[last + 1] - start <= GATHER_LIMIT) {
        last++;
        end = locations[last] + lengths[last];
      }
      if (last == first) {
        texts[first] = JournalLine.text(read(start, lengths[first]));
      } else {
        byte[] run = read(start, (int) (end - start));
        for (int i = first; i <= last; i++) {
          texts[i] = JournalLine.text(run, (int) (locations[i] - start), lengths[i]);
        }
      }
      first = last + 1;
    }
    return texts;
  }

  /**
   * Replaces snapshot and journal by a snapshot of {@code items}, the live state at this moment,
   * read from the current files as it is written. Once the new snapshot is in place, {@code
   * relocate} gets the new location of each item's data, in the order of {@code items} (unused for
   * items whose data is in memory); readers must be held off from then until it returns.
   */
  void compact(Iterable<Entry> items, Consumer<long[]> relocate) {
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    FileChannel newReader = null;
    long[] locations = new long[1024];
    int count = 0;
    long newSnapshotSize;
    try {
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        JournalLine line = new JournalLine();
        long written = 0;
        for (Entry entry : items) {
          Slot slot = entry.slot();
          byte[] data =
              slot.onDisk()
                  ? read(slot.location, slot.length)
                  : slot.inline() == null ? null : JournalLine.literal(slot.inline());
          int at = line.stored(entry.pk(), entry.sk(), slot.version, slot.expiresAt(), data);
          if (count == locations.length) {
            locations = Arrays.copyOf(locations, count * 2);
          }
          locations[count++] = written + at;
          if (line.changes() == ITEMS_PER_SNAPSHOT_LINE || line.size() >= BYTES_PER_SNAPSHOT_LINE) {
            written += writeFully(out, line.finish());
            line.reset();
          }
        }
        if (line.changes() > 0) {
          written += writeFully(out, line.finish());
        }
        out.force(true);
        newSnapshotSize = written;
      }
      // Opened before the rename, so it reads the new snapshot whatever the name then holds.
      newReader = FileChannel.open(tmp, StandardOpenOption.READ);
      Files.move(
          tmp,
          dir.resolve(SNAPSHOT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (newReader != null) {
        closeQuietly(newReader);
      }
      throw new UncheckedIOException("cannot compact the embedded table in " + dir, e);
    }
    // From here the new snapshot is the one on disk: nothing may fail before the table follows it.
    forceDirectory();
    FileChannel oldReader = snapshotReader;
    snapshotReader = newReader;
    snapshotSize = newSnapshotSize;
    relocate.accept(locations);
    if (oldReader != null) {
      closeQuietly(oldReader);
    }
    try {
      if (appender == null) {
        appender =
            FileChannel.open(
                dir.resolve(JOURNAL),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      }
      if (journalReader == null) {
        journalReader = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.READ);
      }
      // Replaying the old journal over the new snapshot changes nothing, so a failure here loses
      // nothing: appends go on after the old lines until a later compaction truncates them.
      appender.truncate(0);
      size = 0; // before the force: appends go to the file's end, which locations must follow
      broken = null;
      appender.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate the journal in " + dir, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try (lockChannel) {
      if (appender != null) {
        appender.close();
      }
      if (snapshotReader != null) {
        snapshotReader.close();
      }
      if (journalReader != null) {
        journalReader.close();
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
      Replay replay, EmbeddedItemTable.OnDamage onDamage, List<Path> damaged) {
    Path file = dir.resolve(SNAPSHOT);
    snapshotReader = openReader(file);
    int whole = 0;
    int skipped = 0;
    for (Lines lines = new Lines(file, snapshotReader); lines.next(); ) {
      Optional<List<Change>> changes = lines.decode();
      if (changes.isPresent()) {
        replay.apply(changes.get(), lines.start);
        whole++;
      } else if (onDamage == EmbeddedItemTable.OnDamage.STOP) {
        throw new DamagedDataException(file, lines.start, whole);
      } else {
        skipped++;
      }
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
  private void readJournal(Replay replay, EmbeddedItemTable.OnDamage onDamage, List<Path> damaged) {
    Path file = dir.resolve(JOURNAL);
    journalReader = openReader(file);
    int whole = 0;
    for (Lines lines = new Lines(file, journalReader); lines.next(); ) {
      Optional<List<Change>> changes = lines.decode();
      if (changes.isPresent()) {
        replay.apply(changes.get(), IN_JOURNAL | lines.start);
        whole++;
        continue;
      }
      if (lines.isLast() && lines.couldBeTorn()) {
        Log.LOG.log(
            System.Logger.Level.WARNING,
            "dropped the torn last line of "
                + file
                + " at byte "
                + lines.start
                + " ("
                + (lines.fileSize - lines.start)
                + " bytes): a write that a crash interrupted; "
                + whole
                + " whole lines before it are kept");
        return;
      }
      if (onDamage == EmbeddedItemTable.OnDamage.STOP) {
        throw new DamagedDataException(file, lines.start, whole);
      }
      damaged.add(file);
      long damagedAt = lines.start;
      int readableAfter = 0;
      while (lines.next()) {
        if (lines.decode().isPresent()) {
          readableAfter++;
        }
      }
      Log.LOG.log(
          System.Logger.Level.WARNING,
          "repair: kept the "
              + whole
              + " journal lines before byte "
              + damagedAt
              + " of "
              + file
              + "; the "
              + readableAfter
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

  /** A reader of {@code file}, or null when there is no such file yet. */
  private FileChannel openReader(Path file) {
    try {
      return Files.exists(file) ? FileChannel.open(file, StandardOpenOption.READ) : null;
    } catch (IOException e) {
      throw UnusableDataFolderException.of(dir, "reading " + file.getFileName(), e);
    }
  }

  /** Replaces a reader that an interrupt closed, unless another thread did already. */
  private synchronized void reopen(boolean inJournal, FileChannel closedOne) {
    if ((inJournal ? journalReader : snapshotReader) != closedOne) {
      return;
    }
    try {
      FileChannel again =
          FileChannel.open(dir.resolve(inJournal ? JOURNAL : SNAPSHOT), StandardOpenOption.READ);
      if (inJournal) {
        journalReader = again;
      } else {
        snapshotReader = again;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded table in " + dir, e);
    }
  }

  private static long writeFully(FileChannel out, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
    return bytes.length;
  }

  /**
   * The lines of a file, one at a time: the buffer holds the longest line, never the whole file.
   */
  private final class Lines {
    private final Path file;
    private final FileChannel channel;
    final long fileSize;
    private byte[] buffer = new byte[1 << 16];
    private long bufferStart;
    private int filled;
    private int next;

    /** The current line: its file offset and its bytes in the buffer, without the newline. */
    long start;

    private int from;
    private int to;
    private boolean ended;

    Lines(Path file, FileChannel channel) {
      this.file = file;
      this.channel = channel;
      try {
        this.fileSize = channel == null ? 0 : channel.size();
      } catch (IOException e) {
        throw UnusableDataFolderException.of(dir, "reading " + file.getFileName(), e);
      }
    }

    boolean next() {
      if (bufferStart + next >= fileSize) {
        return false;
      }
      int scanned = next;
      while (true) {
        int newline = indexOf((byte) '\n', scanned, filled);
        if (newline >= 0) {
          line(newline, true);
          return true;
        }
        scanned = filled;
        if (bufferStart + filled >= fileSize) {
          line(filled, false);
          return true;
        }
        scanned -= fill();
      }
    }

    Optional<List<Change>> decode() {
      // A line without its newline decodes as damaged: every line written ends with one.
      return ended ? JournalLine.decode(buffer, from, to, inlineDataBytes) : Optional.empty();
    }

    /** Whether nothing follows this line in the file. */
    boolean isLast() {
      return bufferStart + next >= fileSize;
    }

    boolean couldBeTorn() {
      return JournalLine.couldBeTorn(buffer, from, to);
    }

    private void line(int end, boolean withNewline) {
      from = next;
      to = end;
      ended = withNewline;
      start = bufferStart + from;
      next = withNewline ? end + 1 : end;
    }

    private int indexOf(byte b, int fromIndex, int toIndex) {
      for (int i = fromIndex; i < toIndex; i++) {
        if (buffer[i] == b) {
          return i;
        }
      }
      return -1;
    }

    /**
     * Drops the lines before {@code next} from the buffer, grows it if full, and reads more;
     * answers by how many bytes the buffer's content moved.
     */
    private int fill() {
      int moved = next;
      if (next > 0) {
        System.arraycopy(buffer, next, buffer, 0, filled - next);
        bufferStart += next;
        filled -= next;
        next = 0;
      }
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      try {
        int n =
            channel.read(
                ByteBuffer.wrap(buffer, filled, buffer.length - filled), bufferStart + filled);
        if (n < 0) {
          throw new IOException("the file ended before byte " + fileSize);
        }
        filled += n;
        return moved;
      } catch (IOException e) {
        throw UnusableDataFolderException.of(dir, "reading " + file.getFileName(), e);
      }
    }
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
