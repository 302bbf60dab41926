package dev.userpool.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-model pattern, matched against a whole member value. Most model patterns are one
 * character class repeated ({@code [A-Za-z0-9-_=.]+}, {@code [\S]+}, {@code [\p{L}…]*}); those are
 * checked by a loop over the value's code points with a table for ASCII, built by asking the class
 * itself about each of the 128 characters, and the class's own regular expression for other code
 * points. Running the whole regular expression over a ~1 KB access token on every request cost 8%
 * of GetUser's CPU. Other patterns keep the regular expression. TextPatternTest checks both ways
 * agree over many strings for every pattern in the model.
 */
public final class TextPattern {
  /** {@code ^?[class]+$?} or with {@code *}: a class without nested brackets, repeated. */
  private static final Pattern REPEATED_CLASS =
      Pattern.compile("\\^?(\\[(?:\\\\.|[^\\[\\]\\\\])*\\])([+*])\\$?");

  private final String text;
  private final Pattern regex;

  /** For a repeated class: which ASCII characters it holds; null for other patterns. */
  private final boolean[] ascii;

  private final Pattern oneCodePoint;
  private final boolean emptyMatches;

  private TextPattern(
      String text, Pattern regex, boolean[] ascii, Pattern oneCodePoint, boolean emptyMatches) {
    this.text = text;
    this.regex = regex;
    this.ascii = ascii;
    this.oneCodePoint = oneCodePoint;
    this.emptyMatches = emptyMatches;
  }

  public static TextPattern compile(String text) {
    Pattern regex = Pattern.compile(text);
    Matcher m = REPEATED_CLASS.matcher(text);
    if (!m.matches()) {
      return new TextPattern(text, regex, null, null, false);
    }
    Pattern oneCodePoint = Pattern.compile(m.group(1));
    boolean[] ascii = new boolean[128];
    for (char c = 0; c < 128; c++) {
      ascii[c] = oneCodePoint.matcher(String.valueOf(c)).matches();
    }
    return new TextPattern(text, regex, ascii, oneCodePoint, m.group(2).equals("*"));
  }

  /**
   * Whether the whole of {@code value} matches, exactly as {@code Pattern.matches(text, value)}.
   */
  public boolean matches(String value) {
    if (ascii == null) {
      return regex.matcher(value).matches();
    }
    int n = value.length();
    if (n == 0) {
      return emptyMatches;
    }
    for (int i = 0; i < n; ) {
      char c = value.charAt(i);
      if (c < 128) {
        if (!ascii[c]) {
          return false;
        }
        i++;
      } else {
        int codePoint = value.codePointAt(i);
        int width = Character.charCount(codePoint);
        if (!oneCodePoint.matcher(value.substring(i, i + width)).matches()) {
          return false;
        }
        i += width;
      }
    }
    return true;
  }

  /** True when {@link #matches} runs no regular expression over ASCII text. */
  boolean isHandChecked() {
    return ascii != null;
  }

  @Override
  public String toString() {
    return text;
  }
}
