package dev.userpool.store.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.protocol.Json;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.Write;
import dev.userpool.testing.MotoServer;
import dev.userpool.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Export and import at the item level, between the embedded store and DynamoDB (moto), in both
 * directions.
 */
class StoreTransferTest {
  private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  @TempDir Path dir;

  /**
   * Items shaped like the real ones: a pool, a user with a verifier, a unique key, a membership,
   * keys, a code.
   */
  private static List<Item> sample(long now) {
    return List.of(
        Item.of("POOLS", "POOL#us-east-1_Abc", "{\"name\":\"pool ü \\\"quoted\\\"\\nnext\"}"),
        Item.of(
            "POOL#us-east-1_Abc", "USER#sub-1", "{\"username\":\"alice\",\"verifier\":\"ab12\"}"),
        Item.of("POOL#us-east-1_Abc", "KEY#USERNAME#alice", "{\"sub\":\"sub-1\"}"),
        Item.of("POOL#us-east-1_Abc", "GROUP#admins", "{\"precedence\":1}"),
        Item.of("POOL#us-east-1_Abc", "MEMBER#admins#sub-1", "{}"),
        Item.of("POOL#us-east-1_Abc", "SIGNKEY#0000000000000000001", "{\"private\":\"MII...\"}"),
        Item.of("POOL#us-east-1_Abc", "CLIENT#client1", "{\"secret\":\"s3cr3t\"}"),
        Item.of("CLIENT#client1", "CLIENT", "{\"poolId\":\"us-east-1_Abc\"}"),
        Item.of("DEPLOYMENT", "KEY#code-hash", "{\"key\":\"AAAA\"}"),
        Item.of("POOL#us-east-1_Abc", "CODE#sub-1#signup", "{\"hash\":\"x\"}")
            .withExpiresAt(now + 3600));
  }

  private EmbeddedItemTable seeded() {
    EmbeddedItemTable table = EmbeddedItemTable.inMemory(clock);
    for (Item item : sample(clock.epochSecond())) {
      table.write(List.of(Write.put(item, Condition.ABSENT)));
    }
    // Expired items are not part of a store's content and are not exported.
    table.write(
        List.of(
            Write.put(
                Item.of("POOL#us-east-1_Abc", "CODE#sub-1#old", "{}")
                    .withExpiresAt(clock.epochSecond() - 1),
                Condition.NONE)));
    return table;
  }

  private Path export(FullScan source) throws IOException {
    Path file = dir.resolve("export-" + System.nanoTime() + ".jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      StoreExport.export(source, out, clock.instant());
    }
    return file;
  }

  /** Content only: versions grow by one on every put, so they are not part of what must survive. */
  private static Set<String> content(FullScan table) {
    Set<String> lines = new TreeSet<>();
    table.forEachLiveItem(
        i -> lines.add(i.pk() + " | " + i.sk() + " | " + i.expiresAt() + " | " + i.data()));
    return lines;
  }

  @Test
  void whenExportedAndImportedIntoAnEmptyStoreThenEveryLiveItemIsThereUnchanged() throws Exception {
    EmbeddedItemTable source = seeded();
    Path file = export(source);
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);

    ImportResult result = new StoreImport(target, clock.epochSecond(), false).run(file);

    assertEquals(content(source), content(target));
    assertEquals(10, result.written());
    assertEquals(0, result.conflictCount());
  }

  @Test
  void whenExportedThenLinesWithSecretsAreMarkedAndPlainOnesAreNot() throws Exception {
    List<String> lines = Files.readAllLines(export(seeded()));
    assertEquals("userpool-store", Json.read(lines.get(0)).path("format").asText());
    assertEquals(12, lines.size(), "header, 10 live items, trailer");
    List<String> secret = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      var node = Json.read(line);
      if (node.path("secret").asBoolean(false)) {
        secret.add(node.path("sk").asText());
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "USER#sub-1",
                "SIGNKEY#0000000000000000001",
                "CLIENT#client1",
                "KEY#code-hash",
                "CODE#sub-1#signup")),
        new TreeSet<>(secret));
  }

  @Test
  void whenMovedFromTheEmbeddedStoreToDynamoDbAndBackThenNothingChanges() throws Exception {
    DynamoDbClient client = MotoServer.dynamoDbClient();
    String name = MotoServer.uniqueTableName(StoreTransferTest.class);
    DynamoDbItemTable.createTable(client, name);
    DynamoDbItemTable dynamo = new DynamoDbItemTable(client, name, clock);
    EmbeddedItemTable source = seeded();

    new StoreImport(dynamo, clock.epochSecond(), false).run(export(source));
    assertEquals(content(source), content(dynamo));

    EmbeddedItemTable back = EmbeddedItemTable.open(dir.resolve("back"), clock);
    ImportResult result = new StoreImport(back, clock.epochSecond(), false).run(export(dynamo));
    assertEquals(content(source), content(back));
    assertEquals(10, result.written());
    back.close();
  }

  @Test
  void whenImportedTwiceThenTheSecondRunFindsEverythingPresentAndWritesNothing() throws Exception {
    Path file = export(seeded());
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);
    new StoreImport(target, clock.epochSecond(), false).run(file);
    String before = target.dump();

    ImportResult again = new StoreImport(target, clock.epochSecond(), false).run(file);

    assertEquals(0, again.written());
    assertEquals(10, again.alreadyPresent());
    assertEquals(before, target.dump());
  }

  @Test
  void whenAnImportWasInterruptedThenRunningItAgainCompletesIt() throws Exception {
    Path file = export(seeded());
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);
    // What a first run had written before it stopped.
    target.write(List.of(Write.put(sample(clock.epochSecond()).get(0), Condition.ABSENT)));

    ImportResult result = new StoreImport(target, clock.epochSecond(), false).run(file);

    assertEquals(9, result.written());
    assertEquals(1, result.alreadyPresent());
    assertEquals(content(seeded()), content(target));
  }

  @Test
  void whenTheTargetHoldsAnItemWithOtherContentThenItIsReportedAndLeftAlone() throws Exception {
    Path file = export(seeded());
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);
    target.write(
        List.of(
            Write.put(
                Item.of("POOLS", "POOL#us-east-1_Abc", "{\"name\":\"theirs\"}"),
                Condition.ABSENT)));

    ImportResult result = new StoreImport(target, clock.epochSecond(), false).run(file);

    assertEquals(1, result.conflictCount());
    assertEquals(List.of("POOLS / POOL#us-east-1_Abc"), result.conflicts());
    assertEquals(
        "{\"name\":\"theirs\"}", target.get("POOLS", "POOL#us-east-1_Abc").orElseThrow().data());
  }

  @Test
  void whenTheFileIsCutShortThenNothingIsWritten() throws Exception {
    Path file = export(seeded());
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, lines.size() - 3));
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);

    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () -> new StoreImport(target, clock.epochSecond(), false).run(file));

    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    assertEquals("", target.dump());
  }

  @Test
  void whenALineInTheMiddleIsDamagedThenTheImportNamesItAndWritesNothing() throws Exception {
    Path file = export(seeded());
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(5, lines.get(5).substring(0, 20));
    Files.write(file, lines);
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);

    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () -> new StoreImport(target, clock.epochSecond(), false).run(file));

    assertTrue(e.getMessage().contains("line 6: not a JSON object"), e.getMessage());
    assertEquals("", target.dump());
  }

  @Test
  void whenTheFileComesFromANewerFormatThenItIsRefused() throws Exception {
    Path file = export(seeded());
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(0, lines.get(0).replace("\"version\":1", "\"version\":2"));
    Files.write(file, lines);
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);

    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () -> new StoreImport(target, clock.epochSecond(), false).run(file));

    assertTrue(e.getMessage().contains("export format 2 by a newer Userpool"), e.getMessage());
    assertEquals("", target.dump());
  }

  @Test
  void whenTheFileIsNotAnExportThenItIsRefused() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello\n", StandardCharsets.UTF_8);
    assertThrows(
        ImportRefusedException.class,
        () ->
            new StoreImport(EmbeddedItemTable.inMemory(clock), clock.epochSecond(), false)
                .run(file));
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, '\n'});
    assertThrows(
        ImportRefusedException.class,
        () ->
            new StoreImport(EmbeddedItemTable.inMemory(clock), clock.epochSecond(), false)
                .run(file));
  }

  @Test
  void whenTheTargetHasOtherDeploymentKeysThenTheImportIsRefusedUnlessTheyAreKept()
      throws Exception {
    Path file = export(seeded());
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);
    target.write(
        List.of(
            Write.put(
                Item.of("DEPLOYMENT", "KEY#code-hash", "{\"key\":\"BBBB\"}"), Condition.ABSENT)));
    String before = target.dump();

    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () -> new StoreImport(target, clock.epochSecond(), false).run(file));
    assertTrue(e.getMessage().contains("--keep-target-keys"), e.getMessage());
    assertEquals(before, target.dump());

    ImportResult kept = new StoreImport(target, clock.epochSecond(), true).run(file);
    assertEquals(1, kept.targetKeysKept());
    assertEquals(9, kept.written());
    assertEquals(
        "{\"key\":\"BBBB\"}", target.get("DEPLOYMENT", "KEY#code-hash").orElseThrow().data());
  }

  @Test
  void whenItemsExpireBetweenExportAndImportThenTheyAreNotWritten() throws Exception {
    Path file = export(seeded());
    clock.advance(java.time.Duration.ofHours(2));
    EmbeddedItemTable target = EmbeddedItemTable.inMemory(clock);

    ImportResult result = new StoreImport(target, clock.epochSecond(), false).run(file);

    assertEquals(1, result.expired());
    assertFalse(target.get("POOL#us-east-1_Abc", "CODE#sub-1#signup").isPresent());
  }
}
