package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The embedded table's key order is DynamoDB's: that of the keys' code points. */
class CodePointOrderTest {
  /** The order by definition: code point by code point, a lone surrogate standing for itself. */
  private static int byCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return Arrays.compare(x, y);
  }

  @Test
  void whenKeysHoldSurrogatesThenTheyStillSortByCodePoint() {
    String supplementary = "\uD83D\uDE00"; // U+1F600, above every unit of the BMP
    String privateUse = "\uE000";
    assertTrue(
        EmbeddedItemTable.compareCodePoints("USER#" + privateUse, "USER#" + supplementary) < 0);
    assertTrue(EmbeddedItemTable.compareCodePoints("USER#" + supplementary, "USER#\uFFFD") > 0);
    assertTrue(EmbeddedItemTable.compareCodePoints("a" + supplementary, "a\uD83D\uDE01") < 0);
    assertEquals(0, EmbeddedItemTable.compareCodePoints("USER#alice", "USER#alice"));
    assertTrue(EmbeddedItemTable.compareCodePoints("USER#al", "USER#alice") < 0);
  }

  @Test
  void whenStringsAreValidUtf16ThenTheOrderIsThatOfTheirUtf8Bytes() {
    String[] keys = {
      "USER#b", "USER#\uE000", "USER#\uD83D\uDE00", "USER#\uFFFD", "USER#a", "USER#"
    };
    for (String a : keys) {
      for (String b : keys) {
        int bytes =
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertEquals(
            Integer.signum(bytes),
            Integer.signum(EmbeddedItemTable.compareCodePoints(a, b)),
            a + b);
      }
    }
  }

  @Test
  void whenStringsAreRandomThenTheOrderIsThatOfTheirCodePoints() {
    char[] alphabet = {'a', 'b', '#', '\uD83D', '\uDE00', '\uDE01', '\uE000', '\uFFFD', '\uD800'};
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      String a = random(random, alphabet);
      String b = random.nextInt(4) == 0 ? a + random(random, alphabet) : random(random, alphabet);
      assertEquals(
          Integer.signum(byCodePoints(a, b)),
          Integer.signum(EmbeddedItemTable.compareCodePoints(a, b)),
          () ->
              a.chars().mapToObj(Integer::toHexString).toList()
                  + " vs "
                  + b.chars().mapToObj(Integer::toHexString).toList());
    }
  }

  private static String random(Random random, char[] alphabet) {
    char[] text = new char[random.nextInt(6)];
    for (int i = 0; i < text.length; i++) {
      text[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(text);
  }
}
