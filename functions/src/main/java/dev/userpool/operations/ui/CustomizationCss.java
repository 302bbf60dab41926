package dev.userpool.operations.ui;

import dev.userpool.errors.ErrorCode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSS restrictions of the developer guide ("Specifying CSS customizations"): rules may only
 * select the listed {@code *-customizable} classes, and the sheet may hold no {@code @import},
 * {@code @supports}, {@code @page} or {@code @media} statement and no JavaScript. The class list is
 * the guide's; {@code passwordCheck-notValid-} and {@code socialButton-customizable} are named from
 * its property sections (unconfirmed spelling). The error texts are ours (unconfirmed).
 */
final class CustomizationCss {
  static final Set<String> CLASSES =
      Set.of(
          "background-customizable",
          "banner-customizable",
          "errorMessage-customizable",
          "idpButton-customizable",
          "idpButton-customizable:hover",
          "idpDescription-customizable",
          "inputField-customizable",
          "inputField-customizable:focus",
          "label-customizable",
          "legalText-customizable",
          "logo-customizable",
          "passwordCheck-valid-customizable",
          "passwordCheck-notValid-customizable",
          "socialButton-customizable",
          "submitButton-customizable",
          "submitButton-customizable:hover",
          "textDescription-customizable");

  private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
  private static final Pattern FORBIDDEN =
      Pattern.compile("@import|@supports|@page|@media|javascript:|<script|expression\\(");

  private CustomizationCss() {}

  static void check(String css) {
    String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
    if (FORBIDDEN.matcher(withoutComments.toLowerCase(Locale.ROOT)).find()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "CSS must not contain @import, @supports, @page or @media statements or JavaScript.");
    }
    Matcher rule = RULE.matcher(withoutComments);
    int end = 0;
    while (rule.find()) {
      if (!withoutComments.substring(end, rule.start()).isBlank()) { // a stray brace between rules
        throw invalid();
      }
      for (String selector : rule.group(1).split(",")) {
        String s = selector.strip();
        if (!s.startsWith(".") || !CLASSES.contains(s.substring(1))) {
          throw ErrorCode.INVALID_PARAMETER.exception(
              "CSS selector " + s + " is not one of the customizable classes.");
        }
      }
      end = rule.end();
    }
    if (!withoutComments.substring(end).isBlank()) {
      throw invalid();
    }
  }

  private static RuntimeException invalid() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "CSS is not a list of rules for the customizable classes.");
  }
}
