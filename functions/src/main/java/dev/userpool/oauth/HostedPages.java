package dev.userpool.oauth;

import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.OAuthSignIn;
import dev.userpool.authflows.SignInContext;
import dev.userpool.crypto.ConstantTime;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.UserStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /oauth2/authorize}, {@code GET/POST /login} and {@code GET /logout}: the hosted
 * sign-in as plain server-rendered HTML that works without JavaScript. Every value shown is
 * HTML-escaped; the sign-in form carries a CSRF token that must equal the one in a cookie set with
 * the form; redirects go only to a registered CallbackURL or LogoutURL, matched exactly.
 */
final class HostedPages {
  static final String CSRF_COOKIE = "userpool-csrf";

  private final OAuthClients clients;
  private final OAuthSignIn signIn;
  private final AuthorizationCodes codes;
  private final HostedSession sessions;
  private final UserStore users;
  private final SecureRandom random;
  private final FederatedAuthorize federated;

  HostedPages(
      OAuthClients clients,
      OAuthSignIn signIn,
      AuthorizationCodes codes,
      HostedSession sessions,
      UserStore users,
      SecureRandom random,
      FederatedAuthorize federated) {
    this.federated = federated;
    this.clients = clients;
    this.signIn = signIn;
    this.codes = codes;
    this.sessions = sessions;
    this.users = users;
    this.random = random;
  }

  /**
   * Checks the request, then sends the browser to the external provider it names, or signs in from
   * the hosted session cookie, or sends the browser to /login.
   */
  ApiResponse authorize(ApiRequest request, Instant now) {
    return withAuthorizeErrors(
        () -> {
          AuthorizeRequest authorize =
              AuthorizeRequest.parse(Form.parse(request.rawQuery()), clients);
          if (authorize.federated()) {
            return federated.start(authorize, base(request), now);
          }
          var session =
              sessions.read(
                  cookie(request, HostedSession.COOKIE), authorize.found().pool().id(), now);
          if (session.isPresent()) {
            User user =
                users
                    .findBySub(authorize.found().pool().id(), session.get().sub())
                    .filter(User::enabled)
                    .orElse(null);
            if (user != null) {
              return complete(request, authorize, user, session.get().authTime(), now, null);
            }
          }
          return redirect(base(request) + "/login?" + request.rawQuery(), null);
        });
  }

  ApiResponse loginPage(ApiRequest request) {
    return withAuthorizeErrors(
        () -> {
          AuthorizeRequest authorize =
              AuthorizeRequest.parse(Form.parse(request.rawQuery()), clients);
          return form(request, authorize, null, "");
        });
  }

  ApiResponse login(ApiRequest request, Instant now) {
    return withAuthorizeErrors(
        () -> {
          AuthorizeRequest authorize =
              AuthorizeRequest.parse(Form.parse(request.rawQuery()), clients);
          Form form = Form.parse(new String(request.body(), StandardCharsets.UTF_8));
          String expected = cookie(request, CSRF_COOKIE);
          String sent = form.get("_csrf");
          if (expected == null || sent == null || !ConstantTime.equals(expected, sent)) {
            return page(
                403,
                "Sign-in refused",
                "<p>The sign-in form expired. Please go back and try again.</p>",
                null);
          }
          String username = form.get("username");
          SignInContext ctx =
              new SignInContext(
                  authorize.found().pool(),
                  authorize.found().client(),
                  null,
                  false,
                  now,
                  request.baseUrl());
          OAuthSignIn.Outcome outcome;
          try {
            if (form.get("session") != null) { // the follow-up page of NEW_PASSWORD_REQUIRED
              String newPassword = form.get("new_password");
              if (username == null || newPassword == null) {
                return form(request, authorize, "A new password is required.", username);
              }
              outcome = signIn.newPassword(ctx, form.get("session"), username, newPassword);
            } else {
              String password = form.get("password");
              if (username == null || password == null) {
                return form(request, authorize, "Username and password are required.", username);
              }
              outcome = signIn.signIn(ctx, username, password);
            }
          } catch (CognitoException e) {
            return form(request, authorize, e.getMessage(), username);
          }
          if (outcome instanceof OAuthSignIn.Outcome.NewPasswordRequired required) {
            return newPasswordForm(request, username, required.session());
          }
          if (outcome instanceof OAuthSignIn.Outcome.MfaRequired) {
            return page(
                200,
                "Multi-factor authentication",
                "<p>Your account requires multi-factor authentication, "
                    + "which this sign-in page does not offer yet. Sign in through your application instead.</p>",
                null);
          }
          User user = ((OAuthSignIn.Outcome.SignedIn) outcome).user();
          return complete(
              request,
              authorize,
              user,
              now,
              now,
              sessions.setCookie(
                  sessions.issue(ctx.pool().id(), user.sub(), now, now), secure(request)));
        });
  }

  /**
   * {@code GET /logout?client_id=…&logout_uri=…}: clears the session cookie and returns to a
   * registered URL.
   */
  ApiResponse logout(ApiRequest request) {
    Form query = Form.parse(request.rawQuery());
    var found = clients.find(query.get("client_id"));
    if (found.isEmpty()) {
      return page(400, "Error", "<p>The client_id is missing or unknown.</p>", null);
    }
    String logoutUri = query.get("logout_uri");
    if (logoutUri == null
        || !OAuthClients.list(found.get().client(), "LogoutURLs").contains(logoutUri)) {
      return page(
          400,
          "Error",
          "<p>The logout_uri is not registered for this client.</p>",
          HostedSession.clearCookie(secure(request)));
    }
    return redirect(logoutUri, HostedSession.clearCookie(secure(request)));
  }

  /**
   * The redirect that ends a sign-in: a code (code flow) or tokens in the fragment (implicit flow).
   */
  private ApiResponse complete(
      ApiRequest request,
      AuthorizeRequest authorize,
      User user,
      Instant authTime,
      Instant now,
      String setCookie) {
    String poolId = authorize.found().pool().id();
    Map<String, String> out = new LinkedHashMap<>();
    String location;
    if (authorize.responseType().equals("code")) {
      out.put(
          "code",
          codes.issue(
              poolId,
              authorize.found().client().clientId(),
              user.sub(),
              authorize.redirectUri(),
              authorize.scopes(),
              authorize.nonce(),
              authorize.codeChallenge(),
              authTime,
              now));
      if (authorize.state() != null) {
        out.put("state", authorize.state());
      }
      location =
          authorize.redirectUri()
              + (authorize.redirectUri().contains("?") ? "&" : "?")
              + encode(out);
    } else {
      SignInContext ctx =
          new SignInContext(
              authorize.found().pool(),
              authorize.found().client(),
              null,
              false,
              now,
              request.baseUrl());
      AuthResult.Authenticated tokens =
          signIn.tokens(ctx, user, authorize.scopes(), authorize.nonce());
      if (authorize.scopes().contains("openid")) {
        out.put("id_token", tokens.idToken());
      }
      out.put("access_token", tokens.accessToken());
      out.put("token_type", "Bearer");
      out.put("expires_in", Long.toString(tokens.expiresIn()));
      if (authorize.state() != null) {
        out.put("state", authorize.state());
      }
      location = authorize.redirectUri() + "#" + encode(out);
    }
    return redirect(location, setCookie);
  }

  private ApiResponse form(
      ApiRequest request, AuthorizeRequest authorize, String error, String username) {
    String csrf = csrfToken();
    String client = authorize.found().client().clientName();
    StringBuilder body = new StringBuilder();
    body.append("<p>Sign in to <strong>").append(Html.escape(client)).append("</strong></p>\n");
    if (error != null) {
      body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>\n");
    }
    body.append("<form method=\"post\">\n")
        .append("<input type=\"hidden\" name=\"_csrf\" value=\"")
        .append(Html.escape(csrf))
        .append("\">\n")
        .append("<label for=\"username\">Username</label>\n")
        .append(
            "<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required value=\"")
        .append(Html.escape(username))
        .append("\">\n")
        .append("<label for=\"password\">Password</label>\n")
        .append(
            "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
                + "required>\n")
        .append("<button type=\"submit\" name=\"signInSubmitButton\">Sign in</button>\n")
        .append("</form>\n");
    return page(200, "Sign in", body.toString(), csrfCookie(request, csrf));
  }

  /**
   * NEW_PASSWORD_REQUIRED as a follow-up page: the same form posts the challenge session and the
   * new password.
   */
  private ApiResponse newPasswordForm(ApiRequest request, String username, String session) {
    String csrf = csrfToken();
    String body =
        "<p>You signed in with a temporary password. Choose a new password to continue.</p>\n"
            + "<form method=\"post\">\n"
            + "<input type=\"hidden\" name=\"_csrf\" value=\""
            + Html.escape(csrf)
            + "\">\n"
            + "<input type=\"hidden\" name=\"session\" value=\""
            + Html.escape(session)
            + "\">\n"
            + "<input type=\"hidden\" name=\"username\" value=\""
            + Html.escape(username)
            + "\">\n"
            + "<label for=\"new_password\">New password</label>\n"
            + "<input id=\"new_password\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" "
            + "required>\n<button type=\"submit\">Change password and sign in</button>\n</form>\n";
    return page(200, "Change password", body, csrfCookie(request, csrf));
  }

  private String csrfToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String csrfCookie(ApiRequest request, String csrf) {
    return CSRF_COOKIE
        + "="
        + csrf
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure(request) ? "; Secure" : "");
  }

  private ApiResponse withAuthorizeErrors(java.util.function.Supplier<ApiResponse> action) {
    try {
      return action.get();
    } catch (AuthorizeRequest.PageError e) {
      return page(400, "Error", "<p>" + Html.escape(e.getMessage()) + "</p>", null);
    } catch (AuthorizeRequest.RedirectError e) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("error", e.error);
      if (e.state != null) {
        out.put("state", e.state);
      }
      return redirect(
          e.redirectUri + (e.redirectUri.contains("?") ? "&" : "?") + encode(out), null);
    } catch (OAuthException e) {
      return page(400, "Error", "<p>" + Html.escape(e.error()) + "</p>", null);
    }
  }

  private static ApiResponse page(int status, String title, String body, String setCookie) {
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
            + Html.escape(title)
            + "</title>\n<style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}"
            + "label,input,button{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}"
            + "input,button{padding:.5rem}.error{color:#b00020}</style>\n</head>\n<body>\n<h1>"
            + Html.escape(title)
            + "</h1>\n"
            + body
            + "</body>\n</html>\n";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    if (setCookie != null) {
      headers.put("Set-Cookie", setCookie);
    }
    return new ApiResponse(status, headers, html.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiResponse redirect(String location, String setCookie) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location);
    headers.put("Cache-Control", "no-store");
    if (setCookie != null) {
      headers.put("Set-Cookie", setCookie);
    }
    return new ApiResponse(302, headers, new byte[0]);
  }

  private static String encode(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return out.toString();
  }

  static String cookie(ApiRequest request, String name) {
    String header = request.header("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static String base(ApiRequest request) {
    String base = request.baseUrl();
    return base == null ? "" : base;
  }

  private static boolean secure(ApiRequest request) {
    return request.baseUrl() != null && request.baseUrl().startsWith("https://");
  }
}
