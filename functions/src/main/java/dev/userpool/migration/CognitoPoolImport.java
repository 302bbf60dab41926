package dev.userpool.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.ImportedUserPasswords;
import dev.userpool.authflows.MfaStage;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.Group;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Json;
import dev.userpool.store.UniqueKeyTakenException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a Cognito user pool into a Userpool store under the same ids: the pool's settings as
 * DescribeUserPool returns them, its tags, every app client with its id and secret, groups and
 * memberships, and every user with the same username, {@code sub}, attributes, status, enabled flag
 * and dates. Cognito never hands out password hashes, so users are marked for lazy migration
 * ({@link ImportedUserPasswords}) through an app client that allows ADMIN_USER_PASSWORD_AUTH.
 * Re-running skips what is already there, so an interrupted import can simply be run again.
 */
public final class CognitoPoolImport {
  /** DescribeUserPool members that are identity, dates, counts or live elsewhere — not settings. */
  private static final Set<String> NOT_POOL_SETTINGS =
      Set.of(
          "Id",
          "Name",
          "Arn",
          "CreationDate",
          "LastModifiedDate",
          "EstimatedNumberOfUsers",
          "Domain",
          "CustomDomain",
          "Status",
          "UserPoolTags");

  private static final Set<String> NOT_CLIENT_SETTINGS =
      Set.of(
          "UserPoolId",
          "ClientId",
          "ClientName",
          "ClientSecret",
          "CreationDate",
          "LastModifiedDate");
  private static final Set<String> ADMIN_PASSWORD_FLOWS =
      Set.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");
  private static final int PROGRESS_EVERY = 1000;

  private final CognitoApi source;
  private final String sourceEndpoint;
  private final Dependencies target;
  private final PrintStream progress;
  private final TargetApi targetApi;

  /**
   * Calls an operation of the target through its own operation table (so that settings stored by an
   * operation, such as the MFA configuration, are stored exactly as that operation stores them).
   * Answers null, or the error message.
   */
  public interface TargetApi {
    String call(String operation, ObjectNode input);
  }

  /**
   * @param sourceEndpoint recorded on imported users so their first sign-in asks the same endpoint;
   *     null: AWS
   */
  public CognitoPoolImport(
      CognitoApi source,
      String sourceEndpoint,
      Dependencies target,
      TargetApi targetApi,
      PrintStream progress) {
    this.source = source;
    this.sourceEndpoint = sourceEndpoint;
    this.target = target;
    this.progress = progress;
    this.targetApi = targetApi;
  }

  /** What one run did; "skipped" counts what an earlier run had already imported. */
  public record Summary(
      boolean poolCreated,
      int clients,
      int clientsSkipped,
      int groups,
      int groupsSkipped,
      int users,
      int usersSkipped,
      List<String> failures,
      int memberships,
      String migrationClientId,
      List<String> notImported) {}

  /**
   * @param migrationClientId the source app client that checks passwords on first sign-in; null
   *     picks the first one allowing ADMIN_USER_PASSWORD_AUTH
   */
  public Summary run(String poolId, String migrationClientId) {
    JsonNode described =
        source.call("DescribeUserPool", Map.of("UserPoolId", poolId)).path("UserPool");
    boolean poolCreated = importPool(described);
    List<String> notApplied = new ArrayList<>();
    if (poolCreated) {
      applyMfaConfiguration(poolId, notApplied);
    }
    UserPool pool = target.pools().find(poolId).orElseThrow();
    target.tokens().keys().ensure(poolId);
    boolean poolUsesMfa = !"OFF".equals(described.path("MfaConfiguration").asText("OFF"));

    int[] clients = {0, 0};
    List<JsonNode> describedClients = new ArrayList<>();
    paginate(
        "ListUserPoolClients",
        Map.of("UserPoolId", poolId, "MaxResults", 60),
        "UserPoolClients",
        "NextToken",
        "NextToken",
        summary -> {
          JsonNode client =
              source
                  .call(
                      "DescribeUserPoolClient",
                      Map.of("UserPoolId", poolId, "ClientId", summary.path("ClientId").asText()))
                  .path("UserPoolClient");
          describedClients.add(client);
          clients[importClient(client) ? 0 : 1]++;
        });
    String passwordClient =
        migrationClientId != null
            ? migrationClientId
            : describedClients.stream()
                .filter(c -> flows(c).stream().anyMatch(ADMIN_PASSWORD_FLOWS::contains))
                .map(c -> c.path("ClientId").asText())
                .findFirst()
                .orElse(null);

    int[] groups = {0, 0};
    List<Group> imported = new ArrayList<>();
    paginate(
        "ListGroups",
        Map.of("UserPoolId", poolId, "Limit", 60),
        "Groups",
        "NextToken",
        "NextToken",
        g -> {
          Group group =
              new Group(
                  poolId,
                  g.path("GroupName").asText(),
                  textOrNull(g, "Description"),
                  textOrNull(g, "RoleArn"),
                  g.has("Precedence") ? g.path("Precedence").asInt() : null,
                  date(g, "CreationDate"),
                  date(g, "LastModifiedDate"),
                  0);
          groups[target.groups().create(group) ? 0 : 1]++;
          imported.add(group);
        });

    int[] users = {0, 0};
    int[] read = {0};
    List<String> failures = new ArrayList<>();
    paginate(
        "ListUsers",
        Map.of("UserPoolId", poolId, "Limit", 60),
        "Users",
        "PaginationToken",
        "PaginationToken",
        u -> {
          importUser(pool, u, passwordClient, poolUsesMfa, users, failures);
          if (++read[0] % PROGRESS_EVERY == 0) {
            progress.println("… " + read[0] + " users read");
          }
        });

    int[] memberships = {0};
    for (Group group : imported) {
      Group stored = target.groups().find(poolId, group.name()).orElseThrow();
      paginate(
          "ListUsersInGroup",
          Map.of("UserPoolId", poolId, "GroupName", group.name(), "Limit", 60),
          "Users",
          "NextToken",
          "NextToken",
          member -> {
            String sub = attributes(member).get("sub");
            if (sub != null && target.users().findBySub(poolId, sub).isPresent()) {
              target.groups().addMember(stored, sub);
              memberships[0]++;
            }
          });
    }
    return new Summary(
        poolCreated,
        clients[0],
        clients[1],
        groups[0],
        groups[1],
        users[0],
        users[1],
        List.copyOf(failures),
        memberships[0],
        passwordClient,
        concat(notApplied, importOAuthParts(poolId, described)));
  }

  private boolean importPool(JsonNode described) {
    String id = described.path("Id").asText();
    if (target.pools().find(id).isPresent()) {
      return false;
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    described
        .properties()
        .forEach(
            e -> {
              if (!NOT_POOL_SETTINGS.contains(e.getKey())) {
                settings.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
              }
            });
    Map<String, String> tags = new LinkedHashMap<>();
    described
        .path("UserPoolTags")
        .properties()
        .forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    target
        .pools()
        .create(
            new UserPool(
                id,
                described.path("Name").asText(),
                described.path("Arn").asText(),
                date(described, "CreationDate"),
                date(described, "LastModifiedDate"),
                settings,
                tags,
                0));
    return true;
  }

  private boolean importClient(JsonNode client) {
    String poolId = client.path("UserPoolId").asText();
    String clientId = client.path("ClientId").asText();
    if (target.clients().find(poolId, clientId).isPresent()) {
      return false;
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    client
        .properties()
        .forEach(
            e -> {
              if (!NOT_CLIENT_SETTINGS.contains(e.getKey())) {
                settings.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
              }
            });
    target
        .clients()
        .create(
            new AppClient(
                poolId,
                clientId,
                client.path("ClientName").asText(),
                textOrNull(client, "ClientSecret"),
                date(client, "CreationDate"),
                date(client, "LastModifiedDate"),
                settings,
                0));
    return true;
  }

  private void importUser(
      UserPool pool,
      JsonNode listed,
      String passwordClient,
      boolean poolUsesMfa,
      int[] counts,
      List<String> failures) {
    String username = listed.path("Username").asText();
    Map<String, String> attributes = attributes(listed);
    String sub = attributes.get("sub");
    if (sub == null) {
      failures.add(username + ": no sub attribute");
      return;
    }
    if (target.users().findBySub(pool.id(), sub).isPresent()) {
      counts[1]++;
      return;
    }
    UserStatus status;
    try {
      status = UserStatus.valueOf(listed.path("UserStatus").asText());
    } catch (IllegalArgumentException e) {
      failures.add(
          username + ": user status " + listed.path("UserStatus").asText() + " is not supported");
      return;
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (passwordClient != null && status != UserStatus.EXTERNAL_PROVIDER) {
      Map<String, Object> from = new LinkedHashMap<>();
      from.put("clientId", passwordClient);
      if (sourceEndpoint != null) {
        from.put("endpoint", sourceEndpoint);
      }
      extensions.put(ImportedUserPasswords.EXTENSION, from);
    }
    if (poolUsesMfa && hadSoftwareToken(pool.id(), username)) {
      extensions.put(MfaStage.SOFTWARE_TOKEN_TO_REENROL, true);
    }
    User user =
        new User(
            pool.id(),
            username,
            sub,
            attributes,
            listed.path("Enabled").asBoolean(true),
            status,
            date(listed, "UserCreateDate"),
            date(listed, "UserLastModifiedDate"),
            null,
            extensions,
            0);
    try {
      target.users().create(user, UserDirectory.keys(pool, user));
      counts[0]++;
    } catch (UniqueKeyTakenException e) {
      failures.add(username + ": " + e.getMessage());
    }
  }

  /**
   * GetUserPoolMfaConfig's answer (not part of DescribeUserPool) applied through this store's own
   * SetUserPoolMfaConfig, so TOTP, SMS and email MFA are switched on exactly as that operation
   * does.
   */
  private void applyMfaConfiguration(String poolId, List<String> notApplied) {
    JsonNode config = source.call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId));
    ObjectNode input = Json.object();
    input.put("UserPoolId", poolId);
    for (String member :
        List.of(
            "MfaConfiguration",
            "SoftwareTokenMfaConfiguration",
            "SmsMfaConfiguration",
            "EmailMfaConfiguration")) {
      if (config.hasNonNull(member)) {
        input.set(member, config.get(member));
      }
      if ("OFF".equals(config.path("MfaConfiguration").asText("OFF"))) {
        break; // factor blocks beside OFF are refused (go-to-k/cdkd#1923)
      }
    }
    String refused = targetApi.call("SetUserPoolMfaConfig", input);
    if (refused != null) {
      notApplied.add("the MFA configuration (" + refused + ")");
    }
  }

  /** Whether the source user has an authenticator app (its secret cannot be read). */
  private boolean hadSoftwareToken(String poolId, String username) {
    JsonNode user = source.call("AdminGetUser", Map.of("UserPoolId", poolId, "Username", username));
    for (JsonNode factor : user.path("UserMFASettingList")) {
      if ("SOFTWARE_TOKEN_MFA".equals(factor.asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * What the store cannot hold yet, named so that the summary says it rather than dropping it
   * silently.
   */
  /**
   * The pool's domain, resource servers and identity providers, created through the target's own
   * operations (their checks and storage as for any caller). Those already there from an earlier
   * run are skipped; anything the target refuses is named in the summary, never dropped silently.
   */
  private List<String> importOAuthParts(String poolId, JsonNode described) {
    List<String> refused = new ArrayList<>();
    for (String member : List.of("Domain", "CustomDomain")) {
      if (!described.hasNonNull(member)) {
        continue;
      }
      ObjectNode input = Json.object();
      input.put("UserPoolId", poolId);
      input.put("Domain", described.path(member).asText());
      if (member.equals("CustomDomain")) {
        JsonNode domain =
            source.call(
                "DescribeUserPoolDomain", Map.of("Domain", described.path(member).asText()));
        input.set(
            "CustomDomainConfig", domain.path("DomainDescription").path("CustomDomainConfig"));
      }
      create("CreateUserPoolDomain", input, "domain " + input.path("Domain").asText(), refused);
    }
    paginate(
        "ListResourceServers",
        Map.of("UserPoolId", poolId, "MaxResults", 50),
        "ResourceServers",
        "NextToken",
        "NextToken",
        server -> {
          ObjectNode input = Json.object();
          input.put("UserPoolId", poolId);
          for (String field : List.of("Identifier", "Name", "Scopes")) {
            if (server.hasNonNull(field)) {
              input.set(field, server.get(field));
            }
          }
          create(
              "CreateResourceServer",
              input,
              "resource server " + server.path("Identifier").asText(),
              refused);
        });
    paginate(
        "ListIdentityProviders",
        Map.of("UserPoolId", poolId, "MaxResults", 60),
        "Providers",
        "NextToken",
        "NextToken",
        listed -> {
          JsonNode provider =
              source
                  .call(
                      "DescribeIdentityProvider",
                      Map.of(
                          "UserPoolId",
                          poolId,
                          "ProviderName",
                          listed.path("ProviderName").asText()))
                  .path("IdentityProvider");
          ObjectNode input = Json.object();
          input.put("UserPoolId", poolId);
          for (String field :
              List.of(
                  "ProviderName",
                  "ProviderType",
                  "ProviderDetails",
                  "AttributeMapping",
                  "IdpIdentifiers")) {
            if (provider.hasNonNull(field)) {
              input.set(field, provider.get(field));
            }
          }
          create(
              "CreateIdentityProvider",
              input,
              "identity provider " + listed.path("ProviderName").asText(),
              refused);
        });
    return refused;
  }

  /** Creates one part; "already exists" answers mean an earlier run did it. */
  private void create(String operation, ObjectNode input, String what, List<String> refused) {
    String error = targetApi.call(operation, input);
    if (error != null
        && !error.contains("Exists")
        && !error.contains("already")
        && !error.startsWith("Duplicate")) {
      refused.add(what + " (" + error + ")");
    }
  }

  private void paginate(
      String operation,
      Map<String, Object> first,
      String listField,
      String requestToken,
      String responseToken,
      Consumer<JsonNode> each) {
    ObjectNode request = Json.mapper().valueToTree(first);
    while (true) {
      JsonNode page = source.call(operation, request);
      page.path(listField).forEach(each);
      JsonNode next = page.path(responseToken);
      if (next.isMissingNode() || next.isNull() || next.asText().isEmpty()) {
        return;
      }
      request.put(requestToken, next.asText());
    }
  }

  private static List<String> flows(JsonNode client) {
    List<String> flows = new ArrayList<>();
    client.path("ExplicitAuthFlows").forEach(f -> flows.add(f.asText()));
    return flows;
  }

  private static Map<String, String> attributes(JsonNode user) {
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode list = user.has("Attributes") ? user.path("Attributes") : user.path("UserAttributes");
    list.forEach(a -> attributes.put(a.path("Name").asText(), a.path("Value").asText()));
    return attributes;
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }

  /** Cognito's JSON dates are epoch seconds with a fraction. */
  private static Instant date(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isNumber()) {
      return Instant.EPOCH;
    }
    BigDecimal millis = value.decimalValue().movePointRight(3);
    return Instant.ofEpochMilli(millis.longValue());
  }
}
