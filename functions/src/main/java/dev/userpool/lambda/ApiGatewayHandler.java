package dev.userpool.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.imports.CsvImport;
import dev.userpool.imports.aws.ImportJobEvent;
import dev.userpool.oauth.OAuthEndpoints;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.CognitoProtocol;
import dev.userpool.protocol.WellKnownEndpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The Lambda entry point: API Gateway REST proxy events in, proxy responses out; also the import
 * job events the function sends itself ({@link ImportJobEvent}, docs/adr/0015). The wiring is built
 * once per container (in the static initialiser, so SnapStart snapshots it) and shared by every
 * invocation.
 */
public final class ApiGatewayHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final RequestLine LOG_LINE = new RequestLine(System.out);

  /** Time an import invocation keeps for its last progress write and the continuation. */
  static final long IMPORT_RESERVE_MILLIS = 8_000;

  private final Wiring wiring;

  /** Used by the Lambda runtime. */
  public ApiGatewayHandler() {
    this(Container.WIRING);
  }

  public ApiGatewayHandler(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    long started = System.nanoTime();
    Optional<ImportJobEvent.Job> importJob =
        ImportJobEvent.job(event.getResource(), event.getRequestContext(), event.getBody());
    if (importJob.isPresent()) {
      return runImportJob(importJob.get(), context, started);
    }
    ApiRequest request = toRequest(event);
    if (WellKnownEndpoints.matches(request.method(), request.path())) {
      ApiResponse document = wiring.wellKnown().handle(request).orElseThrow();
      LOG_LINE.log("GET " + request.path(), document.status(), started, null);
      return toEvent(document);
    }
    if (OAuthEndpoints.handles(request.method(), request.path())) {
      ApiResponse answer = wiring.oauth().handle(request);
      LOG_LINE.log(request.method() + " " + request.path(), answer.status(), started, null);
      return toEvent(answer);
    }
    CognitoProtocol.Outcome outcome = wiring.protocol().handle(request);
    LOG_LINE.log(
        String.valueOf(outcome.operation()),
        outcome.response().status(),
        started,
        outcome.requestId());
    return toEvent(outcome.response());
  }

  /**
   * An import job event (this function invoked itself asynchronously): runs the job until it ends
   * or the invocation nears its timeout, leaving {@link #IMPORT_RESERVE_MILLIS} to write progress
   * and send the continuation. An exception (the continuation could not be sent) fails the
   * invocation, and Lambda's retry resumes the job from its progress.
   */
  private APIGatewayProxyResponseEvent runImportJob(
      ImportJobEvent.Job job, Context context, long started) {
    CsvImport.Outcome outcome =
        wiring.runImportJob(
            job.poolId(),
            job.jobId(),
            () -> context != null && context.getRemainingTimeInMillis() < IMPORT_RESERVE_MILLIS);
    LOG_LINE.log("import job " + job.jobId() + " " + outcome, 202, started, null);
    return new APIGatewayProxyResponseEvent().withStatusCode(202);
  }

  private static APIGatewayProxyResponseEvent toEvent(ApiResponse response) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(new LinkedHashMap<>(response.headers()))
        .withBody(response.bodyText())
        .withIsBase64Encoded(false);
  }

  static ApiRequest toRequest(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    byte[] body;
    if (event.getBody() == null) {
      body = new byte[0];
    } else if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      body = decodeBase64(event.getBody());
    } else {
      body = event.getBody().getBytes(StandardCharsets.UTF_8);
    }
    String sourceIp = null;
    String rawPath = null;
    if (event.getRequestContext() != null) {
      // The path as the client sent it, with the stage (/prod/): what a SigV4 signature covers.
      rawPath = event.getRequestContext().getPath();
      if (event.getRequestContext().getIdentity() != null) {
        sourceIp = event.getRequestContext().getIdentity().getSourceIp();
      }
    }
    return new ApiRequest(
        event.getHttpMethod(),
        event.getPath(),
        headers,
        body,
        sourceIp,
        rawPath,
        rawQuery(event.getMultiValueQueryStringParameters()));
  }

  /** API Gateway hands over decoded parameters; encode them again for the signature check. */
  private static String rawQuery(Map<String, List<String>> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return "";
    }
    StringJoiner query = new StringJoiner("&");
    parameters.forEach(
        (name, values) -> {
          for (String value : values == null ? List.<String>of() : values) {
            query.add(encode(name) + "=" + encode(value == null ? "" : value));
          }
        });
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] decodeBase64(String text) {
    try {
      return Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      return new byte[] {'!'}; // not base64: let the protocol answer SerializationException
    }
  }

  /**
   * Holder so that the wiring is built once per container, on first use (the runtime's handler
   * construction, in init), and primed there: the first request does not pay for loading the
   * protocol's classes, and SnapStart snapshots them loaded. Operations and the OAuth endpoints are
   * otherwise built on their first request (an on-demand cold start answers one operation); an init
   * that runs ahead of requests (SnapStart, provisioned concurrency) builds them all here.
   */
  private static final class Container {
    static final Wiring WIRING = Wiring.fromConfig(AppConfig.fromEnvironment());

    static {
      Priming.prime(new ApiGatewayHandler(WIRING));
      if (Priming.initIsAheadOfRequests(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
        WIRING.operations().constructAll();
        WIRING.oauth();
      }
    }
  }
}
