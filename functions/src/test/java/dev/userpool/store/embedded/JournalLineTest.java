package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalLineTest {
  private static final List<String> TEXTS =
      List.of(
          "",
          "plain ascii",
          "{\"json\":\"in json\",\"path\":\"C:\\\\dir\\\\file\"}",
          "new\nline, tab\t, return\r, backspace\b, form feed\f, slash /",
          "control \u0000 \u0001 \u001f and line separator \u2028",
          "Zoë 漢字 😀 at the end 😀");

  @Test
  void whenATextIsWrittenAsALiteralThenReadingTheLiteralGivesItBack() {
    for (String text : TEXTS) {
      assertEquals(text, JournalLine.text(JournalLine.literal(text)), text);
    }
  }

  @Test
  void whenLiteralsAreReadFromInsideALargerBufferThenOnlyTheirBytesCount() {
    for (String text : TEXTS) {
      byte[] literal = JournalLine.literal(text);
      byte[] buffer = new byte[literal.length + 20];
      System.arraycopy(literal, 0, buffer, 7, literal.length);
      assertEquals(text, JournalLine.text(buffer, 7, literal.length), text);
    }
  }

  @Test
  void whenALiteralEscapesSurrogatesAsOlderLinesDidThenTheCharacterIsBack() {
    byte[] older = "\"smile \\uD83D\\uDE00 \\\"quoted\\\"\"".getBytes(StandardCharsets.US_ASCII);

    assertEquals("smile 😀 \"quoted\"", JournalLine.text(older));
  }
}
