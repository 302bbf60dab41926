package dev.userpool.oauth;

import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.domain.UiCustomization;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.ManagedLoginBrandingStore;
import dev.userpool.store.UiCustomizationStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frame of every hosted page: the classic hosted UI's customizable elements (the {@code
 * *-customizable} classes of the developer guide, "Customizing hosted UI (classic) branding") with
 * the client's UI customization, else the pool's (ALL), applied — its CSS after the defaults, its
 * logo above the form. On a managed login (version 2) domain the client's managed login branding
 * takes their place ({@link BrandingStyle}); UI customization is the classic hosted UI's only. No
 * script runs on these pages (the Content-Security-Policy forbids it).
 */
final class PageLayout {
  private static final String DEFAULT_CSS =
      "body{font-family:sans-serif;margin:0}"
          + ".background-customizable{max-width:22rem;margin:2rem auto;padding:0 1rem}"
          + ".banner-customizable{text-align:center;padding:.5rem 0}"
          + ".logo-customizable{max-width:100%;max-height:10rem}"
          + ".label-customizable,.inputField-customizable,.submitButton-customizable"
          + "{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}"
          + ".inputField-customizable,.submitButton-customizable{padding:.5rem}"
          + ".errorMessage-customizable{color:#b00020}";

  private final UiCustomizationStore customizations;
  private final LoginGeneration generation;
  private final ManagedLoginBrandingStore brandings;

  PageLayout(
      UiCustomizationStore customizations,
      LoginGeneration generation,
      ManagedLoginBrandingStore brandings) {
    this.customizations = customizations;
    this.generation = generation;
    this.brandings = brandings;
  }

  /** Whether the pool's pages are managed login (its domain's ManagedLoginVersion is 2). */
  boolean managedLogin(String poolId) {
    return generation.managedLogin(poolId);
  }

  /** A page of the pool and client (null when the request named no known client). */
  ApiResponse page(
      int status, String poolId, String clientId, String title, String body, String setCookie) {
    boolean managed = managedLogin(poolId);
    ManagedLoginBranding branding =
        managed && clientId != null ? brandings.findByClient(poolId, clientId).orElse(null) : null;
    UiCustomization ui =
        poolId == null || managed
            ? null
            : customizations
                .find(poolId, clientId == null ? UiCustomization.ALL : clientId)
                .or(() -> customizations.find(poolId, UiCustomization.ALL))
                .orElse(null);
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>")
        .append(DEFAULT_CSS)
        .append("</style>\n");
    if (managed) {
      html.append("<style id=\"managed-login-branding\">")
          .append(branding == null ? "" : BrandingStyle.variables(branding))
          .append(BrandingStyle.RULES)
          .append("</style>\n");
    }
    if (ui != null && ui.css() != null && !ui.css().isBlank()) {
      html.append("<style id=\"ui-customization\">")
          .append(inStyleElement(ui.css()))
          .append("</style>\n");
    }
    html.append("</head>\n<body>\n<div class=\"background-customizable\">\n")
        .append("<div class=\"banner-customizable\">");
    String logo =
        branding != null ? BrandingStyle.logo(branding) : ui == null ? null : dataUri(ui.image());
    if (logo != null) {
      html.append("<img class=\"logo-customizable\" alt=\"logo\" src=\"")
          .append(Html.escape(logo))
          .append("\">");
    }
    html.append("</div>\n<h1 class=\"textDescription-customizable\">")
        .append(Html.escape(title))
        .append("</h1>\n")
        .append(body)
        .append("</div>\n</body>\n</html>\n");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Frame-Options", "DENY");
    // no form-action: browsers apply it to the redirect after a POST, which goes to the app
    headers.put(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    if (setCookie != null) {
      headers.put("Set-Cookie", setCookie);
    }
    return new ApiResponse(status, headers, html.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The stored CSS (already restricted to the customizable classes by SetUICustomization) made safe
   * inside a style element: no character of it can close the element, since {@code <} becomes the
   * CSS escape {@code \3c }.
   */
  static String inStyleElement(String css) {
    return css.replace("<", "\\3c ");
  }

  /** The logo as a data URI, for PNG and JPEG (the formats the guide allows); null otherwise. */
  static String dataUri(byte[] image) {
    if (image == null || image.length < 4) {
      return null;
    }
    String type;
    if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
      type = "image/png";
    } else if ((image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
      type = "image/jpeg";
    } else {
      return null;
    }
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
  }
}
