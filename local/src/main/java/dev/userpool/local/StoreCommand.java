package dev.userpool.local;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.transfer.ImportRefusedException;
import dev.userpool.store.transfer.ImportResult;
import dev.userpool.store.transfer.StoreExport;
import dev.userpool.store.transfer.StoreImport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * {@code export} and {@code import}: a whole store to a JSON Lines file and back, between an
 * embedded folder and DynamoDB in any combination. Exit codes: 0 done, 1 done but some items
 * conflicted, 2 refused (bad options, a damaged or newer file, a store that cannot be opened) with
 * nothing written.
 */
final class StoreCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar userpool-local.jar export --out FILE STORE",
          "       java -jar userpool-local.jar import --in FILE STORE [--keep-target-keys]",
          "STORE is one of:",
          "  --data-dir DIR                     an embedded store's folder (default ./.userpool)",
          "  --table NAME [--region R]          a deployment's DynamoDB table (default AWS credentials chain)",
          "  --dynamodb-endpoint URL [--table NAME] [--region R]",
          "                                     a DynamoDB-compatible endpoint (table default: userpool)",
          "--keep-target-keys   keep the target's own deployment keys instead of refusing the import",
          "The export holds password verifiers, client secrets and private keys: it is written readable by its owner",
          "only; keep it encrypted at rest.");

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  StoreCommand(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("export") || args[0].equals("import"));
  }

  int run(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      return options.export() ? export(options) : importFile(options);
    } catch (ImportRefusedException e) {
      err.println("import refused, nothing written: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println((options.export() ? "export failed: " : "import failed: ") + describe(e));
      return 2;
    }
  }

  private int export(Options options) throws IOException {
    Path file = options.file();
    OutputStream stream;
    try {
      stream =
          Files.newOutputStream(
              Files.createFile(
                  file,
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------"))),
              StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      err.println(
          file + " already exists; choose another name (an export never overwrites a file)");
      return 2;
    }
    long items;
    try (stream;
        var table = new Closing<>(options.store().open(clock, false))) {
      items = StoreExport.export(table.value(), stream, clock.instant());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file); // a partial export must not be mistaken for a whole one
      throw e;
    }
    out.println(
        "exported "
            + items
            + " items from "
            + options.store().describe()
            + " to "
            + file
            + " (contains secrets: keep it private)");
    return 0;
  }

  private int importFile(Options options) throws IOException, ImportRefusedException {
    if (!Files.isRegularFile(options.file())) {
      err.println(options.file() + " is not a file");
      return 2;
    }
    ImportResult result;
    try (var table = new Closing<>(options.store().open(clock, true))) {
      result =
          new StoreImport(table.value(), clock.instant().getEpochSecond(), options.keepTargetKeys())
              .run(options.file());
    }
    out.println(
        "imported into "
            + options.store().describe()
            + ": "
            + result.written()
            + " written, "
            + result.alreadyPresent()
            + " already present, "
            + result.expired()
            + " expired since the export"
            + (result.targetKeysKept() > 0
                ? ", " + result.targetKeysKept() + " deployment keys kept"
                : "")
            + ", "
            + result.conflictCount()
            + " conflicts");
    if (result.conflictCount() > 0) {
      err.println("these items exist in the target with other content and were left as they are:");
      result.conflicts().forEach(key -> err.println("  " + key));
      return 1;
    }
    return 0;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Closes the embedded store (which holds its folder's lock); DynamoDB tables need no closing. */
  private record Closing<T extends ItemTable & FullScan>(T value) implements AutoCloseable {
    @Override
    public void close() {
      if (value instanceof EmbeddedItemTable embedded) {
        embedded.close();
      }
    }
  }

  record Options(boolean export, Path file, StoreLocation store, boolean keepTargetKeys) {
    static Options parse(String[] args) {
      boolean export = args[0].equals("export");
      Path file = null;
      Path dataDir = null;
      String table = null;
      String endpoint = null;
      String region = null;
      boolean keep = false;
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--out" -> file = export ? Path.of(value(args, ++i, option)) : unknown(option);
          case "--in" -> file = !export ? Path.of(value(args, ++i, option)) : unknown(option);
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
          case "--table" -> table = value(args, ++i, option);
          case "--dynamodb-endpoint" -> endpoint = value(args, ++i, option);
          case "--region" -> region = value(args, ++i, option);
          case "--keep-target-keys" -> {
            if (export) {
              unknown(option);
            }
            keep = true;
          }
          default -> unknown(option);
        }
      }
      if (file == null) {
        throw new IllegalArgumentException(
            args[0] + " needs " + (export ? "--out FILE" : "--in FILE"));
      }
      if (dataDir != null && (table != null || endpoint != null)) {
        throw new IllegalArgumentException(
            "--data-dir names an embedded store; it cannot be combined with"
                + " --table or --dynamodb-endpoint");
      }
      boolean dynamo = table != null || endpoint != null;
      StoreLocation store =
          dynamo
              ? new StoreLocation(
                  null,
                  table == null ? StoreLocation.DEFAULT_TABLE : table,
                  endpoint,
                  region != null ? region : defaultRegion())
              : new StoreLocation(
                  dataDir == null ? Path.of(".userpool") : dataDir, null, null, null);
      return new Options(export, file, store, keep);
    }

    /** The AWS CLI's environment variables, as the SDK's default region chain reads them. */
    private static String defaultRegion() {
      for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
      return "us-east-1";
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static <T> T unknown(String option) {
      throw new IllegalArgumentException("unknown option " + option);
    }
  }
}
