package dev.userpool.config;

import dev.userpool.auth.AdminKeySecret;
import dev.userpool.auth.AdminKeys;
import dev.userpool.auth.CachedAdminKeys;
import dev.userpool.auth.SecretsManagerSecret;
import dev.userpool.auth.SigV4Authenticator;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.authflows.SignInSetup;
import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.Outbox;
import dev.userpool.delivery.ses.SesApi;
import dev.userpool.delivery.ses.SesEmailSender;
import dev.userpool.delivery.sns.SmsRoleCredentials;
import dev.userpool.delivery.sns.SnsSmsSender;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.imports.CsvImport;
import dev.userpool.imports.CsvUploads;
import dev.userpool.imports.UserImports;
import dev.userpool.imports.aws.LambdaSelfInvoker;
import dev.userpool.imports.aws.S3CsvUploads;
import dev.userpool.migration.CognitoApi;
import dev.userpool.migration.CognitoSourcePasswords;
import dev.userpool.oauth.OAuthEndpoints;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.Implementations;
import dev.userpool.operations.auth.TriggerAuthenticationHooks;
import dev.userpool.operations.auth.TriggerCustomChallenges;
import dev.userpool.operations.auth.UserMigration;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.CognitoProtocol;
import dev.userpool.protocol.OperationTable;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.protocol.WellKnownEndpoints;
import dev.userpool.store.CachedAppClientStore;
import dev.userpool.store.CachedDeploymentKeyStore;
import dev.userpool.store.CachedUserPoolStore;
import dev.userpool.store.OAuthStores;
import dev.userpool.store.ReadCache;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.CacheInvalidatingTable;
import dev.userpool.store.items.ItemAppClientStore;
import dev.userpool.store.items.ItemAuthEventStore;
import dev.userpool.store.items.ItemAuthorizationCodeStore;
import dev.userpool.store.items.ItemChallengeSessionStore;
import dev.userpool.store.items.ItemCodeStore;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import dev.userpool.store.items.ItemDeviceStore;
import dev.userpool.store.items.ItemDomainStore;
import dev.userpool.store.items.ItemFederatedLinkStore;
import dev.userpool.store.items.ItemGroupStore;
import dev.userpool.store.items.ItemIdentityProviderStore;
import dev.userpool.store.items.ItemImportJobStore;
import dev.userpool.store.items.ItemManagedLoginBrandingStore;
import dev.userpool.store.items.ItemRefreshTokenStore;
import dev.userpool.store.items.ItemResourceServerStore;
import dev.userpool.store.items.ItemRevokedOriginStore;
import dev.userpool.store.items.ItemSamlRequestStore;
import dev.userpool.store.items.ItemSamlSigningCertificateStore;
import dev.userpool.store.items.ItemSigningKeyStore;
import dev.userpool.store.items.ItemTermsStore;
import dev.userpool.store.items.ItemUiCustomizationStore;
import dev.userpool.store.items.ItemUserPoolStore;
import dev.userpool.store.items.ItemUserStore;
import dev.userpool.store.items.ItemWebAuthnCredentialStore;
import dev.userpool.store.table.ItemTable;
import dev.userpool.tokens.RsaSigningKeyFactory;
import dev.userpool.tokens.Tokens;
import dev.userpool.triggers.KmsCustomSenderCodes;
import dev.userpool.triggers.LambdaTriggerInvoker;
import dev.userpool.triggers.Triggers;
import dev.userpool.validation.ServiceModel;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the whole application from a configuration with plain constructors: the only place that
 * creates AWS SDK clients. Built once per Lambda container or local server process.
 */
public final class Wiring {
  private final AppConfig config;
  private final ItemTable table;
  private final CachedUserPoolStore cachedPools;
  private final CachedAppClientStore cachedClients;
  private final Dependencies dependencies;
  private final OperationTable operations;
  private final CognitoProtocol protocol;
  private final WellKnownEndpoints wellKnown;

  /**
   * Built on the first OAuth or hosted-page request: most containers answer only the JSON API, and
   * these endpoints' wiring was ~5% of a Lambda cold start's CPU.
   */
  private final OnFirstUse<OAuthEndpoints> oauth;

  private final Outbox outbox = new Outbox();

  public Wiring(
      AppConfig config, Clock clock, ItemTable storage, RequestAuthenticator authenticator) {
    this.config = config;
    this.table = storage;
    // Pools and clients are cached; every store writes through this view, which drops what a write
    // changes.
    ReadCache<String, UserPool> poolCache = new ReadCache<>();
    ReadCache<String, AppClient> clientCache = new ReadCache<>();
    ItemTable table = new CacheInvalidatingTable(storage, poolCache, clientCache);
    SecureRandom random = new SecureRandom();
    Tokens tokens =
        Tokens.create(
            new ItemSigningKeyStore(table, clock, new RsaSigningKeyFactory(random)),
            config,
            clock,
            random);
    ItemUserStore users = new ItemUserStore(table);
    ItemGroupStore groups = new ItemGroupStore(table);
    Triggers triggers = triggers(config);
    CachedDeploymentKeyStore deploymentKeys =
        new CachedDeploymentKeyStore(new ItemDeploymentKeyStore(table));
    this.cachedClients = new CachedAppClientStore(new ItemAppClientStore(table), clientCache);
    this.cachedPools =
        new CachedUserPoolStore(new ItemUserPoolStore(table), poolCache, cachedClients::forgetAll);
    this.dependencies =
        new Dependencies(
            cachedPools,
            cachedClients,
            users,
            groups,
            clock,
            random,
            config,
            tokens,
            triggers,
            new SignInSetup(
                    new ItemChallengeSessionStore(table),
                    new ItemRefreshTokenStore(table),
                    deploymentKeys,
                    new ItemDeviceStore(table),
                    new ItemWebAuthnCredentialStore(table))
                .withGroups(groups)
                .withCustomChallenges(new TriggerCustomChallenges(triggers))
                .withSourcePasswords(new CognitoSourcePasswords(cachedClients, cognitoApis()))
                .withHooks(
                    new TriggerAuthenticationHooks(
                        triggers, new UserMigration(triggers, new UserDirectory(users), random))),
            new ItemRevokedOriginStore(table),
            new ItemCodeStore(table, deploymentKeys, random),
            delivery(config, outbox, clock),
            new ItemIdentityProviderStore(table),
            new ItemUiCustomizationStore(table),
            new ItemSamlSigningCertificateStore(table),
            new ItemTermsStore(table),
            new ItemManagedLoginBrandingStore(table),
            new OAuthStores(
                new ItemDomainStore(table),
                new ItemResourceServerStore(table),
                new ItemAuthorizationCodeStore(table),
                new ItemFederatedLinkStore(table),
                new ItemSamlRequestStore(table)),
            new UserImports(new ItemImportJobStore(table)),
            new ItemAuthEventStore(table, AuthEventLog.RETENTION));
    this.wellKnown = new WellKnownEndpoints(dependencies.pools(), tokens.keys(), tokens.issuers());
    if (config.imports() != null) {
      useImportUploads(importUploads(config, clock));
    }
    this.operations = Implementations.table(ServiceModel.load(), dependencies);
    Dependencies oauthDependencies = dependencies;
    OperationTable oauthOperations = operations;
    this.oauth = new OnFirstUse<>(() -> new OAuthEndpoints(oauthDependencies, oauthOperations));
    this.protocol =
        new CognitoProtocol(
            operations, authenticator, clock, config.defaultRegion(), config.accountId());
  }

  /**
   * The Lambda's wiring: the configured store, system clock, and SigV4 for IAM operations when an
   * admin key secret is configured.
   */
  public static Wiring fromConfig(AppConfig config) {
    Clock clock = Clock.systemUTC();
    return new Wiring(config, clock, itemTable(config, clock), authenticator(config, clock));
  }

  /**
   * SigV4 against the admin key in Secrets Manager, in the deployment's region. Neither the
   * credentials nor the secret are touched here: both are created on the first IAM call (after a
   * SnapStart restore, never in the snapshot), and the secret is re-read every {@link
   * CachedAdminKeys#DEFAULT_TTL} so a rotation takes effect.
   */
  static RequestAuthenticator authenticator(AppConfig config, Clock clock) {
    if (config.adminKeySecretArn() == null) {
      Log.LOG.log(
          System.Logger.Level.WARNING,
          "USERPOOL_ADMIN_KEY_SECRET_ARN is not set: IAM operations are accepted without a signature");
      return RequestAuthenticator.ACCEPT_ALL;
    }
    SecretsManagerSecret secret =
        new SecretsManagerSecret(
            null,
            config.signingRegion() != null ? config.signingRegion() : config.defaultRegion(),
            config.adminKeySecretArn(),
            lazy(() -> DefaultCredentialsProvider.builder().build()));
    AdminKeys keys =
        new CachedAdminKeys(
            () -> AdminKeySecret.parse(secret.get()), clock, CachedAdminKeys.DEFAULT_TTL);
    return new SigV4Authenticator(keys, clock, config.signingRegion());
  }

  /**
   * Triggers invoked with the Lambda API in each function's region, or at the configured endpoint:
   * a local emulator (sam local start-lambda), which knows functions by name and checks no
   * signature, so it gets dummy credentials instead of a slow walk of the default credential chain.
   * Nothing is resolved or connected before the first invocation, so pools without triggers never
   * pay for it.
   */
  public static Triggers triggers(AppConfig config) {
    String kmsEndpoint = config.messages().kmsEndpoint();
    return new Triggers(
        triggerInvoker(config),
        Triggers.COGNITO_TIMEOUT,
        config.defaultCustomMessageLambdaArn(),
        new KmsCustomSenderCodes(kmsEndpoint, credentials(kmsEndpoint), config.defaultRegion()));
  }

  /** The Lambda Invoke API, at the configured endpoint (an emulator) or each function's region. */
  private static LambdaTriggerInvoker triggerInvoker(AppConfig config) {
    AwsCredentialsProvider credentials =
        config.lambdaEndpoint() == null
            ? lazy(() -> DefaultCredentialsProvider.builder().build())
            : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    return new LambdaTriggerInvoker(config.lambdaEndpoint(), config.defaultRegion(), credentials);
  }

  /** A credentials provider built on its first use. */
  private static AwsCredentialsProvider lazy(Supplier<AwsCredentialsProvider> factory) {
    Supplier<AwsCredentialsProvider> provider = memoize(factory);
    return () -> provider.get().resolveCredentials();
  }

  private static <T> Supplier<T> memoize(Supplier<T> factory) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = factory.get();
        }
        return value;
      }
    };
  }

  /**
   * Email by SES and SMS by SNS, or (local mode, per medium without an endpoint) the outbox. SES
   * and SNS are called over their Query APIs (SesApi, QueryApi), so deployments that never send
   * resolve no credentials. SMS of pools with {@code SnsCallerArn} are published with that role's
   * session credentials, assumed with STS (also over its Query API, in the deployment's region).
   */
  public static Delivery delivery(AppConfig config, Outbox outbox) {
    return delivery(config, outbox, Clock.systemUTC());
  }

  public static Delivery delivery(AppConfig config, Outbox outbox, Clock clock) {
    AppConfig.Messages m = config.messages();
    String snsRegion = m.snsRegion() != null ? m.snsRegion() : config.defaultRegion();
    MessageChannel email =
        m.emailToOutbox()
            ? outbox.channel(DeliveryMedium.EMAIL)
            : new SesEmailSender(
                new SesApi(
                    m.sesEndpoint(),
                    m.sesEndpoint() == null
                        ? lazy(() -> DefaultCredentialsProvider.builder().build())
                        : StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("local", "local"))),
                config.defaultRegion(),
                m.sesFromAddress(),
                m.sesSourceArn());
    MessageChannel sms =
        m.smsToOutbox()
            ? outbox.channel(DeliveryMedium.SMS)
            : new SnsSmsSender(
                SnsSmsSender.snsApi(m.snsEndpoint()),
                credentials(m.snsEndpoint()),
                snsRegion,
                new SmsRoleCredentials(
                    SmsRoleCredentials.stsApi(m.effectiveStsEndpoint()),
                    config.defaultRegion(),
                    credentials(m.effectiveStsEndpoint()),
                    clock));
    // Locally the outbox also shows which messages went to a pool's custom sender instead.
    return new Delivery(List.of(email, sms), m.outbox() ? outbox::add : message -> {});
  }

  /**
   * The default credentials chain (resolved on first use) for AWS; dummy credentials for a
   * configured endpoint (moto), which checks no signature.
   */
  private static AwsCredentialsProvider credentials(String endpoint) {
    return endpoint == null
        ? lazy(() -> DefaultCredentialsProvider.builder().build())
        : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  /**
   * Clients of the Cognito pools users were imported from, one per endpoint and region, made on
   * first use (most deployments never import) and signed with the default credentials chain.
   */
  private static BiFunction<String, String, CognitoApi> cognitoApis() {
    Supplier<AwsCredentialsProvider> credentials =
        memoize(() -> DefaultCredentialsProvider.builder().build());
    Map<String, CognitoApi> apis = new ConcurrentHashMap<>();
    return (endpoint, region) ->
        apis.computeIfAbsent(
            endpoint + " " + region, key -> new CognitoApi(endpoint, region, credentials.get()));
  }

  public static ItemTable itemTable(AppConfig config, Clock clock) {
    return switch (config.store()) {
      case "dynamodb" -> new DynamoDbItemTable(dynamoDbClient(config), config.tableName(), clock);
      case "embedded" -> EmbeddedItemTable.open(config.dataDir(), clock);
      case "memory" -> EmbeddedItemTable.inMemory(clock);
      default -> throw new IllegalArgumentException("unknown store " + config.store());
    };
  }

  public static DynamoDbClient dynamoDbClient(AppConfig config) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
    builder.region(Region.of(config.defaultRegion()));
    if (config.dynamoDbEndpoint() != null) {
      builder.endpointOverride(URI.create(config.dynamoDbEndpoint()));
    }
    return builder.build();
  }

  public AppConfig config() {
    return config;
  }

  public ItemTable table() {
    return table;
  }

  /**
   * Empties the store but for the deployment's keys (local reset, test suites), and every in-memory
   * copy of what went. The keys stay: a sealer that read its key before the reset, in this process
   * or another on the same store, would otherwise go on sealing with a key a fresh reader cannot
   * find, and the two would never agree again.
   */
  public void reset() {
    table.clearExcept(ItemDeploymentKeyStore.PARTITION);
    cachedPools.forgetAll();
    cachedClients.forgetAll();
  }

  public Dependencies dependencies() {
    return dependencies;
  }

  public CognitoProtocol protocol() {
    return protocol;
  }

  /** The API's operations, each constructed on its first request unless asked for all here. */
  public OperationTable operations() {
    return operations;
  }

  /**
   * CSVs in the configured S3 bucket, presigned with the function's credentials; jobs run in
   * asynchronous invocations of this function, at the configured Lambda endpoint if any. Neither
   * the credentials nor the Lambda client is touched before the first import call.
   */
  private static CsvUploads importUploads(AppConfig config, Clock clock) {
    AppConfig.Imports imports = config.imports();
    Supplier<AwsCredentialsProvider> credentials =
        memoize(() -> DefaultCredentialsProvider.builder().build());
    return S3CsvUploads.create(
        imports.bucket(),
        config.defaultRegion(),
        imports.s3Endpoint(),
        () -> credentials.get().resolveCredentials(),
        clock,
        new LambdaSelfInvoker(
            triggerInvoker(config), imports.functionName(), imports.functionVersion()));
  }

  /**
   * Runs a user import job in this invocation (the Lambda's asynchronous import events) until it
   * ends or {@code timeUp}; when time ran out, sends the next invocation to continue it.
   */
  public CsvImport.Outcome runImportJob(String poolId, String jobId, BooleanSupplier timeUp) {
    Optional<UserPool> pool = dependencies.pools().find(poolId);
    if (pool.isEmpty()) {
      return CsvImport.Outcome.DONE; // deleted meanwhile, and its jobs with it
    }
    CsvUploads uploads = dependencies.imports().uploads();
    CsvImport.Outcome outcome =
        new CsvImport(
                dependencies.imports().jobs(),
                uploads,
                new UserDirectory(dependencies.users()),
                dependencies.random(),
                dependencies.clock())
            .run(pool.get(), jobId, timeUp);
    if (outcome == CsvImport.Outcome.CONTINUE) {
      uploads.run(poolId, jobId, () -> runImportJob(poolId, jobId, timeUp));
    }
    return outcome;
  }

  /**
   * Where user import CSVs are uploaded (the local server's endpoint); without it no import job can
   * start.
   */
  public void useImportUploads(CsvUploads uploads) {
    dependencies.imports().useUploads(uploads);
  }

  /** Messages the local outbox holds (empty when every medium goes to SES/SNS). */
  public Outbox outbox() {
    return outbox;
  }

  /** The pool domain's OAuth endpoints and hosted pages (routes of both front ends). */
  public OAuthEndpoints oauth() {
    return oauth.get();
  }

  /** The JWKS and discovery documents (GET routes of both front ends). */
  public WellKnownEndpoints wellKnown() {
    return wellKnown;
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Wiring.class.getName());
  }
}
