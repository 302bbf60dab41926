package dev.userpool.infra;

import dev.userpool.infra.FunctionEnvironment.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.Cors;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * One Userpool deployment: the REST API, the function behind its {@code live} alias, the table, the
 * admin key secret, least-privilege permissions, alarms and outputs. See docs/architecture.md.
 */
public final class UserpoolStack extends Stack {
  public static final String STAGE_NAME = "prod";
  public static final String ALIAS_NAME = "live";
  // Memory: the app runs in a 96 MB heap (151 MiB resident) under a sign-in load run; 1024 MB is
  // for CPU, which
  // Lambda scales with memory (RSA signing, SRP, JVM start). Timeout: a sign-in may wait on three
  // triggers of 5 s
  // each, so 15 s is too short; 29 s is API Gateway's integration limit. See docs/measurements.md.
  static final int MEMORY_MB = 1024;
  static final Duration TIMEOUT = Duration.seconds(29);

  /** Headers the AWS SDKs (browser amazon-cognito-identity-js included) send to cognito-idp. */
  static final List<String> CORS_HEADERS =
      List.of(
          "Content-Type",
          "X-Amz-Target",
          "X-Amz-User-Agent",
          "X-Amz-Date",
          "X-Amz-Security-Token",
          "X-Amz-Content-Sha256",
          "Authorization",
          "amz-sdk-invocation-id",
          "amz-sdk-request",
          "Cache-Control");

  /** Days an uploaded import CSV is kept at most (a finished job deletes its own at once). */
  static final int IMPORT_UPLOAD_DAYS = 1;

  /** The request headers a browser's PUT to an import PreSignedUrl sends (docs/adr/0015). */
  static final List<String> IMPORT_UPLOAD_HEADERS =
      List.of("content-type", "x-amz-server-side-encryption");

  /** How long browsers may cache the import bucket's preflight answer, in seconds. */
  static final int IMPORT_UPLOAD_CORS_MAX_AGE = 3000;

  /** The prefix of import CSVs in the import bucket (dev.userpool.imports.aws.S3CsvUploads). */
  static final String IMPORT_PREFIX = "imports/";

  private final Table table;
  private final Bucket importBucket;
  private final Secret adminKey;
  private final RestApi api;
  private final Function function;
  private final Alias live;

  public UserpoolStack(Construct scope, String id, StackProps props, Code functionCode) {
    super(scope, id, props);
    FunctionEnvironment environment = FunctionEnvironment.load();
    DeploymentSettings settings = new DeploymentSettings(getNode());

    table =
        Table.Builder.create(this, "Table")
            .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
            .timeToLiveAttribute("expiresAt")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    adminKey = adminKeySecret();
    importBucket = createImportBucket();

    // The API exists before the function so the issuer URL can default to it; routes are added
    // below.
    api =
        RestApi.Builder.create(this, "Api")
            .description("Userpool: the Amazon Cognito user pools API")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            .cloudWatchRole(
                false) // the account-wide API Gateway logging role is not this stack's to own
            .deployOptions(StageOptions.builder().stageName(STAGE_NAME).build())
            .build();

    Map<Resource, String> resources = new EnumMap<>(Resource.class);
    resources.put(Resource.TABLE_NAME, table.getTableName());
    resources.put(Resource.ACCOUNT_ID, Aws.ACCOUNT_ID);
    resources.put(Resource.REGION, Aws.REGION);
    resources.put(Resource.ADMIN_KEY_SECRET_ARN, adminKey.getSecretArn());
    resources.put(Resource.IMPORT_BUCKET, importBucket.getBucketName());
    resources.put(
        Resource.API_URL,
        Fn.join(
            "",
            List.of(
                "https://",
                api.getRestApiId(),
                ".execute-api.",
                Aws.REGION,
                ".",
                Aws.URL_SUFFIX,
                "/",
                STAGE_NAME)));

    function =
        Function.Builder.create(this, "Function")
            .description("Userpool: every Cognito user pools operation")
            .runtime(runtime(environment.runtime()))
            .handler(environment.handler())
            .code(functionCode)
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(environment.resolve(resources, settings::get))
            .build();
    live =
        Alias.Builder.create(this, "Live")
            .aliasName(ALIAS_NAME)
            .version(function.getCurrentVersion())
            .build();
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "the live alias points at a published version");

    addRoutes();
    grantLeastPrivilege(settings);
    new UserpoolAlarms(this, "Alarms", api, function, table);

    CfnOutput.Builder.create(this, "ApiUrl")
        .description("Endpoint URL: point an SDK's endpoint override here")
        .value(api.getUrl())
        .build();
    CfnOutput.Builder.create(this, "TableName")
        .description("The DynamoDB table")
        .value(table.getTableName())
        .build();
    CfnOutput.Builder.create(this, "AdminKeySecretArn")
        .description("Secret holding the admin access key (JSON: accessKeyId, secretAccessKey)")
        .value(adminKey.getSecretArn())
        .build();
  }

  /**
   * The admin access key that SigV4-protected operations are signed with. The key id is "UPADMIN"
   * plus the last 12 hex digits of the stack's id, so it differs per deployment; the secret key is
   * generated by Secrets Manager.
   */
  private Secret adminKeySecret() {
    String stackGuidTail = Fn.select(4, Fn.split("-", Fn.select(2, Fn.split("/", Aws.STACK_ID))));
    return Secret.Builder.create(this, "AdminKey")
        .description(
            "Userpool admin access key for SigV4-signed (IAM-authorized) Cognito operations")
        .generateSecretString(
            SecretStringGenerator.builder()
                .secretStringTemplate(
                    Fn.join("", List.of("{\"accessKeyId\":\"UPADMIN", stackGuidTail, "\"}")))
                .generateStringKey("secretAccessKey")
                .passwordLength(40)
                .excludePunctuation(true)
                .build())
        .build();
  }

  /**
   * Where CreateUserImportJob's presigned URLs upload CSVs to (docs/adr/0015): private, SSE-KMS
   * with the AWS managed key (the URL is signed for that header, as Cognito's is), HTTPS only, and
   * uploads deleted after {@link #IMPORT_UPLOAD_DAYS} days. Its CORS rule lets a browser page PUT
   * the CSV to the presigned URL with the headers it is signed for.
   */
  private Bucket createImportBucket() {
    return Bucket.Builder.create(this, "ImportBucket")
        .encryption(BucketEncryption.KMS_MANAGED)
        .cors(List.of(importUploadCors()))
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .lifecycleRules(
            List.of(
                LifecycleRule.builder()
                    .id("DeleteImportUploads")
                    .prefix(IMPORT_PREFIX)
                    .expiration(Duration.days(IMPORT_UPLOAD_DAYS))
                    .abortIncompleteMultipartUploadAfter(Duration.days(1))
                    .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  /**
   * A browser's PUT of the CSV (issue 11): any origin, since the presigned URL itself is what
   * authorizes the one upload; the request headers are the signed {@code
   * x-amz-server-side-encryption} and the CSV's {@code Content-Type} (not a CORS-safelisted value).
   */
  static CorsRule importUploadCors() {
    return CorsRule.builder()
        .allowedMethods(List.of(HttpMethods.PUT))
        .allowedOrigins(List.of("*"))
        .allowedHeaders(IMPORT_UPLOAD_HEADERS)
        .exposedHeaders(List.of("ETag"))
        .maxAge(IMPORT_UPLOAD_CORS_MAX_AGE)
        .build();
  }

  private void addRoutes() {
    LambdaIntegration integration =
        LambdaIntegration.Builder.create(live).proxy(true).allowTestInvoke(false).build();
    IResource root = api.getRoot();
    // Preflight is answered by API Gateway itself; the function adds Access-Control-Allow-Origin to
    // POST answers.
    root.addCorsPreflight(
        CorsOptions.builder()
            .allowOrigins(Cors.ALL_ORIGINS)
            .allowMethods(List.of("POST", "OPTIONS"))
            .allowHeaders(CORS_HEADERS)
            .maxAge(Duration.hours(1))
            .build());
    root.addMethod("POST", integration);
    IResource wellKnown = root.addResource("{poolId}").addResource(".well-known");
    wellKnown.addResource("jwks.json").addMethod("GET", integration);
    wellKnown.addResource("openid-configuration").addMethod("GET", integration);
    // The pool domain's OAuth endpoints and hosted pages (dev.userpool.oauth.OAuthEndpoints).
    IResource oauth2 = root.addResource("oauth2");
    oauth2.addResource("token").addMethod("POST", integration);
    oauth2.addResource("revoke").addMethod("POST", integration);
    oauth2.addResource("authorize").addMethod("GET", integration);
    IResource userInfo = oauth2.addResource("userInfo");
    userInfo.addMethod("GET", integration);
    userInfo.addMethod("POST", integration);
    IResource login = root.addResource("login");
    login.addMethod("GET", integration);
    login.addMethod("POST", integration);
    root.addResource("logout").addMethod("GET", integration);
    // The hosted account pages (sign-up, confirmation, forgotten password).
    for (String page : List.of("signup", "forgotPassword")) {
      IResource resource = root.addResource(page);
      resource.addMethod("GET", integration);
      resource.addMethod("POST", integration);
    }
    for (String page : List.of("confirm", "resendcode", "confirmforgotPassword")) {
      root.addResource(page).addMethod("POST", integration);
    }
    // The link of CONFIRM_WITH_LINK sign-up emails (docs/adr/0022).
    root.addResource("confirmUser").addMethod("GET", integration);
    // Where external identity providers send the browser back (federation, docs/adr/0016).
    IResource idpResponse = oauth2.addResource("idpresponse");
    idpResponse.addMethod("GET", integration);
    idpResponse.addMethod("POST", integration);
    IResource saml2 = root.addResource("saml2");
    saml2.addResource("idpresponse").addMethod("POST", integration);
    // Where a SAML IdP posts its LogoutResponse after single logout (docs/adr/0017).
    saml2.addResource("logout").addMethod("POST", integration);
  }

  private void grantLeastPrivilege(DeploymentSettings settings) {
    // Users, groups, clients, codes, sessions and signing keys: items of this one table (and its
    // indexes, if any).
    table.grantReadWriteData(function);

    // Verification codes and messages by email: the configured sending identity, else any identity
    // here.
    String sesSource = settings.get("sesSourceArn");
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("SendEmail")
            .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
            .resources(
                List.of(
                    sesSource != null
                        ? sesSource
                        : Fn.join(
                            "",
                            List.of(
                                "arn:",
                                Aws.PARTITION,
                                ":ses:",
                                Aws.REGION,
                                ":",
                                Aws.ACCOUNT_ID,
                                ":identity/*"))))
            .build());

    // Codes by SMS: a publish to a phone number has no resource ARN, so this cannot be narrower
    // than "*".
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("SendSms")
            .actions(List.of("sns:Publish"))
            .resources(List.of("*"))
            .build());
    // A pool's SmsConfiguration.SnsCallerArn: the role SMS is sent as, in this account only.
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("AssumeSmsRole")
            .actions(List.of("sts:AssumeRole"))
            .resources(
                List.of(
                    Fn.join(
                        "", List.of("arn:", Aws.PARTITION, ":iam::", Aws.ACCOUNT_ID, ":role/*"))))
            .build());

    // Codes for pools' custom sender triggers: encrypted (Encryption SDK) under the pool's
    // KMSKeyID, any key of this account in any region, and only with the pool's encryption context.
    // The key's own policy must also allow this role (ADR 0021), as Cognito's principal needs it.
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("EncryptCustomSenderCodes")
            .actions(List.of("kms:Encrypt", "kms:GenerateDataKey"))
            .resources(
                List.of(
                    Fn.join(
                        "", List.of("arn:", Aws.PARTITION, ":kms:*:", Aws.ACCOUNT_ID, ":key/*"))))
            .conditions(Map.of("StringLike", Map.of("kms:EncryptionContext:userpool-id", "*")))
            .build());

    // Users imported from Cognito (import-cognito): their first sign-in checks the password at the
    // source pool,
    // which keeps its id, so any pool of this account in any region.
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("CheckImportedPasswords")
            .actions(List.of("cognito-idp:AdminInitiateAuth"))
            .resources(
                List.of(
                    Fn.join(
                        "",
                        List.of(
                            "arn:",
                            Aws.PARTITION,
                            ":cognito-idp:*:",
                            Aws.ACCOUNT_ID,
                            ":userpool/*"))))
            .build());

    // Lambda triggers: only the functions the operator named.
    List<String> invokable = new ArrayList<>(settings.list("triggerFunctionArns"));
    String customMessage = settings.get("defaultCustomMessageLambdaArn");
    if (customMessage != null && !invokable.contains(customMessage)) {
      invokable.add(customMessage);
    }
    if (!invokable.isEmpty()) {
      function.addToRolePolicy(
          PolicyStatement.Builder.create()
              .sid("InvokeTriggers")
              .actions(List.of("lambda:InvokeFunction"))
              .resources(invokable)
              .build());
    }

    // User import CSVs: presigning the upload (a presigned URL acts with the signer's rights),
    // copying it aside when the job starts, reading and deleting it. ListBucket only makes S3
    // answer 404 rather than 403 for a CSV that was never uploaded.
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("ImportUploads")
            .actions(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"))
            .resources(List.of(importBucket.arnForObjects(IMPORT_PREFIX + "*")))
            .build());
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("ImportUploadsExist")
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(importBucket.getBucketArn()))
            .build());
    // Import jobs run in asynchronous invocations of this function (a version of it). A policy of
    // its own: in the role's default policy the function's ARN would be a circular dependency.
    Policy.Builder.create(this, "ImportJobInvocations")
        .statements(
            List.of(
                PolicyStatement.Builder.create()
                    .sid("RunImportJobs")
                    .actions(List.of("lambda:InvokeFunction"))
                    .resources(List.of(function.getFunctionArn(), function.getFunctionArn() + ":*"))
                    .build()))
        .roles(List.of(function.getRole()))
        .build();

    // The admin access key, to check SigV4 signatures of admin operations.
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .sid("ReadAdminKey")
            .actions(List.of("secretsmanager:GetSecretValue"))
            .resources(List.of(adminKey.getSecretArn()))
            .build());
  }

  private static Runtime runtime(String name) {
    if (!Runtime.JAVA_21.getName().equals(name)) {
      throw new IllegalArgumentException(
          "unsupported runtime " + name + "; add it to UserpoolStack.runtime");
    }
    return Runtime.JAVA_21;
  }

  public Table table() {
    return table;
  }

  public Bucket importBucket() {
    return importBucket;
  }

  public Secret adminKey() {
    return adminKey;
  }

  public RestApi api() {
    return api;
  }

  public Function function() {
    return function;
  }

  public Alias live() {
    return live;
  }
}
