package dev.userpool.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.UserPoolStore;
import dev.userpool.tokens.IssuerResolver;
import dev.userpool.tokens.SigningKeys;
import dev.userpool.tokens.WellKnownDocuments;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /<poolId>/.well-known/jwks.json} and {@code GET
 * /<poolId>/.well-known/openid-configuration}, for both front ends (API Gateway routes them to the
 * same function; the local server has GET routes). A pool without keys gets its first key here. An
 * unknown pool answers 404 with a Cognito-style JSON error (body wording guessed).
 */
public final class WellKnownEndpoints {
  private static final Pattern PATH =
      Pattern.compile("/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/(jwks\\.json|openid-configuration)");
  private static final String CONTENT_TYPE = "application/json";

  private final UserPoolStore pools;
  private final SigningKeys keys;
  private final IssuerResolver issuers;

  public WellKnownEndpoints(UserPoolStore pools, SigningKeys keys, IssuerResolver issuers) {
    this.pools = pools;
    this.keys = keys;
    this.issuers = issuers;
  }

  /**
   * Whether this is a GET of a well-known document; such requests never reach the Cognito protocol.
   */
  public static boolean matches(String method, String path) {
    return "GET".equals(method) && path != null && PATH.matcher(path).matches();
  }

  /** The document, or empty when the request is not a GET of a well-known path. */
  public Optional<ApiResponse> handle(ApiRequest request) {
    if (!matches(request.method(), request.path())) {
      return Optional.empty();
    }
    Matcher m = PATH.matcher(request.path());
    m.matches();
    String poolId = m.group(1);
    try {
      var pool = pools.find(poolId);
      if (pool.isEmpty()) {
        ObjectNode error = Json.object();
        error.put("__type", ErrorCode.RESOURCE_NOT_FOUND.wireName());
        error.put("message", "User pool " + poolId + " does not exist.");
        return Optional.of(json(404, error));
      }
      ObjectNode doc =
          m.group(2).equals("jwks.json")
              ? WellKnownDocuments.jwks(keys.ensure(poolId))
              : WellKnownDocuments.openidConfiguration(
                  issuers.issuer(poolId, request.baseUrl()),
                  hasDomain(pool.get().settings()) ? request.baseUrl() : null);
      return Optional.of(json(200, doc));
    } catch (RuntimeException e) {
      String requestId = UUID.randomUUID().toString();
      Log.LOG.log(
          System.Logger.Level.ERROR,
          "request " + requestId + " (" + request.path() + ") failed",
          e);
      return Optional.of(
          CognitoProtocol.error(
              ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId));
    }
  }

  private static boolean hasDomain(Map<String, Object> poolSettings) {
    return poolSettings.get("Domain") != null || poolSettings.get("CustomDomain") != null;
  }

  private static ApiResponse json(int status, ObjectNode body) {
    return new ApiResponse(
        status,
        Map.of("Content-Type", CONTENT_TYPE),
        Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(WellKnownEndpoints.class.getName());
  }
}
