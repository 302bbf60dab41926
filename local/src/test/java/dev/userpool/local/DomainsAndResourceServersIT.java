package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * User pool domains, resource servers and the OAuth settings of app clients, through the AWS SDK v2
 * client.
 */
class DomainsAndResourceServersIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private CognitoIdentityProviderClient cognito;
  private String poolId;

  @BeforeEach
  void pool() {
    cognito = server.client();
    poolId = SignInFixtures.pool(cognito);
  }

  private static ResourceServerScopeType scope(String name) {
    return ResourceServerScopeType.builder()
        .scopeName(name)
        .scopeDescription("about " + name)
        .build();
  }

  @Test
  void whenPrefixDomainIsCreatedThenDescribeAndDescribeUserPoolShowItAndDeleteReleasesIt() {
    assertEquals(
        1,
        cognito
            .createUserPoolDomain(r -> r.userPoolId(poolId).domain("my-app-42"))
            .managedLoginVersion());

    DomainDescriptionType d =
        cognito.describeUserPoolDomain(r -> r.domain("my-app-42")).domainDescription();
    assertEquals(poolId, d.userPoolId());
    assertEquals("my-app-42", d.domain());
    assertEquals("ACTIVE", d.statusAsString());
    assertNull(d.customDomainConfig());
    assertEquals(
        "my-app-42", cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().domain());

    // UpdateUserPool keeps the domain
    cognito.updateUserPool(r -> r.userPoolId(poolId));
    assertEquals(
        "my-app-42", cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().domain());

    cognito.deleteUserPoolDomain(r -> r.userPoolId(poolId).domain("my-app-42"));
    assertNull(
        cognito.describeUserPoolDomain(r -> r.domain("my-app-42")).domainDescription().domain());
    assertNull(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().domain());
    String other = SignInFixtures.pool(cognito);
    cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("my-app-42"));
  }

  @Test
  void whenPrefixIsTakenByAnotherPoolThenInvalidParameterAndNothingChanges() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("taken"));
    String other = SignInFixtures.pool(cognito);
    Expect.error(
        InvalidParameterException.class,
        "Domain already associated with another user pool.",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("taken")));
    assertNull(cognito.describeUserPool(r -> r.userPoolId(other)).userPool().domain());
    assertEquals(
        poolId,
        cognito.describeUserPoolDomain(r -> r.domain("taken")).domainDescription().userPoolId());
  }

  @Test
  void whenPoolAlreadyHasAPrefixDomainThenSecondIsRefused() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("first"));
    Expect.error(
        InvalidParameterException.class,
        "already has a domain",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("second")));
    assertTrue(
        cognito.describeUserPoolDomain(r -> r.domain("second")).domainDescription().domain()
            == null);
  }

  @Test
  void whenPrefixHasInvalidCharactersThenCognitosMessage() {
    Expect.error(
        InvalidParameterException.class,
        "Domain names can only contain lower-case letters",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("Bad_Prefix")));
  }

  @Test
  void whenCustomDomainIsCreatedThenCertificateIsRecordedAndUpdatable() {
    String cert =
        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    String cloudFront =
        cognito
            .createUserPoolDomain(
                r ->
                    r.userPoolId(poolId)
                        .domain("auth.example.com")
                        .customDomainConfig(c -> c.certificateArn(cert)))
            .cloudFrontDomain();
    assertTrue(cloudFront.endsWith(".cloudfront.net"), cloudFront);
    DomainDescriptionType d =
        cognito.describeUserPoolDomain(r -> r.domain("auth.example.com")).domainDescription();
    assertEquals(cert, d.customDomainConfig().certificateArn());
    assertEquals(cloudFront, d.cloudFrontDistribution());
    assertEquals(
        "auth.example.com",
        cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().customDomain());

    String cert2 = cert.replace("5555", "6666");
    cognito.updateUserPoolDomain(
        r ->
            r.userPoolId(poolId)
                .domain("auth.example.com")
                .customDomainConfig(c -> c.certificateArn(cert2)));
    assertEquals(
        cert2,
        cognito
            .describeUserPoolDomain(r -> r.domain("auth.example.com"))
            .domainDescription()
            .customDomainConfig()
            .certificateArn());
  }

  @Test
  void whenDeletingADomainOfAnotherPoolThenNoSuchDomain() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("mine"));
    String other = SignInFixtures.pool(cognito);
    Expect.error(
        InvalidParameterException.class,
        "No such domain or user pool exists.",
        () -> cognito.deleteUserPoolDomain(r -> r.userPoolId(other).domain("mine")));
    assertEquals(
        poolId,
        cognito.describeUserPoolDomain(r -> r.domain("mine")).domainDescription().userPoolId());
  }

  @Test
  void whenPoolIsDeletedThenItsDomainIsFree() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("gone-with-pool"));
    cognito.deleteUserPool(r -> r.userPoolId(poolId));
    assertNull(
        cognito
            .describeUserPoolDomain(r -> r.domain("gone-with-pool"))
            .domainDescription()
            .domain());
  }

  @Test
  void whenResourceServerIsCreatedThenDescribeListUpdateDeleteWork() {
    ResourceServerType created =
        cognito
            .createResourceServer(
                r ->
                    r.userPoolId(poolId)
                        .identifier("https://api")
                        .name("API")
                        .scopes(scope("read"), scope("write")))
            .resourceServer();
    assertEquals("https://api", created.identifier());
    assertEquals(
        List.of("read", "write"),
        created.scopes().stream().map(ResourceServerScopeType::scopeName).toList());

    ResourceServerType described =
        cognito
            .describeResourceServer(r -> r.userPoolId(poolId).identifier("https://api"))
            .resourceServer();
    assertEquals("API", described.name());
    assertEquals("about write", described.scopes().get(1).scopeDescription());

    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("billing").name("Billing"));
    ListResourceServersResponse first =
        cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(1));
    assertEquals(1, first.resourceServers().size());
    ListResourceServersResponse second =
        cognito.listResourceServers(
            r -> r.userPoolId(poolId).maxResults(1).nextToken(first.nextToken()));
    assertEquals(1, second.resourceServers().size());
    assertNull(second.nextToken());

    cognito.updateResourceServer(
        r -> r.userPoolId(poolId).identifier("https://api").name("API v2").scopes(scope("admin")));
    described =
        cognito
            .describeResourceServer(r -> r.userPoolId(poolId).identifier("https://api"))
            .resourceServer();
    assertEquals("API v2", described.name());
    assertEquals(
        List.of("admin"),
        described.scopes().stream().map(ResourceServerScopeType::scopeName).toList());

    cognito.deleteResourceServer(r -> r.userPoolId(poolId).identifier("https://api"));
    Expect.error(
        ResourceNotFoundException.class,
        "https://api",
        () -> cognito.describeResourceServer(r -> r.userPoolId(poolId).identifier("https://api")));
    assertEquals(
        1,
        cognito
            .listResourceServers(r -> r.userPoolId(poolId).maxResults(10))
            .resourceServers()
            .size());
  }

  @Test
  void whenResourceServerIdentifierExistsThenInvalidParameter() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("api").name("API"));
    Expect.error(
        InvalidParameterException.class,
        "already exists",
        () ->
            cognito.createResourceServer(
                r -> r.userPoolId(poolId).identifier("api").name("Other")));
    assertEquals(
        "API",
        cognito
            .describeResourceServer(r -> r.userPoolId(poolId).identifier("api"))
            .resourceServer()
            .name());
  }

  @Test
  void whenScopeDescriptionIsMissingThenModelValidation() {
    Expect.error(
        InvalidParameterException.class,
        "scopeDescription",
        () ->
            cognito.createResourceServer(
                r ->
                    r.userPoolId(poolId)
                        .identifier("api")
                        .name("API")
                        .scopes(ResourceServerScopeType.builder().scopeName("read").build())));
  }

  @Test
  void whenClientAsksForCustomScopesThenTheyMustExist() {
    Expect.error(
        ScopeDoesNotExistException.class,
        "Invalid scope requested: api/read",
        () ->
            cognito.createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("m2m")
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("api/read")));
    Expect.error(
        ScopeDoesNotExistException.class,
        "Invalid scope requested: Cognito",
        () ->
            cognito.createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .callbackURLs("https://app.example.com/cb")
                        .allowedOAuthScopes("openid", "Cognito")));

    cognito.createResourceServer(
        r -> r.userPoolId(poolId).identifier("api").name("API").scopes(scope("read")));
    UserPoolClientType client =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("m2m")
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("api/read"))
            .userPoolClient();
    assertEquals(List.of("api/read"), client.allowedOAuthScopes());
    Expect.error(
        ScopeDoesNotExistException.class,
        "Invalid scope requested: api/write",
        () ->
            cognito.updateUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientId(client.clientId())
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("api/write")));
    assertEquals(
        List.of("api/read"),
        cognito
            .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(client.clientId()))
            .userPoolClient()
            .allowedOAuthScopes());
  }

  @Test
  void whenCodeFlowHasNoCallbackUrlsThenInvalidOAuthFlow() {
    Expect.error(
        InvalidOAuthFlowException.class,
        "CallbackUrls can not be empty when code flow or implicit flow is selected",
        () ->
            cognito.createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")));
  }

  @Test
  void
      whenCallbackUrlIsPlainHttpOnAPublicHostOrHasAFragmentThenRefusedButLocalhostAndAppSchemesPass() {
    for (String bad :
        List.of("http://app.example.com/cb", "https://app.example.com/cb#frag", "relative/cb")) {
      Expect.error(
          InvalidParameterException.class,
          "Invalid CallbackURL",
          () ->
              cognito.createUserPoolClient(
                  r ->
                      r.userPoolId(poolId)
                          .clientName("web")
                          .allowedOAuthFlows(OAuthFlowType.CODE)
                          .allowedOAuthFlowsUserPoolClient(true)
                          .allowedOAuthScopes("openid")
                          .callbackURLs(bad)));
    }
    UserPoolClientType ok =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(
                            "http://localhost:3000/cb", "http://127.0.0.1/cb", "myapp://signin")
                        .logoutURLs("http://localhost:3000/")
                        .defaultRedirectURI("myapp://signin"))
            .userPoolClient();
    assertEquals(3, ok.callbackURLs().size());
    assertFalse(ok.logoutURLs().isEmpty());
  }
}
