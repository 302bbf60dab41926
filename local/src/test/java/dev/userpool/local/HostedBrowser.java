package dev.userpool.local;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that behaves like a browser without JavaScript on the hosted pages: it keeps
 * cookies, does not follow redirects (tests look at each Location) and submits the sign-in form
 * with its hidden fields.
 */
final class HostedBrowser {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  HttpResponse<String> get(String url) throws Exception {
    return remember(http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
    return remember(
        http.send(
            request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /**
   * GET the login page at {@code loginUrl}, fill in the form and post it back; the answer to the
   * post.
   */
  HttpResponse<String> signIn(String loginUrl, String username, String password) throws Exception {
    HttpResponse<String> page = get(loginUrl);
    if (page.statusCode() != 200) {
      throw new AssertionError("login page answered " + page.statusCode() + ": " + page.body());
    }
    Map<String, String> form = hiddenFields(page.body());
    form.put("username", username);
    form.put("password", password);
    return postForm(loginUrl, form);
  }

  static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }

  Map<String, String> cookies() {
    return cookies;
  }

  static String location(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("no Location"));
  }

  /** The query (or, with {@code fragment}, the fragment) parameters of a URL. */
  static Map<String, String> parameters(String url, boolean fragment) {
    URI uri = URI.create(url);
    String raw = fragment ? uri.getRawFragment() : uri.getRawQuery();
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String encode(Map<String, String> form) {
    StringBuilder out = new StringBuilder();
    form.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (k, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      b.header("Cookie", header.toString());
    }
    return b;
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || set.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }
}
