package dev.userpool.local;

import dev.userpool.config.AppConfig;
import dev.userpool.config.Limits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local server's command line: {@code [--port N] [--data-dir DIR | --in-memory] [--region R] [--account A]
 * [--issuer-base-url URL] [--admin-key ACCESS_KEY_ID:SECRET_KEY]... [--lambda-endpoint URL] [--ses-endpoint URL]
 * [--sns-endpoint URL] [--sts-endpoint URL] [--dynamodb-endpoint URL [--table NAME]] [limits]}.
 *
 * @param adminKeys access key id to secret; empty means IAM operations accept any signature or none
 * @param lambdaEndpoint where trigger functions are invoked, e.g. {@code sam local start-lambda}'s
 *     {@code http://127.0.0.1:3001}; null means AWS Lambda in {@code region}
 * @param sesEndpoint an SES endpoint that emails are sent to (e.g. moto's); null keeps them in the outbox
 * @param snsEndpoint an SNS endpoint that SMS are published to; null keeps them in the outbox
 * @param stsEndpoint where a pool's SnsCallerArn role is assumed; null for {@code snsEndpoint}
 * @param store where state lives: the data folder, memory, or a DynamoDB table ({@link StoreOption})
 * @param limits the per-user quotas ({@code --codes-per-hour} …; Cognito's values by default)
 */
public record LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
    String issuerBaseUrl, Map<String, String> adminKeys, String lambdaEndpoint, String sesEndpoint,
    String snsEndpoint, String stsEndpoint, StoreOption store, Limits limits) {

  public LocalOptions {
    adminKeys = adminKeys == null ? Map.of() : Map.copyOf(adminKeys);
    store = store == null ? StoreOption.FOLDER_OR_MEMORY : store;
    limits = limits == null ? Limits.COGNITO : limits;
  }

  /**
   * A DynamoDB table instead of the folder: {@code --dynamodb-endpoint URL [--table NAME]}, created if missing
   * with the stack's key schema. {@code endpoint} null means the data folder or memory.
   */
  public record StoreOption(String dynamoDbEndpoint, String tableName) {
    public static final StoreOption FOLDER_OR_MEMORY = new StoreOption(null, null);
    public static final String DEFAULT_TABLE = "userpool";
  }

  public LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
      String issuerBaseUrl, Map<String, String> adminKeys, String lambdaEndpoint, String sesEndpoint,
      String snsEndpoint, String stsEndpoint) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint, sesEndpoint,
        snsEndpoint, stsEndpoint, null, null);
  }

  public LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
      String issuerBaseUrl) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, Map.of(), null);
  }

  public LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
      String issuerBaseUrl, Map<String, String> adminKeys) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, null);
  }

  public LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
      String issuerBaseUrl, Map<String, String> adminKeys, String lambdaEndpoint) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint, null, null);
  }

  public LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
      String issuerBaseUrl, Map<String, String> adminKeys, String lambdaEndpoint, String sesEndpoint,
      String snsEndpoint) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint, sesEndpoint,
        snsEndpoint, null);
  }

  public static final int DEFAULT_PORT = 9229;

  public static LocalOptions parse(String... args) {
    int port = DEFAULT_PORT;
    Path dataDir = Path.of(".userpool");
    boolean inMemory = false;
    String region = AppConfig.DEFAULT_REGION;
    String account = AppConfig.DEFAULT_ACCOUNT;
    String issuer = null;
    Map<String, String> adminKeys = new LinkedHashMap<>();
    String lambdaEndpoint = null;
    String sesEndpoint = null;
    String snsEndpoint = null;
    String stsEndpoint = null;
    String dynamoDbEndpoint = null;
    String table = StoreOption.DEFAULT_TABLE;
    Limits.Builder limits = Limits.COGNITO.toBuilder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--in-memory" -> inMemory = true;
        case "--region" -> region = value(args, ++i, arg);
        case "--account" -> account = value(args, ++i, arg);
        case "--issuer-base-url" -> issuer = value(args, ++i, arg);
        case "--admin-key" -> addAdminKey(adminKeys, value(args, ++i, arg));
        case "--lambda-endpoint" -> lambdaEndpoint = value(args, ++i, arg);
        case "--ses-endpoint" -> sesEndpoint = value(args, ++i, arg);
        case "--sns-endpoint" -> snsEndpoint = value(args, ++i, arg);
        case "--sts-endpoint" -> stsEndpoint = value(args, ++i, arg);
        case "--dynamodb-endpoint" -> dynamoDbEndpoint = value(args, ++i, arg);
        case "--table" -> table = value(args, ++i, arg);
        case "--codes-per-hour" -> limits.codesPerHour(count(args, ++i, arg));
        case "--code-attempts" -> limits.codeAttempts(count(args, ++i, arg));
        case "--forgot-password-attempts" -> limits.forgotPasswordAttempts(count(args, ++i, arg));
        case "--sign-in-attempts" -> limits.signInAttempts(count(args, ++i, arg));
        case "--password-change-attempts" -> limits.passwordChangeAttempts(count(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    return new LocalOptions(port, dataDir, inMemory, region, account, issuer, adminKeys, lambdaEndpoint,
        sesEndpoint, snsEndpoint, stsEndpoint, new StoreOption(dynamoDbEndpoint, table), limits.build());
  }

  /** A limit: a whole number, 0 meaning unlimited. */
  private static int count(String[] args, int i, String option) {
    String text = value(args, i, option);
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a whole number (0 = unlimited), not " + text + "\n"
        + usage());
  }

  /** {@code ACCESS_KEY_ID:SECRET_KEY}; the secret may itself contain colons (split at the first one). */
  private static void addAdminKey(Map<String, String> keys, String value) {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("--admin-key needs ACCESS_KEY_ID:SECRET_KEY\n" + usage());
    }
    keys.put(value.substring(0, colon), value.substring(colon + 1));
  }

  /** This configuration with SigV4 enforced for the given admin keys. */
  public LocalOptions withAdminKeys(Map<String, String> keys) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, keys, lambdaEndpoint,
        sesEndpoint, snsEndpoint, stsEndpoint, store, limits);
  }

  /** This configuration with trigger functions invoked at the given endpoint. */
  public LocalOptions withLambdaEndpoint(String endpoint) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, endpoint,
        sesEndpoint, snsEndpoint, stsEndpoint, store, limits);
  }

  /** This configuration with emails sent to an SES endpoint and SMS to an SNS endpoint (either may be null). */
  public LocalOptions withMessageEndpoints(String ses, String sns) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint,
        ses, sns, stsEndpoint, store, limits);
  }

  /** This configuration on a DynamoDB table at {@code endpoint} (e.g. moto), created if missing. */
  public LocalOptions withDynamoDb(String endpoint, String table) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint,
        sesEndpoint, snsEndpoint, stsEndpoint, new StoreOption(endpoint, table), limits);
  }

  /** This configuration with other per-user quotas. */
  public LocalOptions withLimits(Limits newLimits) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint,
        sesEndpoint, snsEndpoint, stsEndpoint, store, newLimits);
  }

  public static LocalOptions inMemoryOnFreePort() {
    return new LocalOptions(0, null, true, AppConfig.DEFAULT_REGION, AppConfig.DEFAULT_ACCOUNT, null);
  }

  public AppConfig toConfig() {
    String kind = store.dynamoDbEndpoint() != null ? "dynamodb" : inMemory ? "memory" : "embedded";
    return new AppConfig(kind, store.tableName(), store.dynamoDbEndpoint(), dataDir, accountId, region,
        issuerBaseUrl)
        .withLambdaEndpoint(lambdaEndpoint)
        .withMessages(new AppConfig.Messages(null, null, null, sesEndpoint, snsEndpoint, stsEndpoint, true))
        .withLimits(limits);
  }

  static String usage() {
    return "usage: java -jar userpool-local.jar [--port N] [--data-dir DIR | --in-memory] [--region R]"
        + " [--account ACCOUNT_ID] [--issuer-base-url URL] [--admin-key ACCESS_KEY_ID:SECRET_KEY]..."
        + " [--lambda-endpoint URL] [--ses-endpoint URL] [--sns-endpoint URL] [--sts-endpoint URL]"
        + " [--dynamodb-endpoint URL [--table NAME]] [--codes-per-hour N] [--code-attempts N]"
        + " [--forgot-password-attempts N] [--sign-in-attempts N] [--password-change-attempts N] (0 = unlimited)";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args[i];
  }
}
