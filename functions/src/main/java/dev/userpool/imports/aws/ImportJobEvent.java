package dev.userpool.imports.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.util.Optional;

/**
 * The event this function sends itself to run an import job. It has the shape of an API Gateway
 * proxy event (the function's only input type) with a {@code resource} API Gateway never sends: API
 * Gateway names the matched route there, always a path starting with "/", and always adds a
 * requestContext. Only API Gateway and the function itself may invoke the function, so an event
 * with this resource and no requestContext came from the function.
 */
public final class ImportJobEvent {
  public static final String RESOURCE = "userpool:import-job";

  private ImportJobEvent() {}

  /** Which job an import event runs. */
  public record Job(String poolId, String jobId) {}

  /** The event, as the Invoke API's payload. */
  public static String payload(String poolId, String jobId) {
    String body = Json.object().put("UserPoolId", poolId).put("JobId", jobId).toString();
    return Json.object()
        .put("resource", RESOURCE)
        .put("path", RESOURCE)
        .put("httpMethod", "POST")
        .put("body", body)
        .toString();
  }

  /** The pool and job of an import event; empty for any other event. */
  public static Optional<Job> job(String resource, Object requestContext, String body) {
    if (!RESOURCE.equals(resource) || requestContext != null || body == null) {
      return Optional.empty();
    }
    JsonNode job = Json.read(body);
    return Optional.of(new Job(job.path("UserPoolId").asText(), job.path("JobId").asText()));
  }
}
