package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.MfaStage;
import dev.userpool.authflows.OAuthSignIn;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The follow-up pages of a hosted sign-in, one per challenge the API would answer: a new password
 * (NEW_PASSWORD_REQUIRED), a code (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA), a choice of factor
 * (SELECT_MFA_TYPE), and setting up an authenticator app (MFA_SETUP: the secret and its otpauth
 * URI, then a first code, through AssociateSoftwareToken and VerifySoftwareToken). What carries the
 * sign-in from page to page is the challenge's own Session: random, stored only as a hash, bound to
 * the client, user and challenge, valid for the client's AuthSessionValidity and used once, so it
 * can be neither forged nor replayed; the username beside it must name the same user.
 */
final class ChallengePages {
  static final String CHALLENGE_FIELD = "challenge_name";

  private final OAuthSignIn signIn;
  private final PublicOperations operations;
  private final Csrf csrf;
  private final PageLayout layout;

  ChallengePages(OAuthSignIn signIn, PublicOperations operations, Csrf csrf, PageLayout layout) {
    this.signIn = signIn;
    this.operations = operations;
    this.csrf = csrf;
    this.layout = layout;
  }

  /** The page of {@code challenge}, with {@code error} shown above its form. */
  ApiResponse render(
      PageRequest page, AuthResult.Challenge challenge, String username, String error) {
    String name = challenge.name();
    String session = challenge.session();
    Map<String, String> p = challenge.parameters();
    // the internal username, over which a client secret's SECRET_HASH of an answer is computed
    username = p.getOrDefault("USER_ID_FOR_SRP", username);
    if (name.equals(MfaStage.MFA_SETUP)) {
      ObjectNode in = Json.object().put("Session", session);
      JsonNode associated =
          operations.call(
              "AssociateSoftwareToken",
              in,
              page.now(),
              page.http().baseUrl(),
              page.http().sourceIp());
      return setupPage(
          page,
          username,
          associated.path("Session").asText(),
          associated.path("SecretCode").asText(),
          error);
    }
    String token = csrf.newToken();
    FormHtml form =
        new FormHtml(page.url("/login"), token)
            .hidden(CHALLENGE_FIELD, name)
            .hidden("session", session)
            .hidden("username", username);
    String title;
    switch (name) {
      case "NEW_PASSWORD_REQUIRED" -> {
        title = "Change password";
        form.text("You signed in with a temporary password. Choose a new password to continue.")
            .field("New password", "new_password", "password", "new-password", null)
            .submit("changePasswordButton", "Change password and sign in");
      }
      case PoolMfa.SMS_MFA, PoolMfa.EMAIL_OTP, PoolMfa.SOFTWARE_TOKEN_MFA -> {
        title = "Multi-factor authentication";
        String destination = p.get("CODE_DELIVERY_DESTINATION");
        String medium = p.get("CODE_DELIVERY_DELIVERY_MEDIUM");
        form.text(
                name.equals(PoolMfa.SOFTWARE_TOKEN_MFA)
                    ? "Enter the code from your authenticator app."
                    : destination == null
                        ? "Enter the code we sent you."
                        : "We sent a code by "
                            + ("SMS".equals(medium) ? "text message" : "email")
                            + " to "
                            + destination
                            + ". Enter it to sign in.")
            .field("Code", "code", "text", "one-time-code", null)
            .submit("signInSubmitButton", "Sign in");
      }
      case MfaStage.SELECT_MFA_TYPE -> {
        title = "Choose how to sign in";
        form.text("Choose the second factor to sign in with.");
        JsonNode choices = Json.read(p.getOrDefault("MFAS_CAN_CHOOSE", "[]"));
        boolean first = true;
        for (JsonNode choice : choices) {
          form.radio("mfa_type", choice.asText(), factorName(choice.asText()), first);
          first = false;
        }
        form.submit("selectMfaButton", "Continue");
      }
      default ->
          throw new IllegalStateException("no hosted page for the challenge " + name); // see HOSTED
    }
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        title,
        FormHtml.error(error) + form.html(),
        Csrf.setCookie(token, page.secure()));
  }

  /** MFA_SETUP: the secret to add to an authenticator app, then its first code. */
  private ApiResponse setupPage(
      PageRequest page, String username, String session, String secret, String error) {
    String token = csrf.newToken();
    String issuer = page.pool().name();
    String uri =
        "otpauth://totp/"
            + uriPart(issuer + ":" + username)
            + "?secret="
            + secret
            + "&issuer="
            + uriPart(issuer);
    String body =
        FormHtml.error(error)
            + FormHtml.paragraph(
                "Your account requires multi-factor authentication. Add this key to an authenticator"
                    + " app, then enter the code it shows.")
            + "<p class=\"textDescription-customizable\">Secret key: <code id=\"secret-code\">"
            + Html.escape(secret)
            + "</code></p>\n<p class=\"textDescription-customizable\"><a id=\"otpauth-uri\" href=\""
            + Html.escape(uri)
            + "\">Open in an authenticator app</a></p>\n"
            + new FormHtml(page.url("/login"), token)
                .hidden(CHALLENGE_FIELD, MfaStage.MFA_SETUP)
                .hidden("session", session)
                .hidden("username", username)
                .hidden("secret_code", secret)
                .field("Code", "code", "text", "one-time-code", null)
                .submit("signInSubmitButton", "Verify and sign in")
                .html();
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Set up multi-factor authentication",
        body,
        Csrf.setCookie(token, page.secure()));
  }

  /**
   * Answers the challenge the form names, as RespondToAuthChallenge would with the same Session;
   * MFA_SETUP first verifies the code (VerifySoftwareToken) to get the Session that completes it.
   */
  AuthResult answer(PageRequest page, Form form) {
    String name = form.require(CHALLENGE_FIELD);
    String username = required(form, "username");
    String session = required(form, "session");
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put("USERNAME", username);
    String hash = PublicOperations.secretHash(page.client(), username);
    if (hash != null) {
      responses.put("SECRET_HASH", hash);
    }
    switch (name) {
      case "NEW_PASSWORD_REQUIRED" -> responses.put("NEW_PASSWORD", required(form, "new_password"));
      case PoolMfa.SMS_MFA -> responses.put("SMS_MFA_CODE", required(form, "code"));
      case PoolMfa.EMAIL_OTP -> responses.put("EMAIL_OTP_CODE", required(form, "code"));
      case PoolMfa.SOFTWARE_TOKEN_MFA ->
          responses.put("SOFTWARE_TOKEN_MFA_CODE", required(form, "code"));
      case MfaStage.SELECT_MFA_TYPE -> responses.put("ANSWER", required(form, "mfa_type"));
      case MfaStage.MFA_SETUP -> {
        JsonNode verified =
            operations.call(
                "VerifySoftwareToken",
                Json.object().put("Session", session).put("UserCode", required(form, "code")),
                page.now(),
                page.http().baseUrl(),
                page.http().sourceIp());
        session = verified.path("Session").asText();
      }
      default ->
          throw ErrorCode.INVALID_PARAMETER.exception(
              "Invalid challenge name " + name); // as AuthFlows answers it
    }
    return signIn.respond(page.signInContext(), name, responses, session);
  }

  /**
   * After a refused answer: the same page again for a wrong code (the Session stays usable for
   * {@value MfaStage#MAX_CODE_ATTEMPTS} wrong codes, as in the API); empty when the sign-in must
   * start over (used or expired session, a refused new password, a disabled user…).
   */
  Optional<ApiResponse> retry(PageRequest page, Form form, CognitoException e) {
    boolean wrongCode =
        e.code() == ErrorCode.CODE_MISMATCH || e.code() == ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA;
    String name = form.get(CHALLENGE_FIELD);
    if (!wrongCode || name == null || form.get("session") == null) {
      return Optional.empty();
    }
    if (name.equals(MfaStage.MFA_SETUP)) {
      return Optional.of(
          setupPage(
              page,
              form.get("username"),
              form.get("session"),
              form.get("secret_code") == null ? "" : form.get("secret_code"),
              e.getMessage()));
    }
    return Optional.of(
        render(
            page,
            new AuthResult.Challenge(name, Map.of(), form.get("session")),
            form.get("username"),
            e.getMessage()));
  }

  private static String required(Form form, String name) {
    String value = form.get(name);
    if (value == null) {
      // the text the service model's validation gives a missing member
      throw ErrorCode.INVALID_PARAMETER.exception("Missing required parameter " + name);
    }
    return value;
  }

  private static String factorName(String factor) {
    return switch (factor) {
      case PoolMfa.SMS_MFA -> "Text message (SMS)";
      case PoolMfa.EMAIL_OTP -> "Email";
      case PoolMfa.SOFTWARE_TOKEN_MFA -> "Authenticator app";
      default -> factor;
    };
  }

  private static String uriPart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
