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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files of an embedded table: {@code snapshot} (the whole state at the last compaction) and {@code journal}
 * (one line per batch since then), guarded by a lock file so only one process writes them.
 *
 * <p>A batch is appended with one write call and not fsynced: a killed process loses nothing the OS accepted,
 * while a power cut may lose the last batches (fine for a local development server). A torn last line is
 * recognised by its checksum and dropped. A snapshot only ever replaces the old one by an atomic rename after
 * fsync, and the journal is truncated only after that, so a crash at any point leaves snapshot plus journal
 * describing the same state (replaying a journal over the snapshot it produced changes nothing).
 */
final class Journal implements AutoCloseable {
  private static final String SNAPSHOT = "snapshot";
  private static final String JOURNAL = "journal";
  private static final int ITEMS_PER_SNAPSHOT_LINE = 500;

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
   * Locks the folder and feeds the snapshot and then every whole journal batch to {@code replay}. The caller then
   * {@linkplain #compact compacts}, which drops a torn tail and opens the journal for appending.
   */
  static Journal open(Path dir, Consumer<List<Change>> replay) {
    try {
      Files.createDirectories(dir);
      FileChannel lockChannel =
          FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("the embedded table in " + dir + " is already open");
      }
      Journal journal = new Journal(dir, lockChannel, lock);
      try {
        Files.deleteIfExists(dir.resolve(SNAPSHOT + ".tmp"));
        journal.read(dir.resolve(SNAPSHOT), replay, true);
        journal.read(dir.resolve(JOURNAL), replay, false);
        return journal;
      } catch (IOException | RuntimeException e) {
        journal.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the embedded table in " + dir, e);
    }
  }

  /** Appends one batch as one line; on failure the journal is cut back so no partial line stays before later ones. */
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

  /** Replaces snapshot and journal by a snapshot of {@code items}: the live state at this moment. */
  void compact(Iterable<Item> items) {
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
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
      Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
      if (appender != null) {
        appender.close();
      }
      appender = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
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

  private void read(Path file, Consumer<List<Change>> replay, boolean mustBeWhole) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        var changes = JournalLine.decode(bytes, start, i);
        if (changes.isEmpty()) {
          break; // damaged: this batch and anything after it never completed
        }
        replay.accept(changes.get());
        start = i + 1;
      }
    }
    if (mustBeWhole && start != bytes.length) {
      throw new IllegalStateException("the snapshot in " + dir + " is damaged at byte " + start);
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, and those need no such step. */
  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException unsupported) {
      // e.g. Windows
    }
  }
}
