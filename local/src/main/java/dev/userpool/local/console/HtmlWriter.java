package dev.userpool.local.console;

/**
 * Builds an HTML document in which every piece of text and every attribute value passes through
 * {@link #escape}: callers give tag names (constants of this package) and values, never markup.
 * Pool names, attribute values, message bodies and codes all come from API callers, so none of them
 * may reach the page unescaped.
 */
final class HtmlWriter {
  private final StringBuilder out = new StringBuilder(8192);

  /** Escapes the five characters that can end a text node or a quoted attribute value. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Markup written by this package itself (the doctype, the style sheet): never caller data. */
  HtmlWriter markup(String trustedMarkup) {
    out.append(trustedMarkup);
    return this;
  }

  HtmlWriter open(String tag) {
    out.append('<').append(tag).append('>');
    return this;
  }

  /** {@code <tag attribute="value">} with the value escaped. */
  HtmlWriter open(String tag, String attribute, String value) {
    out.append('<')
        .append(tag)
        .append(' ')
        .append(attribute)
        .append("=\"")
        .append(escape(value))
        .append("\">");
    return this;
  }

  HtmlWriter close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  HtmlWriter text(String value) {
    out.append(escape(value));
    return this;
  }

  /** {@code <tag>text</tag>} with the text escaped. */
  HtmlWriter element(String tag, String text) {
    return open(tag).text(text).close(tag);
  }

  /** {@code <tag attribute="value">text</tag>}, both escaped. */
  HtmlWriter element(String tag, String attribute, String value, String text) {
    return open(tag, attribute, value).text(text).close(tag);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
