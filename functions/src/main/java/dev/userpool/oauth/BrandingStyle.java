package dev.userpool.oauth;

import dev.userpool.domain.ManagedLoginBranding;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a managed login branding style (CreateManagedLoginBranding) can honestly change on the plain
 * server-rendered pages: a few light-mode colors of its Settings as CSS variables, the form logo
 * and the page background image from its Assets. Everything else in the style (dark mode, hover
 * states, fonts, positions, favicons, …) is not applied; ADR 0018 lists both.
 * UseCognitoProvidedValues (no Settings, no Assets) leaves the default look.
 */
final class BrandingStyle {
  /** Colors in the Settings document are hex RGB with alpha, e.g. {@code 0972d3ff}. */
  private static final Pattern COLOR = Pattern.compile("[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?");

  /** CSS variable → path in the Settings document. */
  private static final Map<String, List<String>> COLORS = new LinkedHashMap<>();

  static {
    COLORS.put("--page-background", List.of("components", "pageBackground", "lightMode", "color"));
    COLORS.put("--page-text", List.of("components", "pageText", "lightMode", "bodyColor"));
    COLORS.put("--heading-text", List.of("components", "pageText", "lightMode", "headingColor"));
    COLORS.put("--form-background", List.of("components", "form", "lightMode", "backgroundColor"));
    COLORS.put("--form-border", List.of("components", "form", "lightMode", "borderColor"));
    COLORS.put(
        "--button-background",
        List.of("components", "primaryButton", "lightMode", "defaults", "backgroundColor"));
    COLORS.put(
        "--button-text",
        List.of("components", "primaryButton", "lightMode", "defaults", "textColor"));
    COLORS.put(
        "--link-text", List.of("componentClasses", "link", "lightMode", "defaults", "textColor"));
  }

  /** The rules that use the variables, each with the default look as fallback. */
  static final String RULES =
      "body{background:var(--page-background,#fff) var(--page-image,none) center/cover;"
          + "color:var(--page-text,inherit)}"
          + "h1{color:var(--heading-text,inherit)}"
          + ".background-customizable{background:var(--form-background,transparent);"
          + "border:1px solid var(--form-border,transparent);border-radius:8px}"
          + ".submitButton-customizable{background:var(--button-background,buttonface);"
          + "color:var(--button-text,buttontext)}"
          + "a{color:var(--link-text,revert)}";

  private BrandingStyle() {}

  /** The {@code :root} block of variables for the style ("" when it sets none). */
  static String variables(ManagedLoginBranding style) {
    StringBuilder css = new StringBuilder();
    if (!style.useCognitoProvidedValues() && style.settings() != null) {
      for (Map.Entry<String, List<String>> color : COLORS.entrySet()) {
        Object value = at(style.settings(), color.getValue());
        if (value instanceof String hex && COLOR.matcher(hex).matches()) {
          css.append(color.getKey()).append(":#").append(hex).append(';');
        }
      }
    }
    String background = asset(style, "PAGE_BACKGROUND");
    if (background != null) {
      // a data URI of base64 characters only: nothing in it can leave the url()
      css.append("--page-image:url(").append(background).append(");");
    }
    return css.isEmpty() ? "" : ":root{" + css + "}";
  }

  /** The form logo as a data URI, or null. */
  static String logo(ManagedLoginBranding style) {
    return asset(style, "FORM_LOGO");
  }

  /**
   * The light (else dynamic) asset of the category as a data URI: PNG, JPEG, or SVG (shown only
   * through img or url(), where a browser runs none of its scripts). Bytes re-encoded after
   * decoding, so only base64 characters reach the page.
   */
  static String asset(ManagedLoginBranding style, String category) {
    if (style.useCognitoProvidedValues()) {
      return null;
    }
    Map<String, Object> chosen = null;
    for (Map<String, Object> asset : style.assets()) {
      if (!category.equals(asset.get("Category"))) {
        continue;
      }
      if ("LIGHT".equals(asset.get("ColorMode"))) {
        chosen = asset;
        break;
      }
      if ("DYNAMIC".equals(asset.get("ColorMode"))) {
        chosen = asset;
      }
    }
    if (chosen == null || !(chosen.get("Bytes") instanceof String bytes)) {
      return null;
    }
    String type =
        switch (String.valueOf(chosen.get("Extension"))) {
          case "PNG" -> "image/png";
          case "JPEG" -> "image/jpeg";
          case "SVG" -> "image/svg+xml";
          default -> null;
        };
    if (type == null) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(bytes);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return decoded.length == 0
        ? null
        : "data:" + type + ";base64," + Base64.getEncoder().encodeToString(decoded);
  }

  private static Object at(Object tree, List<String> path) {
    Object node = tree;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }
}
