package dev.userpool.local;

import dev.userpool.config.AppConfig;
import dev.userpool.config.Limits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local server's command line; {@link #help()} lists every option with its default.
 *
 * @param host the address to listen on; {@code 0.0.0.0} listens on every interface
 * @param adminKeys access key id to secret; empty means IAM operations accept any signature or none
 * @param lambdaEndpoint where trigger functions are invoked, e.g. {@code sam local start-lambda}'s
 *     {@code http://127.0.0.1:3001}; null means AWS Lambda in {@code region}
 * @param sesEndpoint an SES endpoint that emails are sent to (e.g. moto's); null keeps them in the
 *     outbox
 * @param snsEndpoint an SNS endpoint that SMS are published to; null keeps them in the outbox
 * @param stsEndpoint where a pool's SnsCallerArn role is assumed; null for {@code snsEndpoint}
 * @param repair whether a damaged data file is copied aside and the readable rest kept, instead of
 *     refusing to start
 * @param quiet whether the per-request log lines are left out
 * @param outboxSize how many recent messages the outbox keeps
 * @param store where state lives: the data folder, memory, or a DynamoDB table ({@link
 *     StoreOption})
 * @param limits the per-user quotas ({@code --codes-per-hour} …; Cognito's values by default)
 * @param kmsEndpoint the KMS endpoint that encrypts codes for custom sender triggers (e.g. moto's);
 *     null for AWS KMS in the region of the pool's key
 * @param socialProviderBaseUrls for tests only ({@code --social-provider-base-url TYPE=URL}):
 *     social provider type to the issuer URL of a local OpenID Provider standing in for it
 */
public record LocalOptions(
    int port,
    Path dataDir,
    boolean inMemory,
    String region,
    String accountId,
    String issuerBaseUrl,
    Map<String, String> adminKeys,
    String lambdaEndpoint,
    String sesEndpoint,
    String snsEndpoint,
    String stsEndpoint,
    String host,
    boolean repair,
    boolean quiet,
    int outboxSize,
    StoreOption store,
    Limits limits,
    String kmsEndpoint,
    Map<String, String> socialProviderBaseUrls) {

  public static final int DEFAULT_PORT = 9229;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Path DEFAULT_DATA_DIR = Path.of(".userpool");
  public static final int DEFAULT_OUTBOX_SIZE = 1000;
  static final int MAX_OUTBOX_SIZE = 1_000_000;

  /** Every option, in the order {@code --help} shows them; the parser accepts exactly these. */
  static final List<Option> OPTIONS =
      List.of(
          new Option(
              "--port",
              "N",
              "port to listen on; 0 picks a free one",
              Integer.toString(DEFAULT_PORT)),
          new Option(
              "--host",
              "ADDR",
              "address to listen on; 0.0.0.0 listens on every interface (for containers"
                  + " and other machines)",
              DEFAULT_HOST),
          new Option(
              "--data-dir",
              "DIR",
              "folder that keeps pools, users and keys across restarts",
              DEFAULT_DATA_DIR.toString()),
          new Option(
              "--in-memory", null, "keep nothing on disk (not with --data-dir or --repair)", "off"),
          new Option(
              "--repair",
              null,
              "if a data file is damaged, copy it aside as <file>.damaged-<time> and keep"
                  + " what can be read",
              "off: refuse to start and change nothing"),
          new Option(
              "--region",
              "REGION",
              "region of new pools when requests are not signed (signed requests use"
                  + " the region they were signed for)",
              AppConfig.DEFAULT_REGION),
          new Option(
              "--account", "ACCOUNT_ID", "12-digit account id in ARNs", AppConfig.DEFAULT_ACCOUNT),
          new Option(
              "--issuer-base-url",
              "URL",
              "base of the tokens' iss claim (<URL>/<poolId>), e.g. the URL"
                  + " other containers reach this server at",
              "the URL each request reached"),
          new Option(
              "--admin-key",
              "KEY_ID:SECRET",
              "require SigV4 with this access key for IAM operations;" + " repeatable",
              "none: IAM operations accept any signature or none"),
          new Option(
              "--lambda-endpoint",
              "URL",
              "where the pools' Lambda triggers are invoked, e.g."
                  + " http://127.0.0.1:3001 of sam local start-lambda",
              "AWS Lambda in --region"),
          new Option(
              "--ses-endpoint",
              "URL",
              "send emails through this SES endpoint",
              "none: emails go to the" + " outbox"),
          new Option(
              "--sns-endpoint",
              "URL",
              "send SMS through this SNS endpoint",
              "none: SMS go to the outbox"),
          new Option(
              "--sts-endpoint",
              "URL",
              "where pools' SnsCallerArn roles are assumed",
              "the --sns-endpoint"),
          new Option(
              "--kms-endpoint",
              "URL",
              "encrypt the codes handed to pools' custom sender triggers with this KMS"
                  + " endpoint (e.g. moto's)",
              "AWS KMS in the region of the pool's KMSKeyID"),
          new Option(
              "--social-provider-base-url",
              "TYPE=URL",
              "for tests only: sign in with Google, Facebook, LoginWithAmazon or"
                  + " SignInWithApple at the OAuth server with this issuer URL instead"
                  + " (repeatable)",
              "the providers themselves"),
          new Option(
              "--dynamodb-endpoint",
              "URL",
              "keep the data in a DynamoDB table at this endpoint (e.g. moto's),"
                  + " created if missing as the stack defines it; several servers may share it",
              "none: the data folder"),
          new Option(
              "--table", "NAME", "the table of --dynamodb-endpoint", StoreOption.DEFAULT_TABLE),
          new Option(
              "--codes-per-hour",
              "N",
              "verification codes per user, purpose and hour; 0 = unlimited",
              "5"),
          new Option(
              "--code-attempts",
              "N",
              "wrong answers to a sign-up or attribute code; 0 = unlimited",
              "15"),
          new Option(
              "--forgot-password-attempts",
              "N",
              "wrong answers to a password-reset code; 0 = unlimited",
              "5"),
          new Option(
              "--sign-in-attempts",
              "N",
              "wrong passwords before the sign-in lockout starts; 0 = never",
              "5"),
          new Option(
              "--password-change-attempts",
              "N",
              "wrong previous passwords in ChangePassword per hour;" + " 0 = unlimited",
              "5"),
          new Option(
              "--outbox-size",
              "N",
              "how many recent messages the outbox keeps (older ones are dropped)",
              Integer.toString(DEFAULT_OUTBOX_SIZE)),
          new Option("--quiet", null, "leave out the one log line per request", "off"),
          new Option("--help", null, "print this help and exit", null),
          new Option("--version", null, "print the version and exit", null));

  /** One command-line option: {@code value} names its argument (null for a flag). */
  record Option(String name, String value, String description, String defaultValue) {}

  /**
   * A DynamoDB table instead of the folder: {@code --dynamodb-endpoint URL [--table NAME]}, created
   * if missing with the stack's key schema. {@code dynamoDbEndpoint} null means the data folder or
   * memory.
   */
  public record StoreOption(String dynamoDbEndpoint, String tableName) {
    public static final StoreOption FOLDER_OR_MEMORY = new StoreOption(null, null);
    public static final String DEFAULT_TABLE = "userpool";
  }

  /**
   * A command line that cannot be followed; the message is one line for the person who typed it.
   */
  public static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  public LocalOptions {
    adminKeys = adminKeys == null ? Map.of() : Map.copyOf(adminKeys);
    host = host == null ? DEFAULT_HOST : host;
    outboxSize = outboxSize <= 0 ? DEFAULT_OUTBOX_SIZE : outboxSize;
    store = store == null ? StoreOption.FOLDER_OR_MEMORY : store;
    limits = limits == null ? Limits.COGNITO : limits;
    socialProviderBaseUrls =
        socialProviderBaseUrls == null ? Map.of() : Map.copyOf(socialProviderBaseUrls);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint,
      String sesEndpoint,
      String snsEndpoint,
      String stsEndpoint,
      String host,
      boolean repair,
      boolean quiet,
      int outboxSize,
      StoreOption store,
      Limits limits,
      String kmsEndpoint) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        kmsEndpoint,
        Map.of());
  }

  /**
   * This configuration with local OpenID Providers standing in for social provider types, for tests
   * only (the provider type to the issuer URL).
   */
  public LocalOptions withSocialProviderBaseUrls(Map<String, String> urls) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        kmsEndpoint,
        urls);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, Map.of(), null);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys) {
    this(port, dataDir, inMemory, region, accountId, issuerBaseUrl, adminKeys, null);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        null,
        null);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint,
      String sesEndpoint,
      String snsEndpoint) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        null);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint,
      String sesEndpoint,
      String snsEndpoint,
      String stsEndpoint) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        DEFAULT_HOST,
        false,
        false,
        DEFAULT_OUTBOX_SIZE,
        null,
        null);
  }

  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint,
      String sesEndpoint,
      String snsEndpoint,
      String stsEndpoint,
      String host,
      boolean repair,
      boolean quiet,
      int outboxSize) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        null,
        null);
  }

  /**
   * The options of a command line ({@code --help} and {@code --version} excepted: the caller
   * answers those).
   *
   * @throws UsageException for an unknown option, a missing or bad value, an option given twice, or
   *     options that contradict each other
   */
  public static LocalOptions parse(String... args) {
    int port = DEFAULT_PORT;
    String host = DEFAULT_HOST;
    Path dataDir = DEFAULT_DATA_DIR;
    boolean inMemory = false;
    boolean repair = false;
    boolean quiet = false;
    String region = AppConfig.DEFAULT_REGION;
    String account = AppConfig.DEFAULT_ACCOUNT;
    String issuer = null;
    Map<String, String> adminKeys = new LinkedHashMap<>();
    String lambdaEndpoint = null;
    String sesEndpoint = null;
    String snsEndpoint = null;
    String stsEndpoint = null;
    String kmsEndpoint = null;
    Map<String, String> socialBaseUrls = new LinkedHashMap<>();
    int outboxSize = DEFAULT_OUTBOX_SIZE;
    String dynamoDbEndpoint = null;
    String table = StoreOption.DEFAULT_TABLE;
    Limits.Builder limits = Limits.COGNITO.toBuilder();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.equals("--admin-key")
          && !arg.equals("--social-provider-base-url")
          && !seen.add(arg)
          && isOption(arg)) {
        throw new UsageException(arg + " is given twice");
      }
      switch (arg) {
        case "--port" -> port = number(arg, value(args, ++i, arg), 0, 65_535);
        case "--host" -> host = value(args, ++i, arg);
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--in-memory" -> inMemory = true;
        case "--repair" -> repair = true;
        case "--quiet" -> quiet = true;
        case "--region" ->
            region = matching(arg, value(args, ++i, arg), REGION, "a region name like us-east-1");
        case "--account" -> account = matching(arg, value(args, ++i, arg), ACCOUNT, "12 digits");
        case "--issuer-base-url" -> issuer = url(arg, value(args, ++i, arg));
        case "--admin-key" -> addAdminKey(adminKeys, value(args, ++i, arg));
        case "--lambda-endpoint" -> lambdaEndpoint = url(arg, value(args, ++i, arg));
        case "--ses-endpoint" -> sesEndpoint = url(arg, value(args, ++i, arg));
        case "--sns-endpoint" -> snsEndpoint = url(arg, value(args, ++i, arg));
        case "--sts-endpoint" -> stsEndpoint = url(arg, value(args, ++i, arg));
        case "--kms-endpoint" -> kmsEndpoint = url(arg, value(args, ++i, arg));
        case "--social-provider-base-url" ->
            addSocialProviderBaseUrl(socialBaseUrls, value(args, ++i, arg));
        case "--dynamodb-endpoint" -> dynamoDbEndpoint = url(arg, value(args, ++i, arg));
        case "--table" -> table = value(args, ++i, arg);
        case "--codes-per-hour" ->
            limits.codesPerHour(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
        case "--code-attempts" ->
            limits.codeAttempts(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
        case "--forgot-password-attempts" ->
            limits.forgotPasswordAttempts(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
        case "--sign-in-attempts" ->
            limits.signInAttempts(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
        case "--password-change-attempts" ->
            limits.passwordChangeAttempts(number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE));
        case "--outbox-size" -> outboxSize = number(arg, value(args, ++i, arg), 1, MAX_OUTBOX_SIZE);
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option " + arg
                    : "unexpected argument \"" + arg + "\" (options start with --)");
      }
    }
    if (inMemory && seen.contains("--data-dir")) {
      throw new UsageException("--in-memory and --data-dir contradict each other: choose one");
    }
    if (inMemory && repair) {
      throw new UsageException("--repair repairs a data folder; with --in-memory there is none");
    }
    if (dynamoDbEndpoint == null && seen.contains("--table")) {
      throw new UsageException("--table names the table of --dynamodb-endpoint; give that too");
    }
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        account,
        issuer,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        new StoreOption(dynamoDbEndpoint, table),
        limits.build(),
        kmsEndpoint,
        socialBaseUrls);
  }

  /** {@code --help}: every option with its argument, meaning and default. */
  public static String help() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: java -jar userpool-local.jar [options]\n\n")
        .append(
            "Serves the Amazon Cognito user pools API (cognito-idp) at http://HOST:PORT for any AWS client.\n\n")
        .append("Options:\n");
    for (Option o : OPTIONS) {
      String left = "  " + o.name() + (o.value() == null ? "" : " " + o.value());
      String text =
          o.description()
              + (o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")");
      // an option too long for the left column has its description start on the next line
      out.append(left)
          .append(
              left.length() < HELP_INDENT
                  ? " ".repeat(HELP_INDENT - left.length())
                  : "\n" + " ".repeat(HELP_INDENT));
      wrap(out, text);
    }
    out.append(
            "\nExit codes: 0 after --help or --version; 2 for a bad command line, a port in use, or a data")
        .append(
            " folder\nthat cannot be used or holds a damaged file (nothing is changed then; see --repair).\n");
    return out.toString();
  }

  private static final int HELP_INDENT = 32;
  private static final int HELP_WIDTH = 100;

  /**
   * Appends {@code text} in lines of at most {@link #HELP_WIDTH}, continuation lines indented like
   * the first.
   */
  private static void wrap(StringBuilder out, String text) {
    int column = HELP_INDENT;
    for (String word : text.split(" ")) {
      if (column > HELP_INDENT && column + 1 + word.length() > HELP_WIDTH) {
        out.append('\n').append(" ".repeat(HELP_INDENT));
        column = HELP_INDENT;
      } else if (column > HELP_INDENT) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    out.append('\n');
  }

  /** This configuration with SigV4 enforced for the given admin keys. */
  public LocalOptions withAdminKeys(Map<String, String> keys) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        keys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /** This configuration with trigger functions invoked at the given endpoint. */
  public LocalOptions withLambdaEndpoint(String endpoint) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        endpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /**
   * This configuration with emails sent to an SES endpoint and SMS to an SNS endpoint (either may
   * be null).
   */
  public LocalOptions withMessageEndpoints(String ses, String sns) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        ses,
        sns,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /** This configuration keeping at most {@code size} outbox messages. */
  public LocalOptions withOutboxSize(int size) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        size,
        store,
        limits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /** This configuration on a DynamoDB table at {@code endpoint} (e.g. moto), created if missing. */
  public LocalOptions withDynamoDb(String endpoint, String table) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        new StoreOption(endpoint, table),
        limits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /** This configuration with other per-user quotas. */
  public LocalOptions withLimits(Limits newLimits) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        newLimits,
        kmsEndpoint,
        socialProviderBaseUrls);
  }

  /** Options with AWS KMS for custom senders' codes. */
  public LocalOptions(
      int port,
      Path dataDir,
      boolean inMemory,
      String region,
      String accountId,
      String issuerBaseUrl,
      Map<String, String> adminKeys,
      String lambdaEndpoint,
      String sesEndpoint,
      String snsEndpoint,
      String stsEndpoint,
      String host,
      boolean repair,
      boolean quiet,
      int outboxSize,
      StoreOption store,
      Limits limits) {
    this(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        null);
  }

  /** This configuration with custom senders' codes encrypted at the given KMS endpoint. */
  public LocalOptions withKmsEndpoint(String endpoint) {
    return new LocalOptions(
        port,
        dataDir,
        inMemory,
        region,
        accountId,
        issuerBaseUrl,
        adminKeys,
        lambdaEndpoint,
        sesEndpoint,
        snsEndpoint,
        stsEndpoint,
        host,
        repair,
        quiet,
        outboxSize,
        store,
        limits,
        endpoint,
        socialProviderBaseUrls);
  }

  public static LocalOptions inMemoryOnFreePort() {
    return new LocalOptions(
        0, null, true, AppConfig.DEFAULT_REGION, AppConfig.DEFAULT_ACCOUNT, null);
  }

  public AppConfig toConfig() {
    String kind = store.dynamoDbEndpoint() != null ? "dynamodb" : inMemory ? "memory" : "embedded";
    return new AppConfig(
            kind,
            store.tableName(),
            store.dynamoDbEndpoint(),
            dataDir,
            accountId,
            region,
            issuerBaseUrl)
        .withLambdaEndpoint(lambdaEndpoint)
        .withMessages(
            new AppConfig.Messages(null, null, null, sesEndpoint, snsEndpoint, stsEndpoint, true)
                .withKmsEndpoint(kmsEndpoint))
        .withLimits(limits)
        .withSocialProviderBaseUrls(socialProviderBaseUrls);
  }

  private static boolean isOption(String arg) {
    return OPTIONS.stream().anyMatch(o -> o.name().equals(arg));
  }

  /**
   * {@code ACCESS_KEY_ID:SECRET_KEY}; the secret may itself contain colons (split at the first
   * one).
   */
  private static void addAdminKey(Map<String, String> keys, String value) {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new UsageException("--admin-key needs ACCESS_KEY_ID:SECRET_KEY, not \"" + value + "\"");
    }
    keys.put(value.substring(0, colon), value.substring(colon + 1));
  }

  /** {@code TYPE=URL}: one of the social types, whose endpoints Cognito fixes. */
  private static void addSocialProviderBaseUrl(Map<String, String> urls, String value) {
    int equals = value.indexOf('=');
    String type = equals > 0 ? value.substring(0, equals) : "";
    if (!List.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple").contains(type)) {
      throw new UsageException(
          "--social-provider-base-url needs TYPE=URL with TYPE Google, Facebook,"
              + " LoginWithAmazon or SignInWithApple, not \""
              + value
              + "\"");
    }
    urls.put(type, url("--social-provider-base-url", value.substring(equals + 1)));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      String name =
          OPTIONS.stream()
              .filter(o -> o.name().equals(option))
              .findFirst()
              .map(Option::value)
              .orElse("a value");
      throw new UsageException(option + " needs a value: " + option + " " + name);
    }
    return args[i];
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new UsageException(
        option + " needs a whole number from " + min + " to " + max + ", not \"" + value + "\"");
  }

  private static String matching(String option, String value, Pattern pattern, String what) {
    if (!pattern.matcher(value).matches()) {
      throw new UsageException(option + " needs " + what + ", not \"" + value + "\"");
    }
    return value;
  }

  private static String url(String option, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException notAUri) {
      // answered below
    }
    throw new UsageException(option + " needs an http:// or https:// URL, not \"" + value + "\"");
  }
}
