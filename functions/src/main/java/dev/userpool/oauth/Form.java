package dev.userpool.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of an {@code application/x-www-form-urlencoded} body or a query string. A parameter
 * sent twice is an invalid_request (RFC 6749 §3.1, §3.2); malformed percent-encoding is too.
 */
public final class Form {
  private final Map<String, String> values;

  private Form(Map<String, String> values) {
    this.values = values;
  }

  public static Form parse(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return new Form(values);
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw OAuthException.invalidRequest("malformed form encoding");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw OAuthException.invalidRequest("parameter " + name + " repeated");
      }
    }
    return new Form(values);
  }

  /**
   * The value, or null when absent or empty (RFC 6749 §3.1: empty parameters are treated as
   * omitted).
   */
  public String get(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String require(String name) {
    String v = get(name);
    if (v == null) {
      throw OAuthException.invalidRequest(name + " is missing");
    }
    return v;
  }

  public Map<String, String> all() {
    return values;
  }
}
