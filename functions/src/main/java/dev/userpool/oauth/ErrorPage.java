package dev.userpool.oauth;

import dev.userpool.protocol.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain's own error page, for requests that cannot be answered by a redirect to the client
 * (nothing trustworthy says where to send the browser).
 */
public final class ErrorPage {
  private ErrorPage() {}

  public static ApiResponse render(int status, String message) {
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
            + "</head>\n<body>\n<h1>Error</h1>\n<p>"
            + Html.escape(message)
            + "</p>\n</body>\n</html>\n";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", "default-src 'none'");
    return new ApiResponse(status, headers, html.getBytes(StandardCharsets.UTF_8));
  }
}
