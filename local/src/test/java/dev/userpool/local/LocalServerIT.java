package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** The local server's own endpoints, CORS, and persistence across a restart. */
class LocalServerIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void whenHealthIsAskedThenOk() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"ok\""));
  }

  @Test
  void whenBrowserSendsPreflightThenCorsAllowsItAndExposesAmznHeaders() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers",
                    "content-type,x-amz-target,x-amz-user-agent,cache-control")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertTrue(
        response
            .headers()
            .firstValue("Access-Control-Allow-Headers")
            .orElseThrow()
            .contains("x-amz-target"));
    HttpResponse<String> post = server.post("ListUserPools", "{\"MaxResults\":10}");
    assertTrue(
        post.headers()
            .firstValue("Access-Control-Expose-Headers")
            .orElseThrow()
            .contains("x-amzn-ErrorType"));
  }

  @Test
  void whenErrorThenHeadersAndBodyAreCognitoShaped() throws Exception {
    HttpResponse<String> response = server.post("DescribeUserPool", "{}");
    assertEquals(400, response.statusCode());
    assertEquals(
        "InvalidParameterException:",
        response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertEquals(
        "application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    assertTrue(
        response.body().startsWith("{\"__type\":\"InvalidParameterException\",\"message\":"));
  }

  @Test
  void whenResetIsPostedThenAllStateIsGone() throws Exception {
    String poolId = server.client().createUserPool(b -> b.poolName("p")).userPool().id();
    HttpResponse<String> reset =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/_local/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reset.statusCode());
    assertThrows(
        ResourceNotFoundException.class,
        () -> server.client().describeUserPool(b -> b.userPoolId(poolId)));
  }

  @Test
  void whenServerRestartsOnTheSameDataDirThenPoolsAndUsersSurvive(@TempDir Path dataDir)
      throws Exception {
    LocalOptions options = new LocalOptions(0, dataDir, false, "us-east-1", "123456789012", null);
    String poolId;
    try (LocalServer first = LocalServer.start(options);
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(first.endpoint(), Region.US_EAST_1)) {
      poolId = cognito.createUserPool(b -> b.poolName("durable")).userPool().id();
      cognito.adminCreateUser(
          b -> b.userPoolId(poolId).username("alice").messageAction("SUPPRESS"));
    }
    try (LocalServer second = LocalServer.start(options);
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(second.endpoint(), Region.US_EAST_1)) {
      assertEquals(
          "durable", cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().name());
      assertEquals(
          "alice", cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).username());
    }
  }
}
