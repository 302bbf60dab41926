package dev.userpool.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer, independent of the front end that sends it. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  public static ApiResponse json(int status, String json, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CognitoProtocol.CONTENT_TYPE);
    headers.putAll(extraHeaders);
    return new ApiResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
