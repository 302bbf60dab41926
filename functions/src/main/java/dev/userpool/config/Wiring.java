package dev.userpool.config;

import dev.userpool.auth.AdminKeySecret;
import dev.userpool.auth.AdminKeys;
import dev.userpool.auth.CachedAdminKeys;
import dev.userpool.auth.SigV4Authenticator;
import dev.userpool.authflows.SignInSetup;
import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.Outbox;
import dev.userpool.delivery.ses.SesEmailSender;
import dev.userpool.delivery.sns.SmsRoleCredentials;
import dev.userpool.delivery.sns.SnsSmsSender;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.imports.CsvUploads;
import dev.userpool.imports.UserImports;
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
import dev.userpool.store.table.ItemTable;
import dev.userpool.tokens.RsaSigningKeyFactory;
import dev.userpool.tokens.Tokens;
import dev.userpool.triggers.LambdaTriggerInvoker;
import dev.userpool.triggers.Triggers;
import dev.userpool.validation.ServiceModel;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the whole application from a configuration with plain constructors: the only place that
 * creates AWS SDK clients. Built once per Lambda container or local server process.
 */
public final class Wiring {
  private static final System.Logger LOG = System.getLogger(Wiring.class.getName());
  private final AppConfig config;
  private final ItemTable table;
  private final CachedDeploymentKeyStore deploymentKeys;
  private final CachedUserPoolStore cachedPools;
  private final CachedAppClientStore cachedClients;
  private final Dependencies dependencies;
  private final CognitoProtocol protocol;
  private final WellKnownEndpoints wellKnown;
  private final OAuthEndpoints oauth;
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
    this.deploymentKeys = new CachedDeploymentKeyStore(new ItemDeploymentKeyStore(table));
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
                    new ItemDeviceStore(table))
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
            new UserImports(new ItemImportJobStore(table)));
    this.wellKnown = new WellKnownEndpoints(dependencies.pools(), tokens.keys(), tokens.issuers());
    this.oauth = new OAuthEndpoints(dependencies);
    OperationTable operations = Implementations.table(ServiceModel.load(), dependencies);
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
   * SigV4 against the admin key in Secrets Manager, in the deployment's region. Neither the client
   * nor the secret is touched here: both are created on the first IAM call (after a SnapStart
   * restore, never in the snapshot), and the secret is re-read every {@link
   * CachedAdminKeys#DEFAULT_TTL} so a rotation takes effect.
   */
  static RequestAuthenticator authenticator(AppConfig config, Clock clock) {
    if (config.adminKeySecretArn() == null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "USERPOOL_ADMIN_KEY_SECRET_ARN is not set: IAM operations are accepted without a signature");
      return RequestAuthenticator.ACCEPT_ALL;
    }
    Supplier<SecretsManagerClient> client =
        memoize(
            () ->
                SecretsManagerClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(DefaultCredentialsProvider.builder().build())
                    .region(
                        Region.of(
                            config.signingRegion() != null
                                ? config.signingRegion()
                                : config.defaultRegion()))
                    .build());
    AdminKeys keys =
        new CachedAdminKeys(
            () ->
                AdminKeySecret.parse(
                    client
                        .get()
                        .getSecretValue(r -> r.secretId(config.adminKeySecretArn()))
                        .secretString()),
            clock,
            CachedAdminKeys.DEFAULT_TTL);
    return new SigV4Authenticator(keys, clock, config.signingRegion());
  }

  /**
   * Triggers invoked with the Lambda API in the deployment's region, or at the configured endpoint:
   * a local emulator (sam local start-lambda), which knows functions by name and checks no
   * signature, so it gets dummy credentials instead of a slow walk of the default credential chain.
   * The client is created on the first invocation, so pools without triggers never build it.
   */
  public static Triggers triggers(AppConfig config) {
    Supplier<LambdaClient> client = memoize(() -> lambdaClient(config));
    return new Triggers(
        new LambdaTriggerInvoker(client, config.lambdaEndpoint() != null),
        Triggers.COGNITO_TIMEOUT,
        config.defaultCustomMessageLambdaArn());
  }

  private static LambdaClient lambdaClient(AppConfig config) {
    LambdaClientBuilder builder =
        LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.defaultRegion()));
    if (config.lambdaEndpoint() == null) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }
    return builder
        .endpointOverride(URI.create(config.lambdaEndpoint()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
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
   * Email by SES and SMS by SNS, or (local mode, per medium without an endpoint) the outbox. SDK
   * clients are built on first use, one per region, so deployments that never send build none. SMS
   * of pools with {@code SnsCallerArn} are published with that role's session credentials, assumed
   * with STS (the STS client, in the deployment's region, is also built on first use).
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
                perRegion(region -> sesClient(region, m.sesEndpoint())),
                config.defaultRegion(),
                m.sesFromAddress(),
                m.sesSourceArn());
    MessageChannel sms =
        m.smsToOutbox()
            ? outbox.channel(DeliveryMedium.SMS)
            : new SnsSmsSender(
                perRegion(region -> snsClient(region, m.snsEndpoint())),
                snsRegion,
                smsRoles(config, clock));
    return new Delivery(List.of(email, sms));
  }

  private static <T> Function<String, T> perRegion(Function<String, T> factory) {
    Map<String, T> clients = new ConcurrentHashMap<>();
    return region -> clients.computeIfAbsent(region, factory);
  }

  private static SesClient sesClient(String region, String endpoint) {
    var builder =
        SesClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
    if (endpoint == null) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }
    return builder
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  private static SmsRoleCredentials smsRoles(AppConfig config, Clock clock) {
    Supplier<StsClient> sts =
        memoize(() -> stsClient(config.defaultRegion(), config.messages().effectiveStsEndpoint()));
    return new SmsRoleCredentials(request -> sts.get().assumeRole(request), clock);
  }

  private static StsClient stsClient(String region, String endpoint) {
    var builder =
        StsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
    if (endpoint == null) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }
    return builder
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  private static SnsClient snsClient(String region, String endpoint) {
    var builder =
        SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
    if (endpoint == null) {
      return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }
    return builder
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
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

  /** Empties the store and every in-memory copy of its keys (local reset, test suites). */
  public void reset() {
    table.clear();
    deploymentKeys.forget();
    cachedPools.forgetAll();
    cachedClients.forgetAll();
  }

  public Dependencies dependencies() {
    return dependencies;
  }

  public CognitoProtocol protocol() {
    return protocol;
  }

  /** Messages the local outbox holds (empty when every medium goes to SES/SNS). */
  /**
   * Where user import CSVs are uploaded (the local server's endpoint); without it no import job can
   * start.
   */
  public void useImportUploads(CsvUploads uploads) {
    dependencies.imports().useUploads(uploads);
  }

  public Outbox outbox() {
    return outbox;
  }

  /** The pool domain's OAuth endpoints and hosted pages (routes of both front ends). */
  public OAuthEndpoints oauth() {
    return oauth;
  }

  /** The JWKS and discovery documents (GET routes of both front ends). */
  public WellKnownEndpoints wellKnown() {
    return wellKnown;
  }
}
