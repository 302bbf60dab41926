package dev.userpool.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.validation.RequestValidator;
import dev.userpool.validation.ServiceModel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS JSON 1.1 front end of Cognito, shared by the Lambda handler and the local server. Three
 * jobs: resolve the operation from X-Amz-Target, decode and validate the input against the service
 * model, and encode the output or the error exactly as Cognito does (sources §1). Internal failures
 * never leak detail to the caller.
 */
public final class CognitoProtocol {
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

  /**
   * API Gateway's own payload limit is 10 MB; Cognito requests are small, so refuse anything near
   * that early.
   */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/cognito-idp/aws4_request");

  private final OperationTable table;
  private final RequestValidator validator;
  private final RequestAuthenticator authenticator;
  private final Clock clock;
  private final String defaultRegion;
  private final String accountId;

  public CognitoProtocol(
      OperationTable table,
      RequestAuthenticator authenticator,
      Clock clock,
      String defaultRegion,
      String accountId) {
    this.table = table;
    this.validator = new RequestValidator(table.model());
    this.authenticator = authenticator;
    this.clock = clock;
    this.defaultRegion = defaultRegion;
    this.accountId = accountId;
  }

  /** The outcome of one call, with what a request log line needs. */
  public record Outcome(ApiResponse response, String operation, String requestId) {}

  public Outcome handle(ApiRequest request) {
    String requestId = UUID.randomUUID().toString();
    String operation = operationName(request.header("X-Amz-Target"));
    try {
      ServiceModel.OperationShape shape = resolve(operation);
      authenticator.authenticate(request, shape);
      ObjectNode input = decode(request.body());
      validator.validate(shape.name(), input);
      Operation implementation =
          table
              .find(shape.name())
              .orElseThrow(
                  () ->
                      ErrorCode.UNSUPPORTED_OPERATION.exception(
                          "Userpool does not implement " + shape.name() + " yet."));
      OperationContext context =
          new OperationContext(
              requestId,
              region(request),
              accountId,
              clock.instant(),
              request.sourceIp(),
              request.baseUrl());
      JsonNode output = implementation.handle(Input.of(input), context);
      String body = output == null ? "{}" : Json.write(output);
      return new Outcome(
          ApiResponse.json(200, body, Map.of("x-amzn-RequestId", requestId)), operation, requestId);
    } catch (CognitoException e) {
      return new Outcome(error(e.code(), e.getMessage(), requestId), operation, requestId);
    } catch (RuntimeException | StackOverflowError e) {
      Log.LOG.log(
          System.Logger.Level.ERROR, "request " + requestId + " (" + operation + ") failed", e);
      return new Outcome(
          error(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId),
          operation,
          requestId);
    }
  }

  private static String operationName(String target) {
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      return null;
    }
    return target.substring(TARGET_PREFIX.length());
  }

  private ServiceModel.OperationShape resolve(String operation) {
    if (operation == null || !table.model().hasOperation(operation)) {
      throw ErrorCode.UNKNOWN_OPERATION.exception();
    }
    return table.model().operation(operation);
  }

  private static ObjectNode decode(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw ErrorCode.SERIALIZATION.exception("Request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    if (body.length == 0) {
      return Json.object(); // treated as {} so that validation names the missing members
    }
    JsonNode parsed;
    try {
      parsed = Json.parse(body);
    } catch (JsonProcessingException e) {
      throw ErrorCode.SERIALIZATION.exception();
    } catch (java.io.IOException e) {
      throw ErrorCode.SERIALIZATION.exception();
    }
    if (parsed == null || parsed.isMissingNode()) {
      return Json.object();
    }
    if (!parsed.isObject()) {
      throw ErrorCode.SERIALIZATION.exception("Expected map or null");
    }
    return (ObjectNode) parsed;
  }

  /**
   * A signed request names its region in the credential scope; unsigned ones get the configured
   * default.
   */
  private String region(ApiRequest request) {
    String authorization = request.header("Authorization");
    if (authorization != null) {
      Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return defaultRegion;
  }

  /**
   * Cognito's error shape: 400 (500 for faults), x-amzn-ErrorType "Name:", body {__type, message}.
   */
  public static ApiResponse error(ErrorCode code, String message, String requestId) {
    ObjectNode body = Json.object();
    body.put("__type", code.wireName());
    if (message != null) {
      // SerializationException comes from the protocol layer, which capitalises the member (sources
      // §1.4).
      body.put(code == ErrorCode.SERIALIZATION ? "Message" : "message", message);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amzn-ErrorType", code.wireName() + ":");
    if (message != null && isHeaderSafe(message)) {
      headers.put("x-amzn-ErrorMessage", message);
    }
    return ApiResponse.json(code.httpStatus(), Json.write(body), headers);
  }

  private static boolean isHeaderSafe(String value) {
    if (value.length() > 1024) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(CognitoProtocol.class.getName());
  }
}
