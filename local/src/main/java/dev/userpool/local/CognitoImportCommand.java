package dev.userpool.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.migration.CognitoApi;
import dev.userpool.migration.CognitoApiException;
import dev.userpool.migration.CognitoPoolImport;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * {@code import-cognito}: a Cognito user pool, read through the Cognito API with the default AWS
 * credentials chain, written into a Userpool store under the same ids (see {@link
 * CognitoPoolImport}). Exit codes: 0 done, 1 done with users that could not be imported, 2 refused
 * or failed (re-running continues where it stopped).
 */
final class CognitoImportCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar userpool-local.jar import-cognito --source-pool POOL_ID [--source-endpoint URL]",
          "           [--migration-client-id CLIENT_ID] STORE",
          "STORE: --data-dir DIR (default ./.userpool) | --table NAME [--region R]"
              + " | --dynamodb-endpoint URL [--table NAME] [--region R]",
          "--source-endpoint      the Cognito API to read (default: AWS in the pool's region)",
          "--migration-client-id  the source app client that checks passwords on first sign-in (default: the first"
              + " allowing ADMIN_USER_PASSWORD_AUTH)");

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  CognitoImportCommand(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  static boolean handles(String[] args) {
    return args.length > 0 && args[0].equals("import-cognito");
  }

  int run(String[] args) {
    String poolId = null;
    String endpoint = null;
    String migrationClient = null;
    Path dataDir = null;
    String table = null;
    String dynamoDbEndpoint = null;
    String region = null;
    try {
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--source-pool" -> poolId = value(args, ++i, option);
          case "--source-endpoint" -> endpoint = value(args, ++i, option);
          case "--migration-client-id" -> migrationClient = value(args, ++i, option);
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
          case "--table" -> table = value(args, ++i, option);
          case "--dynamodb-endpoint" -> dynamoDbEndpoint = value(args, ++i, option);
          case "--region" -> region = value(args, ++i, option);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (poolId == null) {
        throw new IllegalArgumentException("import-cognito needs --source-pool POOL_ID");
      }
      if (dataDir != null && (table != null || dynamoDbEndpoint != null)) {
        throw new IllegalArgumentException(
            "--data-dir cannot be combined with --table or --dynamodb-endpoint");
      }
      CognitoApi.regionOf(poolId);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    String sourceRegion = CognitoApi.regionOf(poolId);
    StoreLocation store =
        dataDir != null || (table == null && dynamoDbEndpoint == null)
            ? new StoreLocation(dataDir == null ? Path.of(".userpool") : dataDir, null, null, null)
            : new StoreLocation(
                null,
                table == null ? StoreLocation.DEFAULT_TABLE : table,
                dynamoDbEndpoint,
                region == null ? sourceRegion : region);
    ItemTable items = null;
    try {
      items = store.open(clock, true);
      AppConfig config =
          new AppConfig("memory", null, null, null, AppConfig.DEFAULT_ACCOUNT, sourceRegion, null);
      Wiring wiring = new Wiring(config, clock, items, RequestAuthenticator.ACCEPT_ALL);
      CognitoApi api =
          new CognitoApi(endpoint, sourceRegion, DefaultCredentialsProvider.builder().build());
      CognitoPoolImport.Summary s =
          new CognitoPoolImport(api, endpoint, wiring.dependencies(), targetApi(wiring), err)
              .run(poolId, migrationClient);
      out.println(
          "imported "
              + poolId
              + " into "
              + store.describe()
              + ": pool "
              + (s.poolCreated() ? "created" : "already there")
              + ", "
              + s.clients()
              + " app clients ("
              + s.clientsSkipped()
              + " already there), "
              + s.groups()
              + " groups ("
              + s.groupsSkipped()
              + " already there), "
              + s.users()
              + " users ("
              + s.usersSkipped()
              + " already there), "
              + s.memberships()
              + " group memberships");
      out.println(
          s.migrationClientId() == null
              ? "no app client allows ADMIN_USER_PASSWORD_AUTH: imported users need a password reset"
                  + " (or run again with --migration-client-id)"
              : "passwords move on each user's first USER_PASSWORD_AUTH sign-in, checked through app client "
                  + s.migrationClientId());
      if (!s.notImported().isEmpty()) {
        out.println("not imported (refused by this store): " + String.join(", ", s.notImported()));
      }
      if (!s.failures().isEmpty()) {
        err.println(s.failures().size() + " users could not be imported:");
        s.failures().forEach(f -> err.println("  " + f));
        return 1;
      }
      return 0;
    } catch (CognitoApiException e) {
      err.println(
          "the source pool answered "
              + e.getMessage()
              + "; nothing more was imported (run again to"
              + " continue)");
      return 2;
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("import-cognito failed: " + e.getMessage() + " (run again to continue)");
      return 2;
    } finally {
      if (items instanceof EmbeddedItemTable embedded) {
        embedded.close();
      }
    }
  }

  /** The target's own operations, called as a client would call them (no signature needed here). */
  private static CognitoPoolImport.TargetApi targetApi(Wiring wiring) {
    return (operation, input) -> {
      ApiResponse response =
          wiring
              .protocol()
              .handle(
                  new ApiRequest(
                      "POST",
                      "/",
                      Map.of(
                          "X-Amz-Target",
                          "AWSCognitoIdentityProviderService." + operation,
                          "Content-Type",
                          "application/x-amz-json-1.1"),
                      Json.write(input).getBytes(StandardCharsets.UTF_8),
                      "127.0.0.1"))
              .response();
      if (response.status() == 200) {
        return null;
      }
      JsonNode error = Json.read(new String(response.body(), StandardCharsets.UTF_8));
      return error.path("__type").asText() + ": " + error.path("message").asText();
    };
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
