package dev.userpool.oauth;

/**
 * One hosted form, written with the classic hosted UI's customizable classes; every value is
 * escaped. The CSRF field comes first.
 */
final class FormHtml {
  private final StringBuilder out = new StringBuilder(512);

  FormHtml(String action, String csrf) {
    out.append("<form method=\"post\"");
    if (action != null) {
      out.append(" action=\"").append(Html.escape(action)).append('"');
    }
    out.append(">\n");
    hidden(Csrf.FIELD, csrf);
  }

  FormHtml hidden(String name, String value) {
    if (value != null) {
      out.append("<input type=\"hidden\" name=\"")
          .append(Html.escape(name))
          .append("\" value=\"")
          .append(Html.escape(value))
          .append("\">\n");
    }
    return this;
  }

  /** A labelled input; {@code type} text, password, email…; {@code value} may be null. */
  FormHtml field(String label, String name, String type, String autocomplete, String value) {
    String id = name.replaceAll("[^A-Za-z0-9_-]", "_");
    out.append("<label class=\"label-customizable\" for=\"")
        .append(id)
        .append("\">")
        .append(Html.escape(label))
        .append("</label>\n<input class=\"inputField-customizable\" id=\"")
        .append(id)
        .append("\" name=\"")
        .append(Html.escape(name))
        .append("\" type=\"")
        .append(type)
        .append('"');
    if (autocomplete != null) {
      out.append(" autocomplete=\"").append(autocomplete).append('"');
    }
    if (value != null) {
      out.append(" value=\"").append(Html.escape(value)).append('"');
    }
    out.append(" required>\n");
    return this;
  }

  /** A radio choice (SELECT_MFA_TYPE). */
  FormHtml radio(String name, String value, String label, boolean checked) {
    out.append("<label class=\"label-customizable\"><input type=\"radio\" name=\"")
        .append(Html.escape(name))
        .append("\" value=\"")
        .append(Html.escape(value))
        .append('"')
        .append(checked ? " checked" : "")
        .append("> ")
        .append(Html.escape(label))
        .append("</label>\n");
    return this;
  }

  /** Escaped text inside the form. */
  FormHtml text(String text) {
    out.append("<p class=\"textDescription-customizable\">")
        .append(Html.escape(text))
        .append("</p>\n");
    return this;
  }

  FormHtml submit(String name, String text) {
    out.append(
            "<button class=\"btn btn-primary submitButton-customizable\" type=\"submit\" name=\"")
        .append(Html.escape(name))
        .append("\">")
        .append(Html.escape(text))
        .append("</button>\n");
    return this;
  }

  String html() {
    return out + "</form>\n";
  }

  /** An error paragraph (role alert), or nothing. */
  static String error(String message) {
    return message == null
        ? ""
        : "<p class=\"errorMessage-customizable\" role=\"alert\">"
            + Html.escape(message)
            + "</p>\n";
  }

  /** A paragraph of escaped text. */
  static String paragraph(String text) {
    return "<p class=\"textDescription-customizable\">" + Html.escape(text) + "</p>\n";
  }

  /** A link to another hosted page. */
  static String link(String href, String text) {
    return "<p><a class=\"textDescription-customizable\" href=\""
        + Html.escape(href)
        + "\">"
        + Html.escape(text)
        + "</a></p>\n";
  }
}
