package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

class UserPoolsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private static List<String> names(List<SchemaAttributeType> schema) {
    return schema.stream().map(SchemaAttributeType::name).toList();
  }

  private UserPoolType create(String name) {
    return cognito.createUserPool(r -> r.poolName(name)).userPool();
  }

  @Test
  void whenPoolIsCreatedThenItsSigningKeyIsStoredWithIt() {
    String poolId = create("keys").id();
    // Read the table, not the JWKS endpoint (which would create a key on demand).
    assertFalse(
        server.server().wiring().table().query("POOL#" + poolId, "SIGNKEY#", null, 10).isEmpty());
  }

  @Test
  void whenCreatedWithOnlyANameThenCognitosDefaultsAreReturned() {
    Instant before = Instant.now().minusSeconds(1);
    UserPoolType pool = create("minimal");

    assertTrue(pool.id().matches("us-east-1_[0-9A-Za-z]{9}"));
    assertEquals("minimal", pool.name());
    assertEquals("arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + pool.id(), pool.arn());
    assertTrue(pool.creationDate().isAfter(before));
    assertEquals(pool.creationDate(), pool.lastModifiedDate());
    assertEquals(
        PasswordPolicyType.builder()
            .minimumLength(8)
            .requireUppercase(true)
            .requireLowercase(true)
            .requireNumbers(true)
            .requireSymbols(true)
            .temporaryPasswordValidityDays(7)
            .build(),
        pool.policies().passwordPolicy());
    assertEquals(DeletionProtectionType.INACTIVE, pool.deletionProtection());
    assertNotNull(pool.lambdaConfig());
    assertNull(pool.lambdaConfig().preSignUp());
    assertEquals(UserPoolMfaType.OFF, pool.mfaConfiguration());
    assertEquals(0, pool.estimatedNumberOfUsers());
    assertEquals("COGNITO_DEFAULT", pool.emailConfiguration().emailSendingAccountAsString());
    assertEquals(
        "CONFIRM_WITH_CODE", pool.verificationMessageTemplate().defaultEmailOptionAsString());
    assertEquals(
        AdminCreateUserConfigType.builder()
            .allowAdminCreateUserOnly(false)
            .unusedAccountValidityDays(7)
            .build(),
        pool.adminCreateUserConfig());
    assertTrue(
        pool.userAttributeUpdateSettings().attributesRequireVerificationBeforeUpdate().isEmpty());
    assertTrue(pool.userPoolTags().isEmpty());
    assertFalse(pool.hasAutoVerifiedAttributes());
    assertFalse(pool.hasAliasAttributes());
    assertFalse(pool.hasUsernameAttributes());
    assertNull(pool.usernameConfiguration());
    assertNull(pool.smsConfiguration());
    assertEquals(UserPoolTierType.ESSENTIALS, pool.userPoolTier());
    assertEquals(
        List.of("PASSWORD"), pool.policies().signInPolicy().allowedFirstAuthFactorsAsStrings());
    UserPoolType described =
        server.client().describeUserPool(b -> b.userPoolId(pool.id())).userPool();
    assertEquals(UserPoolTierType.ESSENTIALS, described.userPoolTier());
    assertEquals(
        List.of("PASSWORD"),
        described.policies().signInPolicy().allowedFirstAuthFactorsAsStrings());
  }

  @Test
  void whenCreatedThenSchemaHasTheTwentyStandardAttributesWithTheirConstraints() {
    List<SchemaAttributeType> schema = create("schema").schemaAttributes();

    assertEquals(
        names(schema),
        List.of(
            "sub",
            "name",
            "given_name",
            "family_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "email",
            "email_verified",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "phone_number",
            "phone_number_verified",
            "address",
            "updated_at"));
    SchemaAttributeType sub = schema.get(0);
    assertTrue(sub.required());
    assertFalse(sub.mutable());
    assertEquals("1", sub.stringAttributeConstraints().minLength());
    assertEquals("2048", sub.stringAttributeConstraints().maxLength());
    Map<String, SchemaAttributeType> byName =
        schema.stream().collect(Collectors.toMap(SchemaAttributeType::name, a -> a));
    assertEquals("10", byName.get("birthdate").stringAttributeConstraints().minLength());
    assertEquals(AttributeDataType.BOOLEAN, byName.get("email_verified").attributeDataType());
    assertNull(byName.get("email_verified").stringAttributeConstraints());
    assertEquals(AttributeDataType.NUMBER, byName.get("updated_at").attributeDataType());
    assertEquals("0", byName.get("updated_at").numberAttributeConstraints().minValue());
    assertFalse(byName.get("email").required());
    assertFalse(byName.get("email").developerOnlyAttribute());
  }

  @Test
  void whenSchemaHasStandardAndCustomAttributesThenStandardAreAdjustedAndCustomArePrefixed() {
    UserPoolType pool =
        cognito
            .createUserPool(
                r ->
                    r.poolName("custom")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("email")
                                .required(true)
                                .mutable(true)
                                .build(),
                            SchemaAttributeType.builder()
                                .name("tier")
                                .attributeDataType(AttributeDataType.STRING)
                                .stringAttributeConstraints(
                                    StringAttributeConstraintsType.builder()
                                        .minLength("1")
                                        .maxLength("10")
                                        .build())
                                .build()))
            .userPool();

    Map<String, SchemaAttributeType> byName =
        pool.schemaAttributes().stream()
            .collect(Collectors.toMap(SchemaAttributeType::name, a -> a));
    assertTrue(byName.get("email").required());
    assertEquals("10", byName.get("custom:tier").stringAttributeConstraints().maxLength());
    assertTrue(byName.get("custom:tier").mutable());
    assertEquals(21, pool.schemaAttributes().size());
  }

  @Test
  void whenRequiredCustomAttributeThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Required custom attributes are not supported currently.",
        () ->
            cognito.createUserPool(
                r ->
                    r.poolName("p")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("tier")
                                .attributeDataType(AttributeDataType.STRING)
                                .required(true)
                                .build())));
  }

  @Test
  void whenUsernameAndAliasAttributesBothGivenThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "",
        () ->
            cognito.createUserPool(
                r ->
                    r.poolName("p")
                        .usernameAttributes(UsernameAttributeType.EMAIL)
                        .aliasAttributes(AliasAttributeType.PHONE_NUMBER)));
  }

  @Test
  void whenPoolNameTooLongThenInvalidParameterFromValidation() {
    Expect.error(
        InvalidParameterException.class,
        "at 'poolName' failed to satisfy constraint: Member must have"
            + " length less than or equal to 128",
        () -> create("x".repeat(129)));
  }

  @Test
  void whenCreatedWithSettingsThenTheyAreStoredAndDescribed() {
    UserPoolType created =
        cognito
            .createUserPool(
                CreateUserPoolRequest.builder()
                    .poolName("full")
                    .usernameAttributes(UsernameAttributeType.EMAIL)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .usernameConfiguration(c -> c.caseSensitive(false))
                    .policies(
                        p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireNumbers(true)))
                    .deletionProtection(DeletionProtectionType.ACTIVE)
                    .emailVerificationMessage("Code {####}")
                    .userPoolTags(Map.of("team", "identity"))
                    .build())
            .userPool();

    UserPoolType described = cognito.describeUserPool(r -> r.userPoolId(created.id())).userPool();

    assertEquals(created, described);
    assertEquals(List.of(UsernameAttributeType.EMAIL), described.usernameAttributes());
    assertFalse(described.usernameConfiguration().caseSensitive());
    assertEquals(12, described.policies().passwordPolicy().minimumLength());
    assertFalse(described.policies().passwordPolicy().requireUppercase());
    assertTrue(described.policies().passwordPolicy().requireNumbers());
    assertEquals(DeletionProtectionType.ACTIVE, described.deletionProtection());
    assertEquals("Code {####}", described.verificationMessageTemplate().emailMessage());
    assertEquals("identity", described.userPoolTags().get("team"));
  }

  @Test
  void whenDescribingUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool us-east-1_nothere00 does not exist.",
        () -> cognito.describeUserPool(r -> r.userPoolId("us-east-1_nothere00")));
  }

  @Test
  void whenUserPoolIdMissingThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Member must not be null",
        () -> cognito.describeUserPool(r -> {}));
  }

  @Test
  void whenUpdatedThenGivenMembersChangeAndMostOmittedOnesReturnToDefaults() {
    UserPoolType pool =
        cognito
            .createUserPool(
                r ->
                    r.poolName("upd")
                        .aliasAttributes(AliasAttributeType.EMAIL)
                        .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(10)))
                        .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true)))
            .userPool();

    cognito.updateUserPool(
        r ->
            r.userPoolId(pool.id())
                .mfaConfiguration(UserPoolMfaType.OFF)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .userPoolTags(Map.of("k", "v")));
    UserPoolType after = cognito.describeUserPool(r -> r.userPoolId(pool.id())).userPool();

    assertEquals(List.of(VerifiedAttributeType.EMAIL), after.autoVerifiedAttributes());
    // Policies are kept when omitted (UpdateUserPoolOmissionsIT), AdminCreateUserConfig is reset
    assertEquals(10, after.policies().passwordPolicy().minimumLength());
    assertFalse(after.adminCreateUserConfig().allowAdminCreateUserOnly());
    assertEquals(List.of(AliasAttributeType.EMAIL), after.aliasAttributes());
    assertEquals(pool.schemaAttributes(), after.schemaAttributes());
    assertEquals(Map.of("k", "v"), after.userPoolTags());
    assertEquals(pool.creationDate(), after.creationDate());
    assertFalse(after.lastModifiedDate().isBefore(pool.lastModifiedDate()));
  }

  @Test
  void whenVerificationBeforeUpdateNamesAttributeNotAutoVerifiedThenInvalidParameter() {
    String id = create("uaus").id();
    Expect.error(
        InvalidParameterException.class,
        "must exist in AutoVerifiedAttributes",
        () ->
            cognito.updateUserPool(
                r ->
                    r.userPoolId(id)
                        .userAttributeUpdateSettings(
                            s -> s.attributesRequireVerificationBeforeUpdateWithStrings("email"))));
  }

  @Test
  void whenUpdatingUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.updateUserPool(r -> r.userPoolId("us-east-1_nothere00")));
  }

  @Test
  void whenDeletedThenDescribeFindsNothing() {
    String id = create("gone").id();
    cognito.createUserPoolClient(r -> r.userPoolId(id).clientName("c"));

    cognito.deleteUserPool(r -> r.userPoolId(id));

    Expect.error(
        ResourceNotFoundException.class, "", () -> cognito.describeUserPool(r -> r.userPoolId(id)));
    Expect.error(
        ResourceNotFoundException.class, "", () -> cognito.deleteUserPool(r -> r.userPoolId(id)));
  }

  @Test
  void whenDeletionProtectionActiveThenDeleteIsRefusedUntilDeactivated() {
    String id =
        cognito
            .createUserPool(
                r -> r.poolName("kept").deletionProtection(DeletionProtectionType.ACTIVE))
            .userPool()
            .id();

    Expect.error(
        InvalidParameterException.class,
        "The user pool cannot be deleted because deletion protection is" + " activated.",
        () -> cognito.deleteUserPool(r -> r.userPoolId(id)));
    cognito.updateUserPool(
        r -> r.userPoolId(id).deletionProtection(DeletionProtectionType.INACTIVE));
    cognito.deleteUserPool(r -> r.userPoolId(id));
    Expect.error(
        ResourceNotFoundException.class, "", () -> cognito.describeUserPool(r -> r.userPoolId(id)));
  }

  @Test
  void whenListingWithMaxResultsThenPagesCoverEveryPoolOnce() {
    for (int i = 0; i < 5; i++) {
      create("pool-" + i);
    }
    ListUserPoolsResponse first = cognito.listUserPools(r -> r.maxResults(3));
    ListUserPoolsResponse second =
        cognito.listUserPools(r -> r.maxResults(3).nextToken(first.nextToken()));

    assertEquals(3, first.userPools().size());
    assertNotNull(first.nextToken());
    assertEquals(2, second.userPools().size());
    assertNull(second.nextToken());
    UserPoolDescriptionType item = first.userPools().get(0);
    assertTrue(item.id().startsWith("us-east-1_"));
    assertNotNull(item.lambdaConfig());
    assertNotNull(item.creationDate());
    assertNotNull(item.lastModifiedDate());
    List<String> names = new java.util.ArrayList<>();
    first.userPools().forEach(p -> names.add(p.name()));
    second.userPools().forEach(p -> names.add(p.name()));
    assertEquals(5, new java.util.HashSet<>(names).size());
  }

  @Test
  void whenListingFromAnotherRegionThenOnlyThatRegionsPoolsAppear() {
    create("east");
    try (CognitoIdentityProviderClient west =
        LocalServerExtension.clientFor(server.endpoint(), Region.EU_WEST_1)) {
      UserPoolType westPool = west.createUserPool(r -> r.poolName("west")).userPool();

      assertTrue(westPool.id().startsWith("eu-west-1_"));
      assertTrue(westPool.arn().startsWith("arn:aws:cognito-idp:eu-west-1:"));
      assertEquals(
          List.of("west"),
          west.listUserPools(r -> r.maxResults(60)).userPools().stream()
              .map(UserPoolDescriptionType::name)
              .toList());
      assertEquals(
          List.of("east"),
          cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
              .map(UserPoolDescriptionType::name)
              .toList());
    }
  }

  @Test
  void whenMaxResultsMissingOrOutOfRangeThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class, "maxResults", () -> cognito.listUserPools(r -> {}));
    Expect.error(
        InvalidParameterException.class,
        "maxResults",
        () -> cognito.listUserPools(r -> r.maxResults(61)));
  }

  @Test
  void whenCustomAttributesAddedThenSchemaHasThemWithThePrefix() {
    String id = create("attrs").id();

    cognito.addCustomAttributes(
        r ->
            r.userPoolId(id)
                .customAttributes(
                    SchemaAttributeType.builder()
                        .name("plan")
                        .attributeDataType(AttributeDataType.STRING)
                        .build(),
                    SchemaAttributeType.builder()
                        .name("seats")
                        .attributeDataType(AttributeDataType.NUMBER)
                        .mutable(false)
                        .build()));

    List<SchemaAttributeType> schema =
        cognito.describeUserPool(r -> r.userPoolId(id)).userPool().schemaAttributes();
    assertTrue(names(schema).containsAll(List.of("custom:plan", "custom:seats")));
    assertFalse(schema.get(schema.size() - 1).mutable());
    assertEquals(AttributeDataType.NUMBER, schema.get(schema.size() - 1).attributeDataType());
  }

  @Test
  void whenCustomAttributeExistsThenInvalidParameter() {
    String id = create("dup").id();
    SchemaAttributeType plan =
        SchemaAttributeType.builder()
            .name("plan")
            .attributeDataType(AttributeDataType.STRING)
            .build();
    cognito.addCustomAttributes(r -> r.userPoolId(id).customAttributes(plan));

    Expect.error(
        InvalidParameterException.class,
        "custom:plan: Existing attribute already has name custom:plan.",
        () -> cognito.addCustomAttributes(r -> r.userPoolId(id).customAttributes(plan)));
  }

  @Test
  void whenMoreThanFiftyCustomAttributesThenInvalidParameter() {
    String id = create("many").id();
    for (int batch = 0; batch < 2; batch++) {
      int from = batch * 25;
      cognito.addCustomAttributes(
          r ->
              r.userPoolId(id)
                  .customAttributes(
                      java.util.stream.IntStream.range(from, from + 25)
                          .mapToObj(
                              i ->
                                  SchemaAttributeType.builder()
                                      .name("a" + i)
                                      .attributeDataType(AttributeDataType.STRING)
                                      .build())
                          .toList()));
    }
    Expect.error(
        InvalidParameterException.class,
        "limit of 50 custom attributes",
        () ->
            cognito.addCustomAttributes(
                r ->
                    r.userPoolId(id)
                        .customAttributes(
                            SchemaAttributeType.builder()
                                .name("one-more")
                                .attributeDataType(AttributeDataType.STRING)
                                .build())));
  }

  @Test
  void whenCustomAttributeNameTooLongThenInvalidParameter() {
    String id = create("long").id();
    Expect.error(
        InvalidParameterException.class,
        "",
        () ->
            cognito.addCustomAttributes(
                r ->
                    r.userPoolId(id)
                        .customAttributes(
                            SchemaAttributeType.builder()
                                .name("x".repeat(21))
                                .attributeDataType(AttributeDataType.STRING)
                                .build())));
  }

  @Test
  void whenAddingCustomAttributesToUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "",
        () ->
            cognito.addCustomAttributes(
                r ->
                    r.userPoolId("us-east-1_nothere00")
                        .customAttributes(SchemaAttributeType.builder().name("x").build())));
  }

  @Test
  void whenCsvHeaderRequestedThenStandardThenCustomThenCognitoColumns() {
    String id = create("csv").id();
    cognito.addCustomAttributes(
        r ->
            r.userPoolId(id)
                .customAttributes(
                    SchemaAttributeType.builder()
                        .name("plan")
                        .attributeDataType(AttributeDataType.STRING)
                        .build()));

    var header = cognito.getCSVHeader(r -> r.userPoolId(id));

    assertEquals(id, header.userPoolId());
    assertEquals(
        List.of(
            "name",
            "given_name",
            "family_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "email",
            "email_verified",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "phone_number",
            "phone_number_verified",
            "address",
            "updated_at",
            "custom:plan",
            "cognito:mfa_enabled",
            "cognito:username"),
        header.csvHeader());
  }

  @Test
  void whenCsvHeaderOfUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "",
        () -> cognito.getCSVHeader(r -> r.userPoolId("us-east-1_nothere00")));
  }
}
