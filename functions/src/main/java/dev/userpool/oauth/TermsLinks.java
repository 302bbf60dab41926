package dev.userpool.oauth;

import dev.userpool.domain.Page;
import dev.userpool.domain.Terms;
import dev.userpool.store.TermsStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The app client's terms documents as links on the managed login sign-up page (CreateTerms: "the
 * app client displays links to them in the sign-up page of managed login"). Cognito shows them only
 * once both a terms-of-use and a privacy-policy document exist, each in the user's language with
 * fallback to {@code cognito:default}. The language is the {@code lang} query parameter, else the
 * first Accept-Language tag Cognito localizes (developer guide, "Managed login localization"). Only
 * https links are written, escaped.
 */
final class TermsLinks {
  /** The localization codes of managed login and the LanguageIdType key of each. */
  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("de", "cognito:german"),
          Map.entry("en", "cognito:english"),
          Map.entry("es", "cognito:spanish"),
          Map.entry("fr", "cognito:french"),
          Map.entry("id", "cognito:bahasa-indonesia"),
          Map.entry("it", "cognito:italian"),
          Map.entry("ja", "cognito:japanese"),
          Map.entry("ko", "cognito:korean"),
          Map.entry("nl", "cognito:dutch"),
          Map.entry("pt-br", "cognito:portuguese-brazil"),
          Map.entry("zh-cn", "cognito:chinese-simplified"),
          Map.entry("zh-tw", "cognito:chinese-traditional"));

  static final String DEFAULT = "cognito:default";

  private final TermsStore terms;

  TermsLinks(TermsStore terms) {
    this.terms = terms;
  }

  /** The links paragraph for the sign-up page, or "" when the client's terms are incomplete. */
  String html(String poolId, String clientId, String lang, String acceptLanguage) {
    Map<String, Terms> byName = clientTerms(poolId, clientId);
    String language = language(lang, acceptLanguage);
    String termsOfUse = link(byName.get("terms-of-use"), language);
    String privacyPolicy = link(byName.get("privacy-policy"), language);
    if (termsOfUse == null || privacyPolicy == null) {
      return "";
    }
    return "<p class=\"terms-links\">By signing up, you agree to the <a href=\""
        + Html.escape(termsOfUse)
        + "\" target=\"_blank\" rel=\"noopener noreferrer\">Terms of use</a> and the <a href=\""
        + Html.escape(privacyPolicy)
        + "\" target=\"_blank\" rel=\"noopener noreferrer\">Privacy policy</a>.</p>\n";
  }

  /** The LanguageIdType key for the request: lang first, then Accept-Language; null for none. */
  static String language(String lang, String acceptLanguage) {
    String chosen = key(lang);
    if (chosen != null || acceptLanguage == null) {
      return chosen;
    }
    for (String range : acceptLanguage.split(",")) {
      String tag = range.split(";")[0].strip();
      String found = key(tag);
      if (found == null && tag.contains("-")) {
        found = key(tag.substring(0, tag.indexOf('-')));
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String key(String tag) {
    return tag == null ? null : LANGUAGES.get(tag.strip().toLowerCase(Locale.ROOT));
  }

  /** The document's link in the language, else its default; null when neither is https. */
  static String link(Terms document, String language) {
    if (document == null) {
      return null;
    }
    String link = language == null ? null : https(document.links().get(language));
    return link != null ? link : https(document.links().get(DEFAULT));
  }

  private static String https(String link) {
    return link != null && link.startsWith("https://") ? link : null;
  }

  private Map<String, Terms> clientTerms(String poolId, String clientId) {
    Map<String, Terms> byName = new HashMap<>();
    String next = null;
    do {
      Page<Terms> page = terms.list(poolId, 60, next);
      for (Terms t : page.items()) {
        if (t.clientId().equals(clientId)) {
          byName.put(t.termsName(), t);
        }
      }
      next = page.nextToken();
    } while (next != null);
    return byName;
  }
}
