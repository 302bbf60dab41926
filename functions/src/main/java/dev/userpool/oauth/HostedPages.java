package dev.userpool.oauth;

import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.OAuthSignIn;
import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.oauth.saml.SamlFederation;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.UserStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /oauth2/authorize}, {@code GET/POST /login} and {@code GET /logout}: the hosted
 * sign-in as plain server-rendered HTML that works without JavaScript. The password, then each
 * challenge the user owes (new password, MFA code, MFA choice, TOTP setup; {@link ChallengePages}),
 * posts back to /login; a completed sign-in sets the hosted session cookie and redirects with a
 * code. Every value shown is HTML-escaped, every POST must pass {@link Csrf}, and redirects go only
 * to a registered CallbackURL or LogoutURL, matched exactly.
 */
final class HostedPages {
  private final OAuthClients clients;
  private final OAuthSignIn signIn;
  private final AuthorizationCodes codes;
  private final HostedSession sessions;
  private final UserStore users;
  private final Csrf csrf;
  private final PageLayout layout;
  private final ChallengePages challenges;
  private final FederatedAuthorize federated;
  private final SamlSessionCookie samlSessions;
  private final SamlFederation saml;

  HostedPages(
      OAuthClients clients,
      OAuthSignIn signIn,
      AuthorizationCodes codes,
      HostedSession sessions,
      UserStore users,
      Csrf csrf,
      PageLayout layout,
      ChallengePages challenges,
      FederatedAuthorize federated,
      SamlSessionCookie samlSessions,
      SamlFederation saml) {
    this.federated = federated;
    this.samlSessions = samlSessions;
    this.saml = saml;
    this.clients = clients;
    this.signIn = signIn;
    this.codes = codes;
    this.sessions = sessions;
    this.users = users;
    this.csrf = csrf;
    this.layout = layout;
    this.challenges = challenges;
  }

  /**
   * Checks the request, then sends the browser to the external provider it names, or signs in from
   * the hosted session cookie (Cognito's SSO cookie: a code at once, no page), or sends the browser
   * to /login.
   */
  ApiResponse authorize(ApiRequest request, Instant now) {
    return withAuthorizeErrors(
        () -> {
          PageRequest page = PageRequest.of(request, clients, now);
          if (page.authorize().federated()) {
            String base = request.baseUrl();
            return federated.start(page.authorize(), base == null ? "" : base, now);
          }
          var session = sessions.read(cookie(request, HostedSession.COOKIE), page.pool().id(), now);
          if (session.isPresent()) {
            User user =
                users
                    .findBySub(page.pool().id(), session.get().sub())
                    .filter(User::enabled)
                    .orElse(null);
            if (user != null) {
              return complete(page, user, session.get().authTime(), null);
            }
          }
          return redirect(page.url("/login"), null);
        });
  }

  ApiResponse loginPage(ApiRequest request, Instant now) {
    return withAuthorizeErrors(() -> loginForm(PageRequest.of(request, clients, now), null, ""));
  }

  /** The answer to the sign-in form or to one of the challenge forms that follow it. */
  ApiResponse login(ApiRequest request, Instant now) {
    return withAuthorizeErrors(
        () -> {
          PageRequest page = PageRequest.of(request, clients, now);
          Form form = page.body();
          if (!Csrf.accepts(request, form)) {
            return refused(page);
          }
          if (form.get(ChallengePages.CHALLENGE_FIELD) != null) {
            String username = form.get("username");
            try {
              return next(page, challenges.answer(page, form), username);
            } catch (CognitoException e) {
              return challenges
                  .retry(page, form, e)
                  .orElseGet(() -> loginForm(page, e.getMessage(), username));
            }
          }
          String username = form.get("username");
          String password = form.get("password");
          if (username == null || password == null) {
            return loginForm(page, "Username and password are required.", username);
          }
          try {
            return next(page, signIn.signIn(page.signInContext(), username, password), username);
          } catch (CognitoException e) {
            return loginForm(page, e.getMessage(), username);
          }
        });
  }

  /** A challenge's page, or (signed in) the session cookie and the redirect with a code. */
  private ApiResponse next(PageRequest page, AuthResult result, String username) {
    if (result instanceof AuthResult.Challenge challenge) {
      return challenges.render(page, challenge, username, null);
    }
    User user = ((AuthResult.SignedIn) result).user();
    return complete(
        page,
        user,
        page.now(),
        sessions.setCookie(
            sessions.issue(page.pool().id(), user.sub(), page.now(), page.now()), page.secure()));
  }

  /**
   * {@code GET /logout}: ends the hosted session (revoked, and its cookie cleared), then either
   * returns to {@code logout_uri} (one of the client's LogoutURLs) or, given {@code redirect_uri}
   * and {@code response_type} instead, sends the browser to /login with the same parameters to sign
   * in again (developer guide, Logout endpoint).
   */
  ApiResponse logout(ApiRequest request, Instant now) {
    Form query = Form.parse(request.rawQuery());
    String clear = HostedSession.clearCookie(secure(request));
    var found = clients.find(query.get("client_id"));
    if (found.isEmpty()) {
      return layout.page(
          400,
          null,
          null,
          "Error",
          FormHtml.paragraph("The client_id is missing or unknown."),
          clear);
    }
    String poolId = found.get().pool().id();
    String clientId = found.get().client().clientId();
    sessions.revoke(cookie(request, HostedSession.COOKIE), poolId, now);
    String logoutUri = query.get("logout_uri");
    if (logoutUri == null && query.get("redirect_uri") != null) {
      return withAuthorizeErrors(
          () ->
              signedOut(
                  request,
                  poolId,
                  clientId,
                  PageRequest.of(request, clients, now).url("/login"),
                  clear,
                  now));
    }
    if (logoutUri == null
        || !OAuthClients.list(found.get().client(), "LogoutURLs").contains(logoutUri)) {
      return layout.page(
          400,
          poolId,
          clientId,
          "Error",
          FormHtml.paragraph("The logout_uri is not registered for this client."),
          clear);
    }
    return signedOut(request, poolId, clientId, logoutUri, clear, now);
  }

  /**
   * The redirect to {@code destination}, or first, for a browser signed in through a SAML provider
   * with IDPSignout, to the provider's single logout (which comes back to {@code /saml2/logout}).
   */
  private ApiResponse signedOut(
      ApiRequest request,
      String poolId,
      String clientId,
      String destination,
      String clear,
      Instant now) {
    var current = samlSessions.read(cookie(request, SamlSessionCookie.COOKIE), poolId, now);
    if (current.isPresent()) {
      samlSessions.revoke(poolId, current.get());
      var idp = saml.startLogout(poolId, clientId, current.get().session(), destination, now);
      if (idp.isPresent()) {
        return redirect(idp.get(), clear);
      }
    }
    return redirect(destination, clear);
  }

  /**
   * The redirect that ends a sign-in: a code (code flow) or tokens in the fragment (implicit flow).
   */
  private ApiResponse complete(PageRequest page, User user, Instant authTime, String setCookie) {
    AuthorizeRequest authorize = page.authorize();
    Map<String, String> out = new LinkedHashMap<>();
    String location;
    if (authorize.responseType().equals("code")) {
      out.put(
          "code",
          codes.issue(
              page.pool().id(),
              page.client().clientId(),
              user.sub(),
              authorize.redirectUri(),
              authorize.scopes(),
              authorize.nonce(),
              authorize.codeChallenge(),
              authTime,
              page.now()));
      if (authorize.state() != null) {
        out.put("state", authorize.state());
      }
      location =
          authorize.redirectUri()
              + (authorize.redirectUri().contains("?") ? "&" : "?")
              + encode(out);
    } else {
      SignInContext ctx = page.signInContext();
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

  /**
   * The sign-in form, with links to sign-up (when the pool lets users sign themselves up) and to
   * the forgotten-password page.
   */
  ApiResponse loginForm(PageRequest page, String error, String username) {
    String token = csrf.newToken();
    String body =
        FormHtml.paragraph("Sign in to " + page.client().clientName())
            + FormHtml.error(error)
            + new FormHtml(null, token)
                .field("Username", "username", "text", "username", username)
                .field("Password", "password", "password", "current-password", null)
                .submit("signInSubmitButton", "Sign in")
                .html()
            + FormHtml.link(page.url("/forgotPassword"), "Forgot your password?")
            + (page.pool().view().allowAdminCreateUserOnly()
                ? ""
                : FormHtml.link(page.url("/signup"), "Need an account? Sign up"));
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Sign in",
        body,
        Csrf.setCookie(token, page.secure()));
  }

  /** The answer to a POST without the form's CSRF token: nothing is done. */
  ApiResponse refused(PageRequest page) {
    return layout.page(
        403,
        page.pool().id(),
        page.client().clientId(),
        "Sign-in refused",
        FormHtml.paragraph("The form expired. Please go back and try again."),
        null);
  }

  /** Runs a page, turning a bad authorize request into our error page or an error redirect. */
  ApiResponse withAuthorizeErrors(Supplier<ApiResponse> action) {
    try {
      return action.get();
    } catch (AuthorizeRequest.PageError e) {
      return layout.page(400, null, null, "Error", FormHtml.paragraph(e.getMessage()), null);
    } catch (AuthorizeRequest.RedirectError e) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("error", e.error);
      if (e.state != null) {
        out.put("state", e.state);
      }
      return redirect(
          e.redirectUri + (e.redirectUri.contains("?") ? "&" : "?") + encode(out), null);
    } catch (OAuthException e) {
      return layout.page(400, null, null, "Error", FormHtml.paragraph(e.error()), null);
    }
  }

  static ApiResponse redirect(String location, String setCookie) {
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

  private static boolean secure(ApiRequest request) {
    return request.baseUrl() != null && request.baseUrl().startsWith("https://");
  }
}
