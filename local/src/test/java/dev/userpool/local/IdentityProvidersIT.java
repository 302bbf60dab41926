package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DuplicateProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * CreateIdentityProvider, DescribeIdentityProvider, UpdateIdentityProvider, DeleteIdentityProvider,
 * ListIdentityProviders and GetIdentityProviderByIdentifier through the AWS SDK v2.
 */
class IdentityProvidersIT {
  static final Map<String, String> OIDC =
      Map.of(
          "client_id",
          "corp-client",
          "client_secret",
          "s3cret",
          "attributes_request_method",
          "GET",
          "oidc_issuer",
          "https://idp.example.com",
          "authorize_scopes",
          "openid email");
  static final Map<String, String> GOOGLE =
      Map.of(
          "client_id",
          "g-client",
          "client_secret",
          "g-secret",
          "authorize_scopes",
          "profile email openid");
  static final String METADATA =
      "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
          + "entityID=\"https://saml.example.com\"/>";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenOidcProviderIsCreatedThenDescribeAndIdentifierLookupShowEveryMember() {
    String poolId = TestPools.builder().create(server);

    IdentityProviderType created =
        cognito
            .createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC)
                        .attributeMapping(Map.of("email", "email", "username", "sub"))
                        .idpIdentifiers("corp.example.com", "corp"))
            .identityProvider();
    IdentityProviderType described =
        cognito
            .describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp"))
            .identityProvider();
    IdentityProviderType byIdentifier =
        cognito
            .getIdentityProviderByIdentifier(b -> b.userPoolId(poolId).idpIdentifier("corp"))
            .identityProvider();

    assertEquals(created, described);
    assertEquals(created, byIdentifier);
    assertEquals(poolId, described.userPoolId());
    assertEquals(IdentityProviderTypeType.OIDC, described.providerType());
    assertEquals(OIDC, described.providerDetails());
    assertEquals(Map.of("email", "email", "username", "sub"), described.attributeMapping());
    assertEquals(List.of("corp.example.com", "corp"), described.idpIdentifiers());
    assertNotNull(described.creationDate());
    assertEquals(described.creationDate(), described.lastModifiedDate());
  }

  @Test
  void whenSocialAndSamlProvidersAreCreatedThenEachIsAccepted() {
    String poolId = TestPools.builder().create(server);

    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Google")
                .providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(GOOGLE));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Facebook")
                .providerType(IdentityProviderTypeType.FACEBOOK)
                .providerDetails(GOOGLE));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("LoginWithAmazon")
                .providerType(IdentityProviderTypeType.LOGIN_WITH_AMAZON)
                .providerDetails(GOOGLE));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("SignInWithApple")
                .providerType(IdentityProviderTypeType.SIGN_IN_WITH_APPLE)
                .providerDetails(
                    Map.of(
                        "client_id",
                        "a",
                        "team_id",
                        "T",
                        "key_id",
                        "K",
                        "private_key",
                        "-----BEGIN PRIVATE KEY-----",
                        "authorize_scopes",
                        "email name")));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Okta")
                .providerType(IdentityProviderTypeType.SAML)
                .providerDetails(Map.of("MetadataFile", METADATA)));

    List<String> types =
        cognito.listIdentityProviders(b -> b.userPoolId(poolId)).providers().stream()
            .map(ProviderDescription::providerTypeAsString)
            .toList();
    assertEquals(
        List.of("Facebook", "Google", "LoginWithAmazon", "SAML", "SignInWithApple"), types);
  }

  @Test
  void whenRequiredDetailsAreMissingThenInvalidParameterAndNothingIsStored() {
    String poolId = TestPools.builder().create(server);

    Expect.error(
        InvalidParameterException.class,
        "client_secret",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Google")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(Map.of("client_id", "x", "authorize_scopes", "openid"))));
    Expect.error(
        InvalidParameterException.class,
        "oidc_issuer",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(
                            Map.of(
                                "client_id",
                                "x",
                                "attributes_request_method",
                                "GET",
                                "authorize_scopes",
                                "openid"))));
    Expect.error(
        InvalidParameterException.class,
        "attributes_request_method",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(
                            Map.of(
                                "client_id",
                                "x",
                                "attributes_request_method",
                                "PUT",
                                "oidc_issuer",
                                "https://i",
                                "authorize_scopes",
                                "openid"))));
    Expect.error(
        InvalidParameterException.class,
        "MetadataURL or MetadataFile",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Okta")
                        .providerType(IdentityProviderTypeType.SAML)
                        .providerDetails(Map.of())));

    assertTrue(cognito.listIdentityProviders(b -> b.userPoolId(poolId)).providers().isEmpty());
  }

  @Test
  void whenOidcEndpointsAreNotGivenThenTheyAreTakenFromTheIssuersDiscoveryDocument()
      throws Exception {
    String poolId = TestPools.builder().create(server);
    // Another pool of the same server is a real OIDC issuer with a discovery document.
    String issuer = server.endpoint() + "/" + TestPools.builder().create(server);
    JsonNode document =
        new ObjectMapper()
            .readTree(
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create(issuer + "/.well-known/openid-configuration"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    Map<String, String> details = new HashMap<>(OIDC);
    details.put("oidc_issuer", issuer);
    details.put("token_url", "https://tokens.example.com/token");

    Map<String, String> stored =
        cognito
            .createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Pool")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(details))
            .identityProvider()
            .providerDetails();

    assertEquals(document.get("authorization_endpoint").asText(), stored.get("authorize_url"));
    assertEquals(document.get("userinfo_endpoint").asText(), stored.get("attributes_url"));
    assertEquals(document.get("jwks_uri").asText(), stored.get("jwks_uri"));
    assertEquals(
        "https://tokens.example.com/token", stored.get("token_url"), "a given key is kept");
    assertEquals(
        stored,
        cognito
            .describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Pool"))
            .identityProvider()
            .providerDetails());
  }

  @Test
  void whenSocialProviderIsNotNamedAfterItsTypeThenInvalidParameterAsCognitoWordsIt() {
    String poolId = TestPools.builder().create(server);

    Expect.error(
        InvalidParameterException.class,
        "Provider NameOfGP cannot be of type Google.",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("NameOfGP")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(GOOGLE)));
  }

  @Test
  void whenNameOrIdentifierIsTakenThenDuplicateProviderException() {
    String poolId = TestPools.builder().create(server);
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC)
                .idpIdentifiers("corp"));

    Expect.error(
        DuplicateProviderException.class,
        "already exists",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC)));
    Expect.error(
        DuplicateProviderException.class,
        "already exists",
        () ->
            cognito.createIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Other")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC)
                        .idpIdentifiers("corp")));
    String otherPool = TestPools.builder().create(server);
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(otherPool)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC)
                .idpIdentifiers("corp"));

    assertEquals(1, cognito.listIdentityProviders(b -> b.userPoolId(poolId)).providers().size());
  }

  @Test
  void whenProviderIsUpdatedThenGivenMembersAreReplacedAndIdentifiersMove() {
    String poolId = TestPools.builder().create(server);
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC)
                .attributeMapping(Map.of("email", "email"))
                .idpIdentifiers("old"));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Google")
                .providerType(IdentityProviderTypeType.GOOGLE)
                .providerDetails(GOOGLE)
                .idpIdentifiers("taken"));

    IdentityProviderType updated =
        cognito
            .updateIdentityProvider(
                b -> b.userPoolId(poolId).providerName("Corp").idpIdentifiers("new"))
            .identityProvider();
    Expect.error(
        DuplicateProviderException.class,
        "already exists",
        () ->
            cognito.updateIdentityProvider(
                b -> b.userPoolId(poolId).providerName("Corp").idpIdentifiers("taken")));
    Expect.error(
        InvalidParameterException.class,
        "attributes_request_method",
        () ->
            cognito.updateIdentityProvider(
                b ->
                    b.userPoolId(poolId)
                        .providerName("Corp")
                        .providerDetails(Map.of("client_id", "x"))));

    assertEquals(List.of("new"), updated.idpIdentifiers());
    assertEquals(OIDC, updated.providerDetails());
    assertEquals(Map.of("email", "email"), updated.attributeMapping());
    assertEquals(
        updated,
        cognito
            .getIdentityProviderByIdentifier(b -> b.userPoolId(poolId).idpIdentifier("new"))
            .identityProvider());
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.getIdentityProviderByIdentifier(
                b -> b.userPoolId(poolId).idpIdentifier("old")));
  }

  @Test
  void whenProviderIsDeletedThenItIsGoneAndItsNameIsFree() {
    String poolId = TestPools.builder().create(server);
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC)
                .idpIdentifiers("corp"));

    cognito.deleteIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp"));

    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.deleteIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")));
    cognito.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Corp2")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC)
                .idpIdentifiers("corp"));
  }

  @Test
  void whenListedWithMaxResultsThenNextTokenWalksEveryProviderOnce() {
    String poolId = TestPools.builder().create(server);
    for (int i = 0; i < 5; i++) {
      String name = "Idp" + i;
      cognito.createIdentityProvider(
          b ->
              b.userPoolId(poolId)
                  .providerName(name)
                  .providerType(IdentityProviderTypeType.OIDC)
                  .providerDetails(OIDC));
    }

    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListIdentityProvidersResponse page =
          cognito.listIdentityProviders(b -> b.userPoolId(poolId).maxResults(2).nextToken(next));
      page.providers().forEach(p -> names.add(p.providerName()));
      assertNotNull(page.providers().get(0).creationDate());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertEquals(List.of("Idp0", "Idp1", "Idp2", "Idp3", "Idp4"), names);
    assertEquals(3, pages);
  }

  @Test
  void whenPoolIsMissingThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool us-east-1_Missing00 does not exist.",
        () -> cognito.listIdentityProviders(b -> b.userPoolId("us-east-1_Missing00")));
  }
}
