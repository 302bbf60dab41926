package dev.userpool.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class UserpoolStackTest {
  static final String TRIGGER_A = "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up";
  static final String TRIGGER_B =
      "arn:aws:lambda:us-east-1:123456789012:function:post-confirmation";
  static final String CUSTOM_MESSAGE =
      "arn:aws:lambda:us-east-1:123456789012:function:custom-message";
  static final String SES_SOURCE = "arn:aws:ses:us-east-1:123456789012:identity/example.com";

  static Template template;
  static Template configured;
  static FunctionEnvironment environment;

  @BeforeAll
  static void synthesize() {
    environment = FunctionEnvironment.load();
    template = Synth.stack(Map.of());
    configured =
        Synth.stack(
            Map.of(
                "userpool:triggerFunctionArns",
                TRIGGER_A + "," + TRIGGER_B,
                "userpool:defaultCustomMessageLambdaArn",
                CUSTOM_MESSAGE,
                "userpool:sesFromAddress",
                "no-reply@example.com",
                "userpool:sesSourceArn",
                SES_SOURCE,
                "userpool:snsRegion",
                "eu-west-1",
                "userpool:issuerBaseUrl",
                "https://auth.example.com"));
  }

  @Test
  void functionRunsTheSharedHandlerOnJava21WithSnapStart() {
    template.resourceCountIs("AWS::Lambda::Function", 1);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "dev.userpool.lambda.ApiGatewayHandler::handleRequest",
            "Runtime",
            "java21",
            "SnapStart",
            Map.of("ApplyOn", "PublishedVersions"),
            "MemorySize",
            1024,
            "Timeout",
            29));
  }

  @Test
  void functionEnvironmentHasExactlyTheNamesOfTheSharedFile() {
    Map<String, Object> variables = variables(template);
    assertEquals(
        new TreeSet<>(environment.variables().keySet()), new TreeSet<>(variables.keySet()));
    assertEquals("dynamodb", variables.get("USERPOOL_STORE"));
    assertEquals(
        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", variables.get("JAVA_TOOL_OPTIONS"));
  }

  @Test
  void environmentPointsAtTheTableTheSecretAndTheApi() {
    Map<String, Object> variables = variables(template);
    assertEquals(Map.of("Ref", tableId()), variables.get("USERPOOL_TABLE_NAME"));
    assertEquals(Map.of("Ref", secretId()), variables.get("USERPOOL_ADMIN_KEY_SECRET_ARN"));
    assertEquals(Map.of("Ref", "AWS::AccountId"), variables.get("USERPOOL_ACCOUNT_ID"));
    assertEquals(Map.of("Ref", "AWS::Region"), variables.get("USERPOOL_DEFAULT_REGION"));
    assertEquals(Map.of("Ref", "AWS::Region"), variables.get("USERPOOL_SNS_REGION"));
    String issuer = variables.get("USERPOOL_ISSUER_BASE_URL").toString();
    assertTrue(issuer.contains("Ref=" + apiId()) && issuer.contains("/prod"), issuer);
    assertEquals("", variables.get("USERPOOL_TRIGGER_FUNCTION_ARNS"));
    assertEquals("", variables.get("USERPOOL_SES_FROM_ADDRESS"));
  }

  @Test
  void whenSettingsAreGivenThenTheEnvironmentCarriesThem() {
    Map<String, Object> variables = variables(configured);
    assertEquals(TRIGGER_A + "," + TRIGGER_B, variables.get("USERPOOL_TRIGGER_FUNCTION_ARNS"));
    assertEquals(CUSTOM_MESSAGE, variables.get("USERPOOL_DEFAULT_CUSTOM_MESSAGE_LAMBDA_ARN"));
    assertEquals("no-reply@example.com", variables.get("USERPOOL_SES_FROM_ADDRESS"));
    assertEquals(SES_SOURCE, variables.get("USERPOOL_SES_SOURCE_ARN"));
    assertEquals("eu-west-1", variables.get("USERPOOL_SNS_REGION"));
    assertEquals("https://auth.example.com", variables.get("USERPOOL_ISSUER_BASE_URL"));
  }

  @Test
  void aliasLivePointsAtAPublishedVersion() {
    template.resourceCountIs("AWS::Lambda::Version", 1);
    String version = Synth.onlyLogicalId(template, "AWS::Lambda::Version");
    template.hasResourceProperties(
        "AWS::Lambda::Alias",
        Map.of(
            "Name", "live", "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));
  }

  @Test
  void tableHasStringKeysTtlPointInTimeRecoveryOnDemandBillingAndIsRetained() {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy", "Retain",
            "UpdateReplacePolicy", "Retain",
            "Properties",
                Map.of(
                    "KeySchema",
                        List.of(
                            Map.of("AttributeName", "pk", "KeyType", "HASH"),
                            Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                    "AttributeDefinitions",
                        List.of(
                            Map.of("AttributeName", "pk", "AttributeType", "S"),
                            Map.of("AttributeName", "sk", "AttributeType", "S")),
                    "BillingMode", "PAY_PER_REQUEST",
                    "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true),
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "GlobalSecondaryIndexes", Match.absent())));
  }

  @Test
  void apiIsRegionalWithTheProtocolWellKnownAndOAuthRoutes() {
    template.hasResourceProperties(
        "AWS::ApiGateway::RestApi",
        Map.of("EndpointConfiguration", Map.of("Types", List.of("REGIONAL"))));
    assertEquals(
        Set.of(
            "OPTIONS /",
            "POST /",
            "GET /{poolId}/.well-known/jwks.json",
            "GET /{poolId}/.well-known/openid-configuration",
            "POST /oauth2/token",
            "POST /oauth2/revoke",
            "GET /oauth2/authorize",
            "GET /oauth2/userInfo",
            "POST /oauth2/userInfo",
            "GET /login",
            "POST /login",
            "GET /logout",
            "GET /signup",
            "POST /signup",
            "POST /confirm",
            "POST /resendcode",
            "GET /forgotPassword",
            "POST /forgotPassword",
            "POST /confirmforgotPassword",
            "GET /confirmUser",
            "GET /oauth2/idpresponse",
            "POST /oauth2/idpresponse",
            "POST /saml2/idpresponse",
            "POST /saml2/logout"),
        routes(template));
  }

  @Test
  void lambdaRoutesUseProxyIntegrationToTheAlias() {
    Map<String, Map<String, Object>> methods = template.findResources("AWS::ApiGateway::Method");
    int proxied = 0;
    for (Map<String, Object> method : methods.values()) {
      Map<?, ?> props = (Map<?, ?>) method.get("Properties");
      if ("OPTIONS".equals(props.get("HttpMethod"))) {
        assertEquals("MOCK", ((Map<?, ?>) props.get("Integration")).get("Type"));
        continue;
      }
      Map<?, ?> integration = (Map<?, ?>) props.get("Integration");
      assertEquals("AWS_PROXY", integration.get("Type"));
      assertEquals("POST", integration.get("IntegrationHttpMethod"));
      assertTrue(
          integration.get("Uri").toString().contains("Ref=" + aliasId()),
          integration.get("Uri").toString());
      proxied++;
    }
    assertEquals(23, proxied);
  }

  @Test
  void corsPreflightAllowsTheHeadersTheSdksSend() {
    template.hasResourceProperties(
        "AWS::ApiGateway::Method",
        Map.of(
            "HttpMethod",
            "OPTIONS",
            "Integration",
            Match.objectLike(
                Map.of(
                    "IntegrationResponses",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "ResponseParameters",
                                    Match.objectLike(
                                        Map.of(
                                            "method.response.header.Access-Control-Allow-Headers",
                                            Match.stringLikeRegexp(
                                                ".*X-Amz-Target.*X-Amz-User-Agent.*")))))))))));
  }

  @Test
  void tableActionsAreScopedToTheTable() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    Set<Object> tableOnly =
        Set.of(Map.of("Fn::GetAtt", List.of(tableId(), "Arn")), Map.of("Ref", "AWS::NoValue"));
    List<String> tableActions =
        resources.keySet().stream().filter(a -> a.startsWith("dynamodb:")).toList();
    assertTrue(
        tableActions.containsAll(
            List.of(
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:DeleteItem",
                "dynamodb:Query",
                "dynamodb:ConditionCheckItem")),
        tableActions.toString());
    for (String action : tableActions) {
      assertTrue(
          tableOnly.containsAll(resources.get(action)), action + " on " + resources.get(action));
    }
  }

  @Test
  void onlyTheAdminKeySecretCanBeReadAndOnlyWithGetSecretValue() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(
        List.of(Map.of("Ref", secretId())), resources.get("secretsmanager:GetSecretValue"));
    assertEquals(
        Set.of("secretsmanager:GetSecretValue"), actionsWithPrefix(resources, "secretsmanager:"));
  }

  @Test
  void importedPasswordsAreCheckedOnlyWithAdminInitiateAuthOnThisAccountsPools() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(
        Set.of("cognito-idp:AdminInitiateAuth"), actionsWithPrefix(resources, "cognito-idp:"));
    String on = resources.get("cognito-idp:AdminInitiateAuth").toString();
    assertTrue(
        on.contains(":cognito-idp:*:")
            && on.contains(":userpool/*")
            && on.contains("AWS::AccountId"),
        on);
  }

  @Test
  void messagingIsLimitedToSendingEmailAndSms() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(Set.of("ses:SendEmail", "ses:SendRawEmail"), actionsWithPrefix(resources, "ses:"));
    assertEquals(Set.of("sns:Publish"), actionsWithPrefix(resources, "sns:"));
    assertEquals(Set.of("sts:AssumeRole"), actionsWithPrefix(resources, "sts:"));
    assertTrue(resources.get("sts:AssumeRole").toString().contains(":role/*"));
    assertTrue(resources.get("ses:SendEmail").toString().contains(":identity/*"));
    assertEquals(List.of(SES_SOURCE), resourcesByAction(configured).get("ses:SendEmail"));
    // No other action may have "*" as its resource.
    resources.forEach(
        (action, on) -> assertTrue(!on.contains("*") || action.equals("sns:Publish"), action));
  }

  @Test
  @SuppressWarnings("unchecked")
  void customSenderCodesAreEncryptedWithKeysOfThisAccountUnderAPoolsContextOnly() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(
        Set.of("kms:Encrypt", "kms:GenerateDataKey"), actionsWithPrefix(resources, "kms:"));
    for (String action : List.of("kms:Encrypt", "kms:GenerateDataKey")) {
      String on = resources.get(action).toString();
      assertTrue(on.contains(":kms:*:") && on.contains(":key/*"), on);
      assertTrue(on.contains("AWS::AccountId"), on);
    }
    boolean scoped = false;
    for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> document =
          (Map<String, Object>)
              ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
      for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
        if ("EncryptCustomSenderCodes".equals(statement.get("Sid"))) {
          assertEquals(
              Map.of("StringLike", Map.of("kms:EncryptionContext:userpool-id", "*")),
              statement.get("Condition"));
          scoped = true;
        }
      }
    }
    assertTrue(scoped, "no EncryptCustomSenderCodes statement");
  }

  @Test
  void whenNoTriggersAreConfiguredThenTheFunctionCanInvokeOnlyItself() {
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(Set.of("lambda:InvokeFunction"), actionsWithPrefix(resources, "lambda:"));
    assertEquals(selfInvocation(), new HashSet<>(resources.get("lambda:InvokeFunction")));
  }

  @Test
  void whenTriggersAreConfiguredThenOnlyTheyAndTheFunctionItselfCanBeInvoked() {
    Map<String, List<Object>> resources = resourcesByAction(configured);
    assertEquals(Set.of("lambda:InvokeFunction"), actionsWithPrefix(resources, "lambda:"));
    Set<Object> expected = new HashSet<>(Set.of(TRIGGER_A, TRIGGER_B, CUSTOM_MESSAGE));
    expected.addAll(selfInvocation());
    assertEquals(expected, new HashSet<>(resources.get("lambda:InvokeFunction")));
  }

  /** Import jobs run in asynchronous invocations of the function, unqualified or a version. */
  private static Set<Object> selfInvocation() {
    Map<String, Object> arn = Map.of("Fn::GetAtt", List.of(functionId(), "Arn"));
    return Set.of(arn, Map.of("Fn::Join", List.of("", List.of(arn, ":*"))));
  }

  @Test
  void importBucketIsPrivateKmsEncryptedHttpsOnlyAndDeletesUploads() {
    String bucket = Synth.onlyLogicalId(template, "AWS::S3::Bucket");
    Map<String, Object> props = Synth.properties(template, bucket);
    assertEquals(
        Map.of(
            "ServerSideEncryptionConfiguration",
            List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms")))),
        props.get("BucketEncryption"),
        "SSE-KMS with the AWS managed key (no key id)");
    assertEquals(
        Map.of(
            "BlockPublicAcls", true,
            "BlockPublicPolicy", true,
            "IgnorePublicAcls", true,
            "RestrictPublicBuckets", true),
        props.get("PublicAccessBlockConfiguration"));
    assertEquals(
        Map.of(
            "Rules",
            List.of(
                Map.of(
                    "Id", "DeleteImportUploads",
                    "Prefix", "imports/",
                    "ExpirationInDays", UserpoolStack.IMPORT_UPLOAD_DAYS,
                    "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1),
                    "Status", "Enabled"))),
        props.get("LifecycleConfiguration"));
    String policy =
        Synth.properties(template, Synth.onlyLogicalId(template, "AWS::S3::BucketPolicy"))
            .toString();
    assertTrue(
        policy.contains("Effect=Deny") && policy.contains("aws:SecureTransport=false"), policy);
    assertEquals(
        "Retain",
        ((Map<?, ?>) template.toJSON().get("Resources")).get(bucket) instanceof Map<?, ?> r
            ? r.get("DeletionPolicy")
            : null);
  }

  @Test
  void browsersMayPutTheImportCsvWithTheHeadersThePresignedUrlIsSignedFor() {
    Map<String, Object> props =
        Synth.properties(template, Synth.onlyLogicalId(template, "AWS::S3::Bucket"));
    assertEquals(
        Map.of(
            "CorsRules",
            List.of(
                Map.of(
                    "AllowedMethods", List.of("PUT"),
                    "AllowedOrigins", List.of("*"),
                    "AllowedHeaders", List.of("content-type", "x-amz-server-side-encryption"),
                    "ExposedHeaders", List.of("ETag"),
                    "MaxAge", 3000))),
        props.get("CorsConfiguration"));
  }

  @Test
  void functionGetsTheImportBucketAndOnlyItsImportObjects() {
    String bucket = Synth.onlyLogicalId(template, "AWS::S3::Bucket");
    assertEquals(Map.of("Ref", bucket), variables(template).get("USERPOOL_IMPORT_BUCKET"));
    Map<String, List<Object>> resources = resourcesByAction(template);
    assertEquals(
        Set.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:ListBucket"),
        actionsWithPrefix(resources, "s3:"));
    Object imports =
        Map.of(
            "Fn::Join",
            List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/imports/*")));
    for (String action : List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject")) {
      assertEquals(List.of(imports), resources.get(action), action);
    }
    assertEquals(
        List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn"))), resources.get("s3:ListBucket"));
  }

  @Test
  void adminKeySecretIsGeneratedWithAnAccessKeyIdAndASecretAccessKey() {
    template.hasResourceProperties(
        "AWS::SecretsManager::Secret",
        Map.of(
            "GenerateSecretString",
            Match.objectLike(
                Map.of(
                    "GenerateStringKey",
                    "secretAccessKey",
                    "PasswordLength",
                    40,
                    "ExcludePunctuation",
                    true))));
    Object secretTemplate =
        ((Map<?, ?>) Synth.properties(template, secretId()).get("GenerateSecretString"))
            .get("SecretStringTemplate");
    assertTrue(
        secretTemplate.toString().contains("{\"accessKeyId\":\"UPADMIN"),
        secretTemplate.toString());
  }

  @Test
  void alarmsWatchApi5xxFunctionErrorsAndThrottlesAndTableThrottles() {
    template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/ApiGateway", "MetricName", "5XXError"));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/Lambda", "MetricName", "Errors"));
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/Lambda", "MetricName", "Throttles"));
    String tableAlarm =
        template.findResources("AWS::CloudWatch::Alarm").values().stream()
            .map(Object::toString)
            .filter(a -> a.contains("AWS/DynamoDB"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        tableAlarm.contains("ReadThrottleEvents") && tableAlarm.contains("WriteThrottleEvents"),
        tableAlarm);
  }

  @Test
  void outputsNameTheEndpointTheTableAndTheAdminKeySecret() {
    template.hasOutput("ApiUrl", Map.of("Value", Match.anyValue()));
    template.hasOutput("TableName", Map.of("Value", Map.of("Ref", tableId())));
    template.hasOutput("AdminKeySecretArn", Map.of("Value", Map.of("Ref", secretId())));
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(Template t) {
    Map<String, Object> props =
        Synth.properties(t, Synth.onlyLogicalId(t, "AWS::Lambda::Function"));
    return (Map<String, Object>) ((Map<String, Object>) props.get("Environment")).get("Variables");
  }

  /** "METHOD /path" of every API method, the path built from the resources' PathParts. */
  @SuppressWarnings("unchecked")
  static Set<String> routes(Template t) {
    Map<String, String> paths = new HashMap<>();
    Map<String, Map<String, Object>> resources = t.findResources("AWS::ApiGateway::Resource");
    for (String id : resources.keySet()) {
      paths.put(id, path(id, resources));
    }
    Set<String> routes = new TreeSet<>();
    for (Map<String, Object> method : t.findResources("AWS::ApiGateway::Method").values()) {
      Map<String, Object> props = (Map<String, Object>) method.get("Properties");
      Object resourceId = props.get("ResourceId");
      String path =
          resourceId instanceof Map<?, ?> ref && ref.containsKey("Ref")
              ? paths.get((String) ref.get("Ref"))
              : "/";
      routes.add(props.get("HttpMethod") + " " + path);
    }
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static String path(String id, Map<String, Map<String, Object>> resources) {
    Map<String, Object> props = (Map<String, Object>) resources.get(id).get("Properties");
    Object parent = props.get("ParentId");
    String parentPath =
        parent instanceof Map<?, ?> ref && ref.containsKey("Ref")
            ? path((String) ref.get("Ref"), resources)
            : "";
    return parentPath + "/" + props.get("PathPart");
  }

  /** For each allowed action in any IAM policy of the stack, the resources it is allowed on. */
  @SuppressWarnings("unchecked")
  static Map<String, List<Object>> resourcesByAction(Template t) {
    Map<String, List<Object>> byAction = new HashMap<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> document =
          (Map<String, Object>)
              ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
      for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
        assertEquals("Allow", statement.get("Effect"));
        for (Object action : asList(statement.get("Action"))) {
          byAction
              .computeIfAbsent((String) action, a -> new ArrayList<>())
              .addAll(asList(statement.get("Resource")));
        }
      }
    }
    assertFalse(byAction.containsKey("*"));
    return byAction;
  }

  private static Set<String> actionsWithPrefix(Map<String, List<Object>> resources, String prefix) {
    Set<String> actions = new TreeSet<>();
    resources.keySet().stream().filter(a -> a.startsWith(prefix)).forEach(actions::add);
    return actions;
  }

  private static List<Object> asList(Object value) {
    return value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(value));
  }

  private static String tableId() {
    return Synth.onlyLogicalId(template, "AWS::DynamoDB::Table");
  }

  private static String secretId() {
    return Synth.onlyLogicalId(template, "AWS::SecretsManager::Secret");
  }

  private static String apiId() {
    return Synth.onlyLogicalId(template, "AWS::ApiGateway::RestApi");
  }

  private static String functionId() {
    return Synth.onlyLogicalId(template, "AWS::Lambda::Function");
  }

  private static String aliasId() {
    return Synth.onlyLogicalId(template, "AWS::Lambda::Alias");
  }
}
