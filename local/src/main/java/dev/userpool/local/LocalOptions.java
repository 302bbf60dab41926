package dev.userpool.local;

import dev.userpool.config.AppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local server's command line: {@code [--port N] [--data-dir DIR | --in-memory] [--region R] [--account A]
 * [--issuer-base-url URL] [--admin-key ACCESS_KEY_ID:SECRET_KEY]... [--lambda-endpoint URL] [--ses-endpoint URL]
 * [--sns-endpoint URL] [--sts-endpoint URL]}.
 *
 * @param adminKeys access key id to secret; empty means IAM operations accept any signature or none
 * @param lambdaEndpoint where trigger functions are invoked, e.g. {@code sam local start-lambda}'s
 *     {@code http://127.0.0.1:3001}; null means AWS Lambda in {@code region}
 * @param sesEndpoint an SES endpoint that emails are sent to (e.g. moto's); null keeps them in the outbox
 * @param snsEndpoint an SNS endpoint that SMS are published to; null keeps them in the outbox
 * @param stsEndpoint where a pool's SnsCallerArn role is assumed; null for {@code snsEndpoint}
 */
public record LocalOptions(int port, Path dataDir, boolean inMemory, String region, String accountId,
    String issuerBaseUrl, Map<String, String> adminKeys, String lambdaEndpoint, String sesEndpoint,
    String snsEndpoint, String stsEndpoint) {

  public LocalOptions {
    adminKeys = adminKeys == null ? Map.of() : Map.copyOf(adminKeys);
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
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    return new LocalOptions(port, dataDir, inMemory, region, account, issuer, adminKeys, lambdaEndpoint,
        sesEndpoint, snsEndpoint, stsEndpoint);
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
        sesEndpoint, snsEndpoint, stsEndpoint);
  }

  /** This configuration with trigger functions invoked at the given endpoint. */
  public LocalOptions withLambdaEndpoint(String endpoint) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, endpoint,
        sesEndpoint, snsEndpoint, stsEndpoint);
  }

  /** This configuration with emails sent to an SES endpoint and SMS to an SNS endpoint (either may be null). */
  public LocalOptions withMessageEndpoints(String ses, String sns) {
    return new LocalOptions(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, lambdaEndpoint,
        ses, sns, stsEndpoint);
  }

  public static LocalOptions inMemoryOnFreePort() {
    return new LocalOptions(0, null, true, AppConfig.DEFAULT_REGION, AppConfig.DEFAULT_ACCOUNT, null);
  }

  public AppConfig toConfig() {
    return new AppConfig(inMemory ? "memory" : "embedded", null, null, dataDir, accountId, region, issuerBaseUrl)
        .withLambdaEndpoint(lambdaEndpoint)
        .withMessages(new AppConfig.Messages(null, null, null, sesEndpoint, snsEndpoint, stsEndpoint, true));
  }

  static String usage() {
    return "usage: java -jar userpool-local.jar [--port N] [--data-dir DIR | --in-memory] [--region R]"
        + " [--account ACCOUNT_ID] [--issuer-base-url URL] [--admin-key ACCESS_KEY_ID:SECRET_KEY]..."
        + " [--lambda-endpoint URL] [--ses-endpoint URL] [--sns-endpoint URL] [--sts-endpoint URL]";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args[i];
  }
}
