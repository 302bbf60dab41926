package dev.userpool.local.console;

import dev.userpool.delivery.Outbox;
import dev.userpool.operations.Dependencies;
import dev.userpool.protocol.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /_local/}: the console page. Its Content-Security-Policy allows no script at all and
 * only the page's own inline styles, a second line of defence behind the escaping in {@link
 * HtmlWriter}.
 */
public final class LocalConsole {
  public static final String PATH = "/_local/";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Type", "text/html; charset=utf-8",
          "Cache-Control", "no-store",
          "Content-Security-Policy",
              "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          "X-Content-Type-Options", "nosniff");

  private LocalConsole() {}

  /** True for the console's path, with or without its trailing slash. */
  public static boolean matches(String method, String path) {
    return method.equals("GET") && (path.equals(PATH) || path.equals("/_local"));
  }

  public static ApiResponse handle(Dependencies stores, Outbox outbox) {
    String page = ConsolePage.render(ConsoleSnapshot.read(stores, outbox));
    return new ApiResponse(200, HEADERS, page.getBytes(StandardCharsets.UTF_8));
  }
}
