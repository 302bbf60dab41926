package dev.userpool.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand check of repeated character classes answers exactly as the regular expression does, for
 * every pattern in the service model, over fixed edge cases and 20,000 random strings each (ASCII,
 * Latin-1, other planes, lone surrogates, whitespace and line ends, token-like strings up to 1,200
 * characters).
 */
class TextPatternTest {
  private static final String[] EDGES = {
    "",
    " ",
    "a",
    "A",
    "_",
    "-",
    "=",
    ".",
    "a.b",
    "\n",
    "abc\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\u0000",
    "é",
    "日本",
    "😀",
    "\ud83d",
    "\ude00",
    "x\ud83dy",
    "a b",
    "a_b",
    "{####}",
    "Your code is {####}",
    "{##Verify##}",
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
    "eyJ.eyJ.sig=",
    "arn:aws:iam::123456789012:role/x",
    "us-east-1_AbCdEf123",
    "abc$",
    "^abc"
  };
  private static final String ALPHABET =
      "aZ09-_=.+/@,:;!#$%&'()*[]{}|\\\"~`^ \t\n\r\u000b\f\u0085\u00a0\u00e9\u00df"
          + "\u2028\u2029\u3000\u65e5\u0301\u200b";

  @Test
  void handCheckAgreesWithTheRegularExpressionForEveryModelPattern() throws Exception {
    Random random = new Random(12);
    int handChecked = 0;
    for (String text : modelPatterns()) {
      TextPattern pattern = TextPattern.compile(text);
      Pattern regex = Pattern.compile(text);
      handChecked += pattern.isHandChecked() ? 1 : 0;
      List<String> samples = new ArrayList<>(List.of(EDGES));
      for (int i = 0; i < 20_000; i++) {
        samples.add(randomString(random));
      }
      for (String sample : samples) {
        assertEquals(
            regex.matcher(sample).matches(),
            pattern.matches(sample),
            () -> "pattern " + text + " on " + escape(sample));
      }
    }
    assertTrue(handChecked >= 15, "most model patterns are repeated classes: " + handChecked);
  }

  @Test
  void theAccessTokenPatternIsHandChecked() {
    TextPattern token = TextPattern.compile("[A-Za-z0-9-_=.]+");
    assertTrue(token.isHandChecked());
    assertTrue(token.matches("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln-_bmF0dXJl="));
    assertFalse(token.matches("eyJ.eyJ.sig+"));
    assertFalse(token.matches(""));
  }

  private static TreeSet<String> modelPatterns() throws Exception {
    TreeSet<String> patterns = new TreeSet<>();
    try (InputStream in =
        TextPatternTest.class.getResourceAsStream(
            "/dev/userpool/validation/cognito-idp-constraints.json")) {
      JsonNode shapes =
          Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("shapes");
      shapes.forEach(
          s -> {
            if (s.has("pattern")) {
              patterns.add(s.get("pattern").asText());
            }
          });
    }
    assertTrue(patterns.size() > 20, "patterns found: " + patterns.size());
    return patterns;
  }

  private static String randomString(Random random) {
    int kind = random.nextInt(5);
    int length = random.nextInt(kind == 4 ? 1200 : 12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (kind) {
        case 0 -> b.append((char) random.nextInt(128));
        case 1 -> b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> b.append((char) random.nextInt(0x3000));
        case 3 ->
            b.appendCodePoint(
                random.nextInt(5) == 0 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10FFFF));
        default -> b.append("ABCxyz0189-_=.".charAt(random.nextInt(14)));
      }
    }
    if (kind == 4 && random.nextInt(10) == 0 && b.length() > 0) {
      b.setCharAt(random.nextInt(b.length()), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(cp -> b.append(cp < 32 || cp > 126 ? String.format("\\u{%x}", cp) : (char) cp));
    return b.toString();
  }
}
