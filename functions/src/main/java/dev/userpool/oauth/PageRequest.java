package dev.userpool.oauth;

import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One request to a hosted page: the HTTP request, the authorize parameters it carries along
 * unchanged in its query (checked again on every page), and the time. Every page's form posts to a
 * page of the same domain with the same query.
 */
record PageRequest(ApiRequest http, AuthorizeRequest authorize, Instant now) {

  static PageRequest of(ApiRequest http, OAuthClients clients, Instant now) {
    return new PageRequest(http, AuthorizeRequest.parse(Form.parse(http.rawQuery()), clients), now);
  }

  UserPool pool() {
    return authorize.found().pool();
  }

  AppClient client() {
    return authorize.found().client();
  }

  /** The URL of another hosted page with this request's authorize parameters. */
  String url(String path) {
    String base = http.baseUrl();
    return (base == null ? "" : base) + path + "?" + http.rawQuery();
  }

  Form body() {
    return Form.parse(new String(http.body(), StandardCharsets.UTF_8));
  }

  boolean secure() {
    return http.baseUrl() != null && http.baseUrl().startsWith("https://");
  }

  SignInContext signInContext() {
    return new SignInContext(pool(), client(), null, false, now, http.baseUrl())
        .from(http.sourceIp());
  }
}
