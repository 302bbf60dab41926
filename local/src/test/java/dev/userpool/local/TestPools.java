package dev.userpool.local;

import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.UserPool;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates user pools in-process, straight through the pool store of the running local server, with
 * just the settings a user test needs. It stands in for CreateUserPool until that operation is on
 * this branch; change one setting at a time:
 *
 * <pre>
 * String poolId = TestPools.builder().caseInsensitive().aliasAttributes("email").create(server);
 * </pre>
 */
public final class TestPools {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> STANDARD =
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
          "updated_at");

  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final List<Map<String, Object>> schema = new ArrayList<>();
  private final Map<String, Object> passwordPolicy =
      new LinkedHashMap<>(
          Map.of(
              "MinimumLength",
              8,
              "RequireUppercase",
              true,
              "RequireLowercase",
              true,
              "RequireNumbers",
              true,
              "RequireSymbols",
              true,
              "TemporaryPasswordValidityDays",
              7));

  private TestPools() {
    for (String name : STANDARD) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("Name", name);
      a.put("AttributeDataType", name.endsWith("_verified") ? "Boolean" : "String");
      a.put("DeveloperOnlyAttribute", false);
      a.put("Mutable", !name.equals("sub"));
      a.put("Required", name.equals("sub"));
      schema.add(a);
    }
  }

  /**
   * A pool as CreateUserPool with only PoolName would make it: case-sensitive usernames, default
   * policy.
   */
  public static TestPools builder() {
    return new TestPools();
  }

  public TestPools caseInsensitive() {
    settings.put("UsernameConfiguration", Map.of("CaseSensitive", false));
    return this;
  }

  public TestPools usernameAttributes(String... names) {
    settings.put("UsernameAttributes", List.of(names));
    return this;
  }

  public TestPools aliasAttributes(String... names) {
    settings.put("AliasAttributes", List.of(names));
    return this;
  }

  public TestPools autoVerifiedAttributes(String... names) {
    settings.put("AutoVerifiedAttributes", List.of(names));
    return this;
  }

  public TestPools passwordPolicy(String member, Object value) {
    passwordPolicy.put(member, value);
    return this;
  }

  public TestPools customAttribute(String name, boolean mutable) {
    schema.add(
        new LinkedHashMap<>(
            Map.of(
                "Name",
                "custom:" + name,
                "AttributeDataType",
                "String",
                "DeveloperOnlyAttribute",
                false,
                "Mutable",
                mutable,
                "Required",
                false)));
    return this;
  }

  public TestPools developerOnlyAttribute(String name) {
    schema.add(
        new LinkedHashMap<>(
            Map.of(
                "Name",
                "dev:custom:" + name,
                "AttributeDataType",
                "String",
                "DeveloperOnlyAttribute",
                true,
                "Mutable",
                true,
                "Required",
                false)));
    return this;
  }

  public TestPools required(String standardName) {
    schema.stream()
        .filter(a -> a.get("Name").equals(standardName))
        .forEach(a -> a.put("Required", true));
    return this;
  }

  /** Stores the pool in the server's pool store and returns its id. */
  public String create(LocalServerExtension server) {
    Instant now = Instant.now();
    String id = Identifiers.userPoolId("us-east-1", RANDOM);
    Map<String, Object> all = new LinkedHashMap<>(settings);
    all.put("Policies", Map.of("PasswordPolicy", passwordPolicy));
    all.put("SchemaAttributes", schema);
    UserPool pool =
        new UserPool(
            id,
            "pool-" + id,
            "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + id,
            now,
            now,
            all,
            Map.of(),
            0);
    server.server().wiring().dependencies().pools().create(pool);
    return id;
  }
}
