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

  /**
   * Compiled on the first match, not when the model loads: the model holds a few hundred patterns
   * and a request checks a handful, so compiling them all was a visible share of a cold start.
   * Compiling twice in a race is harmless (same result, immutable).
   */
  private volatile Compiled compiled;

  private TextPattern(String text) {
    this.text = text;
  }

  /** The pattern of {@code text}; the regular expression is compiled on first use. */
  public static TextPattern compile(String text) {
    return new TextPattern(text);
  }

  /**
   * Whether the whole of {@code value} matches, exactly as {@code Pattern.matches(text, value)}.
   */
  public boolean matches(String value) {
    return compiled().matches(value);
  }

  /** True when {@link #matches} runs no regular expression over ASCII text. */
  boolean isHandChecked() {
    return compiled().ascii != null;
  }

  private Compiled compiled() {
    Compiled c = compiled;
    if (c == null) {
      c = Compiled.of(text);
      compiled = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return text;
  }

  /** The regular expression and, for a repeated class, its ASCII table. */
  private static final class Compiled {
    private final Pattern regex;

    /** For a repeated class: which ASCII characters it holds; null for other patterns. */
    private final boolean[] ascii;

    private final Pattern oneCodePoint;
    private final boolean emptyMatches;

    private Compiled(Pattern regex, boolean[] ascii, Pattern oneCodePoint, boolean emptyMatches) {
      this.regex = regex;
      this.ascii = ascii;
      this.oneCodePoint = oneCodePoint;
      this.emptyMatches = emptyMatches;
    }

    static Compiled of(String text) {
      Pattern regex = Pattern.compile(text);
      Matcher m = REPEATED_CLASS.matcher(text);
      if (!m.matches()) {
        return new Compiled(regex, null, null, false);
      }
      Pattern oneCodePoint = Pattern.compile(m.group(1));
      boolean[] ascii = new boolean[128];
      for (char c = 0; c < 128; c++) {
        ascii[c] = oneCodePoint.matcher(String.valueOf(c)).matches();
      }
      return new Compiled(regex, ascii, oneCodePoint, m.group(2).equals("*"));
    }

    boolean matches(String value) {
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
  }
}
