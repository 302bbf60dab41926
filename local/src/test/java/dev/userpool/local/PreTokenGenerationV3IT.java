package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * PreTokenGeneration V3_0 end to end: the function is called for machine-to-machine tokens at
 * {@code /oauth2/token} (client_credentials) with {@code TokenGeneration_ClientCredentials}, the
 * scopes and {@code aws_client_metadata}, and its access-token claims and scopes go into the token;
 * a V2_0 function is not called for them; V3_0 still runs for user sign-ins.
 */
class PreTokenGenerationV3IT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final CognitoIdentityProviderClient cognito = server.client();

  private record Setup(String poolId, UserPoolClientType machine) {}

  private Setup pool(PreTokenGenerationLambdaVersionType version, String function) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.userPoolTier(UserPoolTierType.ESSENTIALS)
                    .lambdaConfig(
                        c ->
                            c.preTokenGenerationConfig(
                                p -> p.lambdaArn(arn(function)).lambdaVersion(version))));
    cognito.createUserPoolDomain(
        r ->
            r.userPoolId(poolId)
                .domain("m2m-" + poolId.substring(poolId.indexOf('_') + 1).toLowerCase()));
    cognito.createResourceServer(
        r ->
            r.userPoolId(poolId)
                .identifier("api")
                .name("API")
                .scopes(
                    ResourceServerScopeType.builder()
                        .scopeName("read")
                        .scopeDescription("r")
                        .build(),
                    ResourceServerScopeType.builder()
                        .scopeName("write")
                        .scopeDescription("w")
                        .build()));
    UserPoolClientType machine =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("m2m")
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("api/read", "api/write"))
            .userPoolClient();
    return new Setup(poolId, machine);
  }

  private static HttpResponse<String> clientToken(
      UserPoolClientType client, Map<String, String> form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", HostedBrowser.basic(client.clientId(), client.clientSecret()))
            .POST(HttpRequest.BodyPublishers.ofString(HostedBrowser.encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode claims(String jwt) {
    return Json.read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
  }

  @Test
  void whenV3ThenClientCredentialsTokensCarryTheFunctionsClaimsAndScopes() throws Exception {
    lambda.respond(
        "m2m-v3",
        response -> {
          ObjectNode access =
              response
                  .putObject("claimsAndScopeOverrideDetails")
                  .putObject("accessTokenGeneration");
          access.putObject("claimsToAddOrOverride").put("tenant", "acme").put("sub", "forged");
          access.putArray("scopesToAdd").add("api/write");
          access.putArray("scopesToSuppress").add("api/read");
          return response;
        });
    Setup s = pool(PreTokenGenerationLambdaVersionType.V3_0, "m2m-v3");

    HttpResponse<String> response =
        clientToken(
            s.machine(),
            Map.of(
                "grant_type", "client_credentials",
                "scope", "api/read",
                "aws_client_metadata", "{\"caller\":\"batch-job\"}"));

    assertEquals(200, response.statusCode(), response.body());
    JsonNode token = claims(Json.read(response.body()).get("access_token").asText());
    assertEquals("acme", token.get("tenant").asText());
    assertEquals("api/write", token.get("scope").asText());
    assertEquals(s.machine().clientId(), token.get("sub").asText(), "sub cannot be overridden");
    ObjectNode event = lambda.lastEvent("m2m-v3");
    assertEquals("TokenGeneration_ClientCredentials", event.get("triggerSource").asText());
    assertEquals("3", event.get("version").asText());
    assertEquals(s.poolId(), event.get("userPoolId").asText());
    assertEquals(s.machine().clientId(), event.at("/callerContext/clientId").asText());
    assertEquals(
        List.of("api/read"), Json.mapper().convertValue(event.at("/request/scopes"), List.class));
    assertEquals("batch-job", event.at("/request/clientMetadata/caller").asText());
  }

  @Test
  void whenV2ThenClientCredentialsTokensDoNotCallTheFunction() throws Exception {
    lambda.allow("m2m-v2");
    Setup s = pool(PreTokenGenerationLambdaVersionType.V2_0, "m2m-v2");

    HttpResponse<String> response =
        clientToken(s.machine(), Map.of("grant_type", "client_credentials", "scope", "api/read"));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(lambda.events("m2m-v2").isEmpty());
  }

  @Test
  void whenTheV3FunctionFailsThenTheTokenRequestIsRefused() throws Exception {
    lambda.function("m2m-fails", event -> FakeLambda.Answer.functionError("no tenant"));
    Setup s = pool(PreTokenGenerationLambdaVersionType.V3_0, "m2m-fails");

    HttpResponse<String> response =
        clientToken(s.machine(), Map.of("grant_type", "client_credentials", "scope", "api/read"));

    assertEquals(400, response.statusCode(), response.body());
    assertEquals("invalid_request", Json.read(response.body()).get("error").asText());
  }

  @Test
  void whenV3ThenUserSignInsStillCallItWithVersionThree() {
    lambda.allow("user-v3");
    Setup s = pool(PreTokenGenerationLambdaVersionType.V3_0, "user-v3");
    String clientId = SignInFixtures.client(cognito, s.poolId()).clientId();
    SignInFixtures.confirmedUser(cognito, s.poolId(), "alice");

    SignInFixtures.passwordSignIn(cognito, clientId, "alice", SignInFixtures.PASSWORD);

    ObjectNode event = lambda.lastEvent("user-v3");
    assertEquals("TokenGeneration_Authentication", event.get("triggerSource").asText());
    assertEquals("3", event.get("version").asText());
  }
}
