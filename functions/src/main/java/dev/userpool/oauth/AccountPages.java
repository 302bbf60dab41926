package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.delivery.Templates;
import dev.userpool.errors.CognitoException;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hosted account pages beside sign-in, at the classic hosted UI's paths (developer guide,
 * "managed login endpoints"): {@code /signup} (username, password and the pool's required
 * attributes) → {@code /confirm} (the code sent, {@code /resendcode} for another) → /login; and
 * {@code /forgotPassword} (username) → {@code /confirmforgotPassword} (code and new password) →
 * /login. Each form calls the API operation of the same name ({@link PublicOperations}), so the
 * checks, triggers, messages and errors are the API's; an error shows the form again with Cognito's
 * message.
 */
final class AccountPages {
  /** The prefix of the sign-up form's attribute fields. */
  static final String ATTRIBUTE_FIELD = "requiredAttributes";

  private final HostedPages pages;
  private final OAuthClients clients;
  private final PublicOperations operations;
  private final Csrf csrf;
  private final PageLayout layout;
  private final TermsLinks terms;

  AccountPages(
      HostedPages pages,
      OAuthClients clients,
      PublicOperations operations,
      Csrf csrf,
      PageLayout layout,
      TermsLinks terms) {
    this.pages = pages;
    this.clients = clients;
    this.operations = operations;
    this.csrf = csrf;
    this.layout = layout;
    this.terms = terms;
  }

  ApiResponse signUpPage(ApiRequest request, Instant now) {
    return pages.withAuthorizeErrors(
        () -> signUpForm(PageRequest.of(request, clients, now), null, Map.of()));
  }

  ApiResponse signUp(ApiRequest request, Instant now) {
    return posted(
        request,
        now,
        (page, form) -> {
          String username = form.get("username");
          ObjectNode in = clientCall(page, username);
          putIfPresent(in, "Password", form.get("password"));
          ArrayNode attributes = in.putArray("UserAttributes");
          for (String name : requiredAttributes(page)) {
            String value = form.get(ATTRIBUTE_FIELD + "[" + name + "]");
            if (value != null) {
              attributes.addObject().put("Name", name).put("Value", value);
            }
          }
          JsonNode out;
          try {
            out = call(page, "SignUp", in);
          } catch (CognitoException e) {
            return signUpForm(page, e.getMessage(), form.all());
          }
          if (out.path("UserConfirmed").asBoolean()) {
            return HostedPages.redirect(page.url("/login"), null);
          }
          return confirmForm(page, username, sentTo(out.path("CodeDeliveryDetails")), null);
        });
  }

  ApiResponse confirm(ApiRequest request, Instant now) {
    return posted(
        request,
        now,
        (page, form) -> {
          String username = form.get("username");
          ObjectNode in = clientCall(page, username);
          putIfPresent(in, "ConfirmationCode", form.get("confirmation_code"));
          try {
            call(page, "ConfirmSignUp", in);
          } catch (CognitoException e) {
            return confirmForm(page, username, null, e.getMessage());
          }
          return HostedPages.redirect(page.url("/login"), null);
        });
  }

  ApiResponse resendCode(ApiRequest request, Instant now) {
    return posted(
        request,
        now,
        (page, form) -> {
          String username = form.get("username");
          try {
            JsonNode out = call(page, "ResendConfirmationCode", clientCall(page, username));
            return confirmForm(page, username, sentTo(out.path("CodeDeliveryDetails")), null);
          } catch (CognitoException e) {
            return confirmForm(page, username, null, e.getMessage());
          }
        });
  }

  ApiResponse forgotPasswordPage(ApiRequest request, Instant now) {
    return pages.withAuthorizeErrors(
        () -> forgotForm(PageRequest.of(request, clients, now), null, null));
  }

  ApiResponse forgotPassword(ApiRequest request, Instant now) {
    return posted(
        request,
        now,
        (page, form) -> {
          String username = form.get("username");
          JsonNode out;
          try {
            out = call(page, "ForgotPassword", clientCall(page, username));
          } catch (CognitoException e) {
            return forgotForm(page, e.getMessage(), username);
          }
          return resetForm(page, username, sentTo(out.path("CodeDeliveryDetails")), null);
        });
  }

  ApiResponse confirmForgotPassword(ApiRequest request, Instant now) {
    return posted(
        request,
        now,
        (page, form) -> {
          String username = form.get("username");
          String password = form.get("password");
          if (password != null && !password.equals(form.get("confirmPassword"))) {
            return resetForm(page, username, null, "Passwords do not match."); // our text
          }
          ObjectNode in = clientCall(page, username);
          putIfPresent(in, "ConfirmationCode", form.get("code"));
          putIfPresent(in, "Password", password);
          try {
            call(page, "ConfirmForgotPassword", in);
          } catch (CognitoException e) {
            return resetForm(page, username, null, e.getMessage());
          }
          return HostedPages.redirect(page.url("/login"), null);
        });
  }

  private interface PostedForm {
    ApiResponse answer(PageRequest page, Form form);
  }

  /** A POST: the authorize parameters checked, the CSRF token required, then the form's answer. */
  private ApiResponse posted(ApiRequest request, Instant now, PostedForm handler) {
    return pages.withAuthorizeErrors(
        () -> {
          PageRequest page = PageRequest.of(request, clients, now);
          Form form = page.body();
          if (!Csrf.accepts(request, form)) {
            return pages.refused(page);
          }
          return handler.answer(page, form);
        });
  }

  private ApiResponse signUpForm(PageRequest page, String error, Map<String, String> entered) {
    if (page.pool().view().allowAdminCreateUserOnly()) {
      // SignUp's own refusal (observed raw response: pmill/aws-cognito#37)
      return layout.page(
          400,
          page.pool().id(),
          page.client().clientId(),
          "Sign up",
          FormHtml.error("SignUp is not permitted for this user pool"),
          null);
    }
    String token = csrf.newToken();
    FormHtml form =
        new FormHtml(page.url("/signup"), token)
            .field(usernameLabel(page), "username", "text", "username", entered.get("username"));
    for (String name : requiredAttributes(page)) {
      String field = ATTRIBUTE_FIELD + "[" + name + "]";
      form.field(
          label(name),
          field,
          name.equals("email") ? "email" : name.equals("phone_number") ? "tel" : "text",
          null,
          entered.get(field));
    }
    form.field("Password", "password", "password", "new-password", null)
        .submit("signUpButton", "Sign up");
    // terms documents are managed login's only (CreateTerms: "the sign-up page of managed login")
    String termsLinks =
        layout.managedLogin(page.pool().id())
            ? terms.html(
                page.pool().id(),
                page.client().clientId(),
                Form.parse(page.http().rawQuery()).get("lang"),
                page.http().header("Accept-Language"))
            : "";
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Sign up",
        FormHtml.error(error)
            + form.html()
            + termsLinks
            + FormHtml.link(page.url("/login"), "Already have an account? Sign in"),
        Csrf.setCookie(token, page.secure()));
  }

  /**
   * The code form, or, when the code went by email in a CONFIRM_WITH_LINK pool, word of the link
   * (the email carries no code to type; ADR 0022) with only the button for another.
   */
  private ApiResponse confirmForm(PageRequest page, String username, String sentTo, String error) {
    String token = csrf.newToken();
    boolean byLink =
        sentTo != null
            && sentTo.startsWith("email")
            && Templates.confirmsByLink(page.pool().view());
    String resend =
        new FormHtml(page.url("/resendcode"), token)
            .hidden("username", username)
            .submit("resend", byLink ? "Send a new link" : "Send a new code")
            .html();
    String body =
        byLink
            ? FormHtml.paragraph(
                    "We have sent a link by "
                        + sentTo
                        + ". Follow it to confirm your account, then sign in.")
                + resend
            : FormHtml.error(error)
                + (sentTo == null
                    ? FormHtml.paragraph("Enter the code we sent you to confirm your account.")
                    : FormHtml.paragraph(
                        "We have sent a code by "
                            + sentTo
                            + ". Enter it below to confirm your account."))
                + new FormHtml(page.url("/confirm"), token)
                    .hidden("username", username)
                    .field("Verification code", "confirmation_code", "text", "one-time-code", null)
                    .submit("confirm", "Confirm account")
                    .html()
                + resend;
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Confirm your account",
        body,
        Csrf.setCookie(token, page.secure()));
  }

  private ApiResponse forgotForm(PageRequest page, String error, String username) {
    String token = csrf.newToken();
    String body =
        FormHtml.error(error)
            + FormHtml.paragraph(
                "Enter your username and we will send you a code to reset your password.")
            + new FormHtml(page.url("/forgotPassword"), token)
                .field("Username", "username", "text", "username", username)
                .submit("reset_my_password", "Reset my password")
                .html();
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Forgot your password?",
        body,
        Csrf.setCookie(token, page.secure()));
  }

  private ApiResponse resetForm(PageRequest page, String username, String sentTo, String error) {
    String token = csrf.newToken();
    String body =
        FormHtml.error(error)
            + (sentTo == null
                ? ""
                : FormHtml.paragraph(
                    "We have sent a password reset code by "
                        + sentTo
                        + ". Enter it below to reset your password."))
            + new FormHtml(page.url("/confirmforgotPassword"), token)
                .hidden("username", username)
                .field("Code", "code", "text", "one-time-code", null)
                .field("New password", "password", "password", "new-password", null)
                .field(
                    "Enter new password again", "confirmPassword", "password", "new-password", null)
                .submit("reset_password", "Change password")
                .html();
    return layout.page(
        200,
        page.pool().id(),
        page.client().clientId(),
        "Reset your password",
        body,
        Csrf.setCookie(token, page.secure()));
  }

  /** ClientId, Username and (for a client with a secret) SecretHash: the start of every call. */
  private static ObjectNode clientCall(PageRequest page, String username) {
    ObjectNode in = Json.object().put("ClientId", page.client().clientId());
    putIfPresent(in, "Username", username);
    putIfPresent(in, "SecretHash", PublicOperations.secretHash(page.client(), username));
    return in;
  }

  private JsonNode call(PageRequest page, String operation, ObjectNode in) {
    return operations.call(
        operation, in, page.now(), page.http().baseUrl(), page.http().sourceIp());
  }

  private static void putIfPresent(ObjectNode in, String name, String value) {
    if (value != null) {
      in.put(name, value);
    }
  }

  /**
   * The pool's required attributes the form asks for: all but sub and those the username itself
   * provides (UsernameAttributes).
   */
  private static List<String> requiredAttributes(PageRequest page) {
    List<String> names = new ArrayList<>();
    List<String> byUsername = page.pool().view().usernameAttributes();
    for (Map<String, Object> a : page.pool().view().schemaAttributes()) {
      String name = String.valueOf(a.get("Name"));
      if (Boolean.TRUE.equals(a.get("Required"))
          && !name.equals("sub")
          && !byUsername.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String usernameLabel(PageRequest page) {
    List<String> byUsername = page.pool().view().usernameAttributes();
    if (byUsername.contains("email") && byUsername.contains("phone_number")) {
      return "Email or phone number";
    }
    if (byUsername.contains("email")) {
      return "Email";
    }
    return byUsername.contains("phone_number") ? "Phone number" : "Username";
  }

  private static String label(String attribute) {
    String plain = attribute.startsWith("custom:") ? attribute.substring(7) : attribute;
    plain = plain.replace('_', ' ');
    return Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
  }

  /** "email to a***@e***" from CodeDeliveryDetails, or null. */
  private static String sentTo(JsonNode details) {
    if (details == null || details.isMissingNode() || !details.has("Destination")) {
      return null;
    }
    String medium = details.path("DeliveryMedium").asText();
    return ("SMS".equals(medium) ? "text message" : "email")
        + " to "
        + details.path("Destination").asText();
  }
}
