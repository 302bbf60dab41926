package dev.userpool.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything configurable, read in one place. The Lambda reads environment variables (names shared
 * with the CDK stack and template.yaml); the local server builds one from its command line.
 *
 * @param store where state lives: {@code dynamodb}, {@code embedded} (a folder) or {@code memory}
 * @param dataDir the folder of the embedded store
 * @param defaultRegion the region of new pools when the request is not SigV4-signed
 * @param issuerBaseUrl the base of token issuers ({@code <base>/<poolId>}); null means "derive from
 *     the request"
 * @param adminKeySecretArn the Secrets Manager secret holding the admin access key ({@code
 *     {"accessKeyId","secretAccessKey"}}); null means IAM operations are not signature-checked
 * @param signingRegion the only region a SigV4 credential scope may name; null accepts any
 * @param lambdaEndpoint where trigger functions are invoked (a local emulator such as {@code sam
 *     local start-lambda}); null means the regional Lambda endpoint
 * @param defaultCustomMessageLambdaArn the CustomMessage function of pools that configure none;
 *     null for none
 * @param messages how codes are sent (SES/SNS settings, or the local outbox)
 * @param limits per-user quotas (Cognito's by default)
 * @param imports where user import CSVs go in AWS; null where none (the local server has its own)
 * @param socialProviderBaseUrls for tests only: social provider type (Google, …) to the issuer URL
 *     of a local OpenID Provider that stands in for it; empty in every deployment
 */
public record AppConfig(
    String store,
    String tableName,
    String dynamoDbEndpoint,
    Path dataDir,
    String accountId,
    String defaultRegion,
    String issuerBaseUrl,
    String adminKeySecretArn,
    String signingRegion,
    String lambdaEndpoint,
    String defaultCustomMessageLambdaArn,
    Messages messages,
    Limits limits,
    Imports imports,
    Map<String, String> socialProviderBaseUrls) {

  /**
   * User import jobs in AWS (docs/adr/0015): CSVs go to {@code bucket} through S3 presigned URLs,
   * and jobs run in asynchronous invocations of this function.
   *
   * @param bucket the stack's import bucket (USERPOOL_IMPORT_BUCKET)
   * @param s3Endpoint an S3 endpoint instead of AWS's (moto in tests); null for AWS
   * @param functionName this function (AWS_LAMBDA_FUNCTION_NAME, set by Lambda)
   * @param functionVersion the running version (AWS_LAMBDA_FUNCTION_VERSION, set by Lambda)
   */
  public record Imports(
      String bucket, String s3Endpoint, String functionName, String functionVersion) {}

  /** All settings but the import bucket. */
  public AppConfig(
      String store,
      String tableName,
      String dynamoDbEndpoint,
      Path dataDir,
      String accountId,
      String defaultRegion,
      String issuerBaseUrl,
      String adminKeySecretArn,
      String signingRegion,
      String lambdaEndpoint,
      String defaultCustomMessageLambdaArn,
      Messages messages,
      Limits limits) {
    this(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        limits,
        null);
  }

  /**
   * Message delivery. In AWS: SES for email (COGNITO_DEFAULT pools send from {@code
   * sesFromAddress}, with {@code sesSourceArn} when set) and SNS for SMS (in {@code snsRegion}
   * unless the pool names one). Locally ({@code outbox}) each medium goes to the outbox unless its
   * endpoint is given.
   *
   * @param sesEndpoint an SES endpoint to call instead of AWS's (e.g. moto); null for AWS
   * @param snsEndpoint an SNS endpoint to call instead of AWS's; null for AWS
   * @param stsEndpoint the STS endpoint where a pool's {@code SnsCallerArn} is assumed; null for
   *     {@code snsEndpoint} when that is given (moto serves both), else AWS's regional STS
   * @param kmsEndpoint the KMS endpoint that encrypts codes for custom sender triggers (e.g.
   *     moto's); null for AWS KMS in the region of the pool's key
   */
  public record Messages(
      String sesFromAddress,
      String sesSourceArn,
      String snsRegion,
      String sesEndpoint,
      String snsEndpoint,
      String stsEndpoint,
      boolean outbox,
      String kmsEndpoint) {
    /** Local mode without endpoints: everything to the outbox. */
    public static final Messages OUTBOX = new Messages(null, null, null, null, null, null, true);

    /** AWS with no sender configured. */
    public static final Messages AWS = new Messages(null, null, null, null, null, null, false);

    /** Settings with AWS KMS for custom senders. */
    public Messages(
        String sesFromAddress,
        String sesSourceArn,
        String snsRegion,
        String sesEndpoint,
        String snsEndpoint,
        String stsEndpoint,
        boolean outbox) {
      this(
          sesFromAddress,
          sesSourceArn,
          snsRegion,
          sesEndpoint,
          snsEndpoint,
          stsEndpoint,
          outbox,
          null);
    }

    /** These settings with custom senders' codes encrypted at another KMS endpoint. */
    public Messages withKmsEndpoint(String endpoint) {
      return new Messages(
          sesFromAddress,
          sesSourceArn,
          snsRegion,
          sesEndpoint,
          snsEndpoint,
          stsEndpoint,
          outbox,
          endpoint == null || endpoint.isBlank() ? null : endpoint);
    }

    /** Settings with STS at the SNS endpoint (or AWS's). */
    public Messages(
        String sesFromAddress,
        String sesSourceArn,
        String snsRegion,
        String sesEndpoint,
        String snsEndpoint,
        boolean outbox) {
      this(sesFromAddress, sesSourceArn, snsRegion, sesEndpoint, snsEndpoint, null, outbox);
    }

    /** Where STS is called: the configured endpoint, else the SNS endpoint, else null (AWS). */
    public String effectiveStsEndpoint() {
      return stsEndpoint != null ? stsEndpoint : snsEndpoint;
    }

    public boolean emailToOutbox() {
      return outbox && sesEndpoint == null;
    }

    public boolean smsToOutbox() {
      return outbox && snsEndpoint == null;
    }
  }

  public AppConfig(
      String store,
      String tableName,
      String dynamoDbEndpoint,
      Path dataDir,
      String accountId,
      String defaultRegion,
      String issuerBaseUrl,
      String adminKeySecretArn,
      String signingRegion,
      String lambdaEndpoint,
      String defaultCustomMessageLambdaArn) {
    this(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        "memory".equals(store) || "embedded".equals(store) ? Messages.OUTBOX : Messages.AWS);
  }

  public AppConfig {
    messages = messages == null ? Messages.AWS : messages;
    limits = limits == null ? Limits.COGNITO : limits;
    socialProviderBaseUrls =
        socialProviderBaseUrls == null ? Map.of() : Map.copyOf(socialProviderBaseUrls);
  }

  /** All settings but the test-only social provider URLs. */
  public AppConfig(
      String store,
      String tableName,
      String dynamoDbEndpoint,
      Path dataDir,
      String accountId,
      String defaultRegion,
      String issuerBaseUrl,
      String adminKeySecretArn,
      String signingRegion,
      String lambdaEndpoint,
      String defaultCustomMessageLambdaArn,
      Messages messages,
      Limits limits,
      Imports imports) {
    this(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        limits,
        imports,
        Map.of());
  }

  public AppConfig(
      String store,
      String tableName,
      String dynamoDbEndpoint,
      Path dataDir,
      String accountId,
      String defaultRegion,
      String issuerBaseUrl,
      String adminKeySecretArn,
      String signingRegion,
      String lambdaEndpoint,
      String defaultCustomMessageLambdaArn,
      Messages messages) {
    this(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        Limits.COGNITO);
  }

  /** A configuration without admin-key checks (local server, tests). */
  public AppConfig(
      String store,
      String tableName,
      String dynamoDbEndpoint,
      Path dataDir,
      String accountId,
      String defaultRegion,
      String issuerBaseUrl) {
    this(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        null,
        null,
        null,
        null);
  }

  /** This configuration with trigger functions invoked at another Lambda endpoint. */
  public AppConfig withLambdaEndpoint(String endpoint) {
    return new AppConfig(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        emptyToNull(endpoint),
        defaultCustomMessageLambdaArn,
        messages,
        limits,
        imports,
        socialProviderBaseUrls);
  }

  /** This configuration with other message delivery settings. */
  public AppConfig withMessages(Messages newMessages) {
    return new AppConfig(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        newMessages,
        limits,
        imports,
        socialProviderBaseUrls);
  }

  /** This configuration with other per-user quotas. */
  public AppConfig withLimits(Limits newLimits) {
    return new AppConfig(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        newLimits,
        imports,
        socialProviderBaseUrls);
  }

  /** This configuration with user import jobs in AWS (S3 uploads, asynchronous invocations). */
  public AppConfig withImports(Imports newImports) {
    return new AppConfig(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        limits,
        newImports,
        socialProviderBaseUrls);
  }

  /** This configuration with local OpenID Providers standing in for social providers (tests). */
  public AppConfig withSocialProviderBaseUrls(Map<String, String> urls) {
    return new AppConfig(
        store,
        tableName,
        dynamoDbEndpoint,
        dataDir,
        accountId,
        defaultRegion,
        issuerBaseUrl,
        adminKeySecretArn,
        signingRegion,
        lambdaEndpoint,
        defaultCustomMessageLambdaArn,
        messages,
        limits,
        imports,
        urls);
  }

  public static final String DEFAULT_ACCOUNT = "123456789012";
  public static final String DEFAULT_REGION = "us-east-1";

  /** The Lambda's configuration. This is the only place that reads the process environment. */
  public static AppConfig fromEnvironment() {
    return fromMap(System.getenv());
  }

  static AppConfig fromMap(Map<String, String> env) {
    String region =
        env.getOrDefault("USERPOOL_DEFAULT_REGION", env.getOrDefault("AWS_REGION", DEFAULT_REGION));
    return new AppConfig(
        env.getOrDefault("USERPOOL_STORE", "dynamodb"),
        env.getOrDefault("USERPOOL_TABLE_NAME", "userpool"),
        emptyToNull(env.get("USERPOOL_DYNAMODB_ENDPOINT")),
        env.containsKey("USERPOOL_DATA_DIR") ? Path.of(env.get("USERPOOL_DATA_DIR")) : null,
        env.getOrDefault("USERPOOL_ACCOUNT_ID", DEFAULT_ACCOUNT),
        region.isBlank() ? DEFAULT_REGION : region,
        emptyToNull(env.get("USERPOOL_ISSUER_BASE_URL")),
        emptyToNull(env.get("USERPOOL_ADMIN_KEY_SECRET_ARN")),
        emptyToNull(env.getOrDefault("USERPOOL_DEFAULT_REGION", env.get("AWS_REGION"))),
        emptyToNull(env.get("USERPOOL_LAMBDA_ENDPOINT")),
        emptyToNull(env.get("USERPOOL_DEFAULT_CUSTOM_MESSAGE_LAMBDA_ARN")),
        new Messages(
            emptyToNull(env.get("USERPOOL_SES_FROM_ADDRESS")),
            emptyToNull(env.get("USERPOOL_SES_SOURCE_ARN")),
            emptyToNull(env.get("USERPOOL_SNS_REGION")),
            null,
            null,
            false),
        limits(env),
        emptyToNull(env.get("USERPOOL_IMPORT_BUCKET")) == null
            ? null
            : new Imports(
                env.get("USERPOOL_IMPORT_BUCKET").trim(),
                null,
                emptyToNull(env.get("AWS_LAMBDA_FUNCTION_NAME")),
                emptyToNull(env.get("AWS_LAMBDA_FUNCTION_VERSION"))));
  }

  /**
   * USERPOOL_CODES_PER_HOUR and the other quota variables; absent or empty keeps Cognito's value.
   */
  static Limits limits(Map<String, String> env) {
    Limits.Builder b = Limits.COGNITO.toBuilder();
    Limits d = Limits.COGNITO;
    b.codesPerHour(number(env, "USERPOOL_CODES_PER_HOUR", d.codesPerHour()));
    b.codeAttempts(number(env, "USERPOOL_CODE_ATTEMPTS", d.codeAttempts()));
    b.forgotPasswordAttempts(
        number(env, "USERPOOL_FORGOT_PASSWORD_ATTEMPTS", d.forgotPasswordAttempts()));
    b.signInAttempts(number(env, "USERPOOL_SIGN_IN_ATTEMPTS", d.signInAttempts()));
    b.passwordChangeAttempts(
        number(env, "USERPOOL_PASSWORD_CHANGE_ATTEMPTS", d.passwordChangeAttempts()));
    return b.build();
  }

  private static int number(Map<String, String> env, String name, int defaultValue) {
    String value = emptyToNull(env.get(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number (0 = unlimited), not " + value, e);
    }
  }

  /** A configuration for tests and the local server's in-memory mode. */
  public static AppConfig inMemory() {
    return new AppConfig("memory", null, null, null, DEFAULT_ACCOUNT, DEFAULT_REGION, null);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
