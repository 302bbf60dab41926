package dev.userpool.store.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@link ExportFormat} file into a store. The whole file is checked before the first write
 * (header and version, every line, no key twice, the trailer's count), so a damaged, truncated or
 * newer file changes nothing. Writes never overwrite: an item the target already holds with the
 * same content counts as already present, which makes an interrupted import safe to run again; one
 * it holds with other content is reported as a conflict and left alone.
 *
 * <p>Deployment keys seal data at rest (e.g. TOTP secrets) and key the code hashes, so a target
 * whose keys differ from the file's is refused unless the caller chooses to keep the target's keys.
 */
public final class StoreImport {
  private static final int BATCH = 25;
  private static final int CONFLICTS_LISTED = 20;

  private final ItemTable target;
  private final long nowEpochSeconds;
  private final boolean keepTargetKeys;

  /**
   * @param keepTargetKeys skip the file's deployment keys where the target has its own; data sealed
   *     with the file's keys (TOTP secrets, pending codes) then no longer opens
   */
  public StoreImport(ItemTable target, long nowEpochSeconds, boolean keepTargetKeys) {
    this.target = target;
    this.nowEpochSeconds = nowEpochSeconds;
    this.keepTargetKeys = keepTargetKeys;
  }

  public ImportResult run(Path file) throws IOException, ImportRefusedException {
    checkDeploymentKeys(check(file));
    return write(file);
  }

  /**
   * The first pass: answers the file's deployment keys, or refuses the file with the line at fault.
   */
  private List<Item> check(Path file) throws IOException, ImportRefusedException {
    Set<String> keys = new HashSet<>();
    List<Item> deploymentKeys = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first == null) {
        throw new ImportRefusedException(file + " is empty: not a Userpool export");
      }
      checkHeader(file, parse(file, 1, first));
      long lineNumber = 1;
      long items = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        JsonNode node = parse(file, lineNumber, line);
        if (node.path("end").asBoolean(false)) {
          long declared = node.path("items").asLong(-1);
          if (declared != items) {
            throw new ImportRefusedException(
                file
                    + " line "
                    + lineNumber
                    + ": the trailer counts "
                    + declared
                    + " items but the file holds "
                    + items);
          }
          if (reader.readLine() != null) {
            throw new ImportRefusedException(
                file + " has lines after its trailer (line " + lineNumber + ")");
          }
          return deploymentKeys;
        }
        Item item;
        try {
          item = ExportFormat.item(node);
        } catch (IllegalArgumentException e) {
          throw new ImportRefusedException(file + " line " + lineNumber + ": " + e.getMessage());
        }
        if (!keys.add(item.pk() + '\u0000' + item.sk())) {
          throw new ImportRefusedException(
              file
                  + " line "
                  + lineNumber
                  + ": the item "
                  + item.pk()
                  + " / "
                  + item.sk()
                  + " appears twice");
        }
        if (ExportFormat.isDeploymentKey(item)) {
          deploymentKeys.add(item);
        }
        items++;
      }
      throw new ImportRefusedException(
          file
              + " ends without its trailer line after "
              + lineNumber
              + " lines: the export was cut short; export again");
    } catch (CharacterCodingException e) {
      throw new ImportRefusedException(file + " is not UTF-8 text: not a Userpool export");
    }
  }

  private static void checkHeader(Path file, JsonNode header) throws ImportRefusedException {
    if (!ExportFormat.FORMAT.equals(header.path("format").asText())) {
      throw new ImportRefusedException(
          file
              + " line 1: not a Userpool export (no \"format\":\""
              + ExportFormat.FORMAT
              + "\" header)");
    }
    int version = header.path("version").asInt(-1);
    if (version > ExportFormat.VERSION) {
      throw new ImportRefusedException(
          file
              + " was written in export format "
              + version
              + " by a newer Userpool;"
              + " this one reads format "
              + ExportFormat.VERSION
              + " and older: import it with the newer version");
    }
    if (version < 1) {
      throw new ImportRefusedException(file + " line 1: the header has no valid \"version\"");
    }
  }

  private static JsonNode parse(Path file, long lineNumber, String line)
      throws ImportRefusedException {
    try {
      JsonNode node = Json.read(line);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException();
      }
      return node;
    } catch (RuntimeException e) {
      throw new ImportRefusedException(file + " line " + lineNumber + ": not a JSON object");
    }
  }

  private void checkDeploymentKeys(List<Item> fileKeys) throws ImportRefusedException {
    if (keepTargetKeys) {
      return;
    }
    for (Item key : fileKeys) {
      Optional<Item> existing = target.get(key.pk(), key.sk());
      if (existing.isPresent() && !existing.get().data().equals(key.data())) {
        throw new ImportRefusedException(
            "the target already has its own deployment key "
                + key.sk()
                + ", different from the export's. Import into a new store, or pass --keep-target-keys to keep the"
                + " target's keys (TOTP secrets and pending codes from the export then stop working)");
      }
    }
  }

  /**
   * The second pass: writes in batches; a batch that meets an existing item is redone item by item.
   */
  private ImportResult write(Path file) throws IOException {
    Counts counts = new Counts();
    List<Item> batch = new ArrayList<>(BATCH);
    forEachItem(
        file,
        item -> {
          if (item.isExpiredAt(nowEpochSeconds)) {
            counts.expired++;
            return;
          }
          batch.add(item);
          if (batch.size() == BATCH) {
            writeBatch(batch, counts);
            batch.clear();
          }
        });
    writeBatch(batch, counts);
    return new ImportResult(
        counts.written,
        counts.alreadyPresent,
        counts.expired,
        counts.targetKeysKept,
        counts.conflictCount,
        List.copyOf(counts.conflicts));
  }

  private void writeBatch(List<Item> batch, Counts counts) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      target.write(batch.stream().map(i -> Write.put(i, Condition.ABSENT)).toList());
      counts.written += batch.size();
    } catch (ConditionFailedException someExist) {
      batch.forEach(item -> writeOne(item, counts));
    }
  }

  private void writeOne(Item item, Counts counts) {
    try {
      target.write(List.of(Write.put(item, Condition.ABSENT)));
      counts.written++;
    } catch (ConditionFailedException exists) {
      Optional<Item> existing = target.get(item.pk(), item.sk());
      if (existing.isPresent() && sameContent(existing.get(), item)) {
        counts.alreadyPresent++;
      } else if (ExportFormat.isDeploymentKey(item) && keepTargetKeys) {
        counts.targetKeysKept++;
      } else {
        counts.conflictCount++;
        if (counts.conflicts.size() < CONFLICTS_LISTED) {
          counts.conflicts.add(item.pk() + " / " + item.sk());
        }
      }
    }
  }

  /** Stored JSON may differ in spacing between backends; compare documents, not text. */
  private static boolean sameContent(Item a, Item b) {
    return a.data().equals(b.data()) || Json.read(a.data()).equals(Json.read(b.data()));
  }

  private interface ItemAction {
    void accept(Item item);
  }

  /** Items of an already checked file, streamed. */
  private static void forEachItem(Path file, ItemAction action) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine(); // header
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = Json.read(line);
        if (node.path("end").asBoolean(false)) {
          return;
        }
        action.accept(ExportFormat.item(node));
      }
    }
  }

  private static final class Counts {
    long written;
    long alreadyPresent;
    long expired;
    long targetKeysKept;
    long conflictCount;
    final List<String> conflicts = new ArrayList<>();
  }
}
