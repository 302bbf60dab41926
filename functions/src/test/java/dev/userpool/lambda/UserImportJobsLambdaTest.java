package dev.userpool.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The deployed handler has no CSV upload target yet (docs/adr/0015): it creates, describes and
 * lists jobs, answers no PreSignedUrl rather than a URL nothing serves, and refuses to start a job
 * with a message that says why.
 */
class UserImportJobsLambdaTest {
  private final ApiGatewayHandler handler =
      new ApiGatewayHandler(
          new Wiring(
              AppConfig.inMemory(),
              Clock.systemUTC(),
              EmbeddedItemTable.inMemory(Clock.systemUTC()),
              RequestAuthenticator.ACCEPT_ALL));

  private JsonNode call(String operation, String body, int status) {
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(ApiGatewayHandlerTest.event(operation, body, false), null);
    assertEquals(status, response.getStatusCode(), response.getBody());
    return Json.read(response.getBody());
  }

  @Test
  void whenJobIsCreatedInTheLambdaThenItHasNoUploadUrlAndCannotStart() {
    String pool = call("CreateUserPool", "{\"PoolName\":\"p\"}", 200).at("/UserPool/Id").asText();
    JsonNode job =
        call(
                "CreateUserImportJob",
                "{\"UserPoolId\":\""
                    + pool
                    + "\",\"JobName\":\"j\","
                    + "\"CloudWatchLogsRoleArn\":\"arn:aws:iam::123456789012:role/logs\"}",
                200)
            .get("UserImportJob");
    assertEquals("Created", job.get("Status").asText());
    assertFalse(job.has("PreSignedUrl"));
    String jobId = job.get("JobId").asText();
    assertTrue(jobId.matches("import-[0-9a-zA-Z]{10}"), jobId);

    JsonNode refused =
        call(
            "StartUserImportJob",
            "{\"UserPoolId\":\"" + pool + "\",\"JobId\":\"" + jobId + "\"}",
            400);
    assertEquals("UnsupportedOperationException", refused.get("__type").asText());
    assertTrue(refused.get("message").asText().contains("no CSV upload target"));
    assertEquals(
        "Created",
        call(
                "DescribeUserImportJob",
                "{\"UserPoolId\":\"" + pool + "\",\"JobId\":\"" + jobId + "\"}",
                200)
            .at("/UserImportJob/Status")
            .asText());
  }
}
