package dev.userpool.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API Gateway proxy events through the Lambda entry point, as `sam local invoke` would send them.
 */
class ApiGatewayHandlerTest {
  private final ApiGatewayHandler handler =
      new ApiGatewayHandler(
          new Wiring(
              AppConfig.inMemory(),
              Clock.systemUTC(),
              EmbeddedItemTable.inMemory(Clock.systemUTC()),
              RequestAuthenticator.ACCEPT_ALL));

  @Test
  void whenBodyIsBase64ThenItIsDecodedBeforeValidation() {
    String body = "{\"UserPoolId\":\"us-east-1_missing\"}";
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            event(
                "DescribeUserPool",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)),
                true),
            null);
    assertEquals(400, response.getStatusCode());
    // Decoded correctly: the pool id reached the operation, which did not find it (or is not
    // implemented yet).
    String type = Json.read(response.getBody()).get("__type").asText();
    assertTrue(
        type.equals("ResourceNotFoundException") || type.equals("UnsupportedOperationException"),
        type);
  }

  @Test
  void whenHeadersUseAnyCaseThenTargetIsFound() {
    APIGatewayProxyRequestEvent event = event("DescribeUserPool", "{}", false);
    event.setHeaders(Map.of("X-AMZ-TARGET", "AWSCognitoIdentityProviderService.DescribeUserPool"));
    APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
    assertEquals("InvalidParameterException", Json.read(response.getBody()).get("__type").asText());
  }

  @Test
  void whenErrorThenCognitoErrorShape() {
    APIGatewayProxyResponseEvent response = handler.handleRequest(event("Nope", "{}", false), null);
    assertEquals(400, response.getStatusCode());
    assertEquals("UnknownOperationException:", response.getHeaders().get("x-amzn-ErrorType"));
    assertEquals("application/x-amz-json-1.1", response.getHeaders().get("Content-Type"));
    assertTrue(response.getHeaders().containsKey("x-amzn-RequestId"));
  }

  @Test
  void whenBase64IsBrokenThenSerializationException() {
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(event("DescribeUserPool", "%%%", true), null);
    assertEquals(400, response.getStatusCode());
    assertEquals("SerializationException", Json.read(response.getBody()).get("__type").asText());
  }

  static APIGatewayProxyRequestEvent event(String operation, String body, boolean base64) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withPath("/")
        .withHeaders(
            Map.of(
                "x-amz-target",
                "AWSCognitoIdentityProviderService." + operation,
                "content-type",
                "application/x-amz-json-1.1"))
        .withBody(body)
        .withIsBase64Encoded(base64);
  }
}
