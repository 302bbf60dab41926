package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListTermsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsEnforcementType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsSourceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsType;

/** CreateTerms, DescribeTerms, ListTerms, UpdateTerms and DeleteTerms through the SDK v2 client. */
class TermsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private TermsType create(String poolId, String clientId, String name, Map<String, String> links) {
    return cognito
        .createTerms(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .termsName(name)
                    .termsSource(TermsSourceType.LINK)
                    .enforcement(TermsEnforcementType.NONE)
                    .links(links))
        .terms();
  }

  @Test
  void whenTermsAreCreatedThenTheyAreDescribedListedUpdatedAndDeleted() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    TermsType created =
        create(
            poolId,
            clientId,
            "terms-of-use",
            Map.of(
                "cognito:default",
                "https://example.com/terms",
                "cognito:french",
                "https://example.com/fr/terms"));
    TermsType privacy =
        create(
            poolId, clientId, "privacy-policy", Map.of("cognito:default", "https://example.com/p"));

    assertTrue(
        created
            .termsId()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertEquals(poolId, created.userPoolId());
    assertEquals(clientId, created.clientId());
    assertEquals(TermsSourceType.LINK, created.termsSource());
    assertEquals(TermsEnforcementType.NONE, created.enforcement());
    assertNotNull(created.creationDate());
    assertEquals(
        created,
        cognito.describeTerms(b -> b.userPoolId(poolId).termsId(created.termsId())).terms());

    ListTermsResponse first = cognito.listTerms(b -> b.userPoolId(poolId).maxResults(1));
    assertEquals(1, first.terms().size());
    assertNotNull(first.nextToken());
    ListTermsResponse second =
        cognito.listTerms(b -> b.userPoolId(poolId).maxResults(1).nextToken(first.nextToken()));
    assertEquals(1, second.terms().size());
    assertNull(second.nextToken());
    assertEquals(
        List.of(created.termsId(), privacy.termsId()).stream().sorted().toList(),
        List.of(first.terms().get(0).termsId(), second.terms().get(0).termsId()));

    TermsType updated =
        cognito
            .updateTerms(
                b ->
                    b.userPoolId(poolId)
                        .termsId(created.termsId())
                        .links(Map.of("cognito:default", "https://example.com/terms-v2")))
            .terms();
    assertEquals(Map.of("cognito:default", "https://example.com/terms-v2"), updated.links());
    assertEquals("terms-of-use", updated.termsName());
    assertEquals(created.creationDate(), updated.creationDate());

    cognito.deleteTerms(b -> b.userPoolId(poolId).termsId(created.termsId()));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.describeTerms(b -> b.userPoolId(poolId).termsId(created.termsId())));
    assertNotNull(
        create(
            poolId, clientId, "terms-of-use", Map.of("cognito:default", "https://example.com/t3")));
  }

  @Test
  void whenAClientAlreadyHasTheDocumentThenTermsExists() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String otherClient = SignInFixtures.client(cognito, poolId).clientId();
    create(poolId, clientId, "terms-of-use", Map.of("cognito:default", "https://example.com/t"));
    TermsType privacy =
        create(
            poolId, clientId, "privacy-policy", Map.of("cognito:default", "https://example.com/p"));

    Expect.error(
        TermsExistsException.class,
        "terms-of-use",
        () ->
            create(
                poolId,
                clientId,
                "terms-of-use",
                Map.of("cognito:default", "https://example.com/t2")));
    Expect.error(
        TermsExistsException.class,
        "terms-of-use",
        () ->
            cognito.updateTerms(
                b -> b.userPoolId(poolId).termsId(privacy.termsId()).termsName("terms-of-use")));
    assertNotNull(
        create(
            poolId,
            otherClient,
            "terms-of-use",
            Map.of("cognito:default", "https://example.com/t")));
    assertEquals(3, cognito.listTerms(b -> b.userPoolId(poolId)).terms().size());
  }

  @Test
  void whenInputIsBadThenCognitoErrorsAndNothingIsStored() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        InvalidParameterException.class,
        "Member must satisfy regular expression pattern",
        () ->
            create(
                poolId,
                clientId,
                "cookie-policy",
                Map.of("cognito:default", "https://example.com/t")));
    Expect.error(
        InvalidParameterException.class,
        "Member must satisfy regular expression pattern",
        () ->
            create(
                poolId,
                clientId,
                "terms-of-use",
                Map.of("cognito:klingon", "https://example.com/t")));
    Expect.error(
        InvalidParameterException.class,
        "Links are required",
        () ->
            cognito.createTerms(
                b ->
                    b.userPoolId(poolId)
                        .clientId(clientId)
                        .termsName("terms-of-use")
                        .termsSource(TermsSourceType.LINK)
                        .enforcement(TermsEnforcementType.NONE)));
    Expect.error(
        ResourceNotFoundException.class,
        "User pool client nosuchclient does not exist.",
        () ->
            create(
                poolId,
                "nosuchclient",
                "terms-of-use",
                Map.of("cognito:default", "https://example.com/t")));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.deleteTerms(
                b -> b.userPoolId(poolId).termsId("3f1e6a52-5c2e-4d7a-9b1e-2f6f0c1d2e3a")));
    assertTrue(cognito.listTerms(b -> b.userPoolId(poolId)).terms().isEmpty());
  }
}
