package dev.userpool.delivery;

import dev.userpool.domain.PoolSettings;
import dev.userpool.errors.ErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-up confirmation link of pools whose VerificationMessageTemplate.DefaultEmailOption is
 * CONFIRM_WITH_LINK: {@code <domain>/confirmUser?client_id=…&user_name=…&confirmation_code=…} (the
 * classic hosted UI's endpoint, as links quoted in public issues show it), put into the email in
 * place of the template's {@code {##link text##}} placeholder (ADR 0022).
 */
public final class ConfirmationLink {
  /** The hosted endpoint the link opens. */
  public static final String PATH = "/confirmUser";

  /**
   * {@code {##text##}}, text possibly empty: the service model's EmailVerificationMessageByLinkType
   * allows {@code {####}}.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{##(.*?)##\\}", Pattern.DOTALL);

  private ConfirmationLink() {}

  /** The link to {@code domainBaseUrl}'s confirmation endpoint for this user and code. */
  public static String url(String domainBaseUrl, String clientId, String username, String code) {
    return domainBaseUrl
        + PATH
        + "?client_id="
        + encode(clientId)
        + "&user_name="
        + encode(username)
        + "&confirmation_code="
        + encode(code);
  }

  /**
   * Where the pool domain's endpoints are: the URL the request reached, else the deployment's
   * configured URL, without a trailing slash. A pool without a domain has no link to send;
   * Cognito's answer is quoted in aws-amplify/amplify-js#4489 (its "use pool" sic).
   */
  public static String base(PoolSettings pool, String requestBaseUrl, String configuredBaseUrl) {
    if (pool.get("Domain") == null && pool.get("CustomDomain") == null) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Cannot perform specific action because there does not exist a valid use pool domain"
              + " associated with the user pool");
    }
    String base = requestBaseUrl != null ? requestBaseUrl : configuredBaseUrl;
    if (base == null || base.isBlank()) {
      // Only a request without a Host header on a deployment without USERPOOL_ISSUER_BASE_URL.
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The domain URL of the user pool is unknown: configure USERPOOL_ISSUER_BASE_URL.");
    }
    String out = base.strip();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  /** Whether {@code text} holds a link placeholder. */
  public static boolean hasPlaceholder(String text) {
    return text != null && PLACEHOLDER.matcher(text).find();
  }

  /**
   * {@code text} with every {@code {##text##}} made an HTML link to {@code url} showing that text;
   * an empty text ({@code {####}}) becomes the bare URL, as a 2017 report of Cognito's output shows
   * (amazon-cognito-identity-js#521). The link text is the pool's or the CustomMessage function's
   * own HTML and stays as written.
   */
  public static String fill(String text, String url) {
    String href = escape(url);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + href.length() * 2);
    while (m.find()) {
      String linkText = m.group(1);
      String replacement =
          linkText.isEmpty() ? href : "<a href=\"" + href + "\">" + linkText + "</a>";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The URL is percent-encoded already; only {@code &} (and quotes, for safety) need escaping. */
  private static String escape(String url) {
    return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
