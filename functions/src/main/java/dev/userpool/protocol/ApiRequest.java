package dev.userpool.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as both front ends (API Gateway events and the local server) hand it to the protocol. Header
 * names are matched case-insensitively.
 */
public record ApiRequest(String method, String path, Map<String, String> headers, byte[] body, String sourceIp) {

  public ApiRequest {
    TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> caseless.put(k, v));
    }
    headers = caseless;
    body = body == null ? new byte[0] : body;
    method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    path = path == null || path.isEmpty() ? "/" : path;
  }

  public String header(String name) {
    return headers.get(name);
  }
}
