package dev.userpool.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Starts an in-memory local server on a free port once per test class and hands out a real AWS SDK
 * v2 Cognito client pointed at it (dummy credentials, no retries so errors surface at once). State
 * is reset before each test. With {@code -Duserpool.it.store=dynamodb} the server keeps its state
 * in a fresh DynamoDB table in moto instead, dropped after the class ({@link ItStore}).
 *
 * <pre>
 * {@literal @}RegisterExtension static final LocalServerExtension server = new LocalServerExtension();
 * CognitoIdentityProviderClient cognito = server.client();
 * </pre>
 */
public final class LocalServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final Clock clock;
  private final LocalOptions options;
  private LocalOptions used;
  private LocalServer server;
  private CognitoIdentityProviderClient client;

  public LocalServerExtension() {
    this(Clock.systemUTC());
  }

  /** A server running on {@code clock} (e.g. a MutableClock the test moves). */
  public LocalServerExtension(Clock clock) {
    this(LocalOptions.inMemoryOnFreePort(), clock);
  }

  /** A server started with these options (e.g. {@code --lambda-endpoint}), on the system clock. */
  public LocalServerExtension(LocalOptions options) {
    this(options, Clock.systemUTC());
  }

  public LocalServerExtension(LocalOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    used = ItStore.chosen(options, context.getRequiredTestClass());
    server = LocalServer.start(used, clock);
    client = clientFor(server.endpoint(), Region.US_EAST_1);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.wiring().reset();
    server.wiring().outbox().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
      ItStore.dropTable(options, used);
    }
  }

  public CognitoIdentityProviderClient client() {
    return client;
  }

  public LocalServer server() {
    return server;
  }

  public String endpoint() {
    return server.endpoint();
  }

  public static CognitoIdentityProviderClient clientFor(String endpoint, Region region) {
    return clientFor(endpoint, region, "AKIDLOCAL", "secret");
  }

  /**
   * A client that signs with the given access key (for servers started with {@code --admin-key}).
   */
  public static CognitoIdentityProviderClient clientFor(
      String endpoint, Region region, String accessKeyId, String secretAccessKey) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(DefaultRetryStrategy.doNotRetry())
                .build())
        .build();
  }

  /**
   * The local outbox over HTTP ({@code GET /_local/messages}), oldest first; {@code userPoolId} and
   * {@code username} filter when not null.
   */
  public List<JsonNode> messages(String userPoolId, String username) throws Exception {
    StringBuilder query = new StringBuilder();
    if (userPoolId != null) {
      query.append("userPoolId=").append(URLEncoder.encode(userPoolId, StandardCharsets.UTF_8));
    }
    if (username != null) {
      query
          .append(query.length() > 0 ? "&" : "")
          .append("username=")
          .append(URLEncoder.encode(username, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            endpoint()
                                + "/_local/messages"
                                + (query.length() > 0 ? "?" + query : "")))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("outbox answered " + response.statusCode());
    }
    List<JsonNode> out = new ArrayList<>();
    Json.read(response.body()).get("messages").forEach(out::add);
    return out;
  }

  /** The code of the newest outbox message to the user (fails when there is none). */
  public String lastCode(String userPoolId, String username) throws Exception {
    List<JsonNode> messages = messages(userPoolId, username);
    if (messages.isEmpty()) {
      throw new AssertionError("no message to " + username + " in the outbox");
    }
    return messages.get(messages.size() - 1).get("code").asText();
  }

  /** A raw HTTP call, for checks below the SDK (headers, malformed bodies). */
  public HttpResponse<String> post(String target, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint() + "/"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", "AWSCognitoIdentityProviderService." + target);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
