package dev.userpool.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as both front ends (API Gateway events and the local server) hand it to the
 * protocol. Header names are matched case-insensitively.
 *
 * @param path the route the front end matched ({@code /} for every Cognito call)
 * @param rawPath the path exactly as the client sent it, still percent-encoded; behind API Gateway
 *     this includes the stage (e.g. {@code /prod/}), and it is what a SigV4 signature covers.
 *     Defaults to {@code path}.
 * @param rawQuery the query string as sent, without {@code ?}, still percent-encoded; empty when
 *     there is none
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> headers,
    byte[] body,
    String sourceIp,
    String rawPath,
    String rawQuery) {

  public ApiRequest {
    TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> caseless.put(k, v));
    }
    headers = caseless;
    body = body == null ? new byte[0] : body;
    method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    path = path == null || path.isEmpty() ? "/" : path;
    rawPath = rawPath == null || rawPath.isEmpty() ? path : rawPath;
    rawQuery = rawQuery == null ? "" : rawQuery;
  }

  public ApiRequest(
      String method, String path, Map<String, String> headers, byte[] body, String sourceIp) {
    this(method, path, headers, body, sourceIp, null, null);
  }

  public String header(String name) {
    return headers.get(name);
  }

  /**
   * The URL this server was reached at, without a trailing slash: {@code X-Forwarded-Proto} (else
   * http), the Host header, and the part of {@link #rawPath} in front of {@link #path} (API
   * Gateway's stage, e.g. {@code /prod}). Null without a Host header. The issuer of local tokens is
   * built from it.
   */
  public String baseUrl() {
    String host = header("Host");
    if (host == null || host.isBlank()) {
      return null;
    }
    String proto = header("X-Forwarded-Proto");
    String scheme =
        proto == null || proto.isBlank()
            ? "http"
            : proto.split(",")[0].strip().toLowerCase(Locale.ROOT);
    String prefix =
        rawPath.endsWith(path) ? rawPath.substring(0, rawPath.length() - path.length()) : "";
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return scheme + "://" + host.strip() + prefix;
  }
}
