package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerBytesTest {
  private static final ByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  /** The buffer's bytes as Latin-1 text (one char per byte), released. */
  private static String text(ByteBuf bytes) {
    try {
      return bytes.toString(StandardCharsets.ISO_8859_1);
    } finally {
      bytes.release();
    }
  }

  @Test
  void whenAnAnswerIsWrittenThenItIsTheStatusLineHeadersBlankLineAndBody() {
    ByteBuf bytes =
        new AnswerBytes(HEAP, 200, BODY, false, 64)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("x-amzn-RequestId", "abc")
            .header("Date", "Mon, 02 Jun 2025 10:00:00 GMT")
            .contentLength()
            .end();

    assertEquals(
        "HTTP/1.1 200 OK\r\n"
            + "Content-type: application/x-amz-json-1.1\r\n"
            + "X-amzn-requestid: abc\r\n"
            + "Date: Mon, 02 Jun 2025 10:00:00 GMT\r\n"
            + "Content-length: 2\r\n"
            + "\r\n"
            + "{}",
        text(bytes));
  }

  @Test
  void whenTheHeadersOutgrowTheRoomGivenThenTheBufferGrowsAndKeepsThemAll() {
    AnswerBytes answer = new AnswerBytes(HEAP, 400, BODY, false, 0);
    StringBuilder expected = new StringBuilder("HTTP/1.1 400 Bad Request\r\n");
    for (int i = 0; i < 200; i++) {
      answer.header("X-n" + i, "v".repeat(i));
      expected.append("X-n").append(i).append(": ").append("v".repeat(i)).append("\r\n");
    }

    assertEquals(expected + "Content-length: 2\r\n\r\n{}", text(answer.contentLength().end()));
  }

  @Test
  void whenTheRequestIsHeadThenTheAnswerHasNeitherBodyNorLength() {
    ByteBuf bytes =
        new AnswerBytes(HEAP, 404, BODY, true, 16).header("Date", "d").contentLength().end();

    assertEquals("HTTP/1.1 404 Not Found\r\nDate: d\r\n\r\n", text(bytes));
  }

  @Test
  void whenTheStatusCarriesNoBodyThenNeitherBodyNorLengthIsWritten() {
    assertEquals(
        "HTTP/1.1 100 Continue\r\n\r\n",
        text(new AnswerBytes(HEAP, 100, null, false, 0).contentLength().end()));
    assertEquals(
        "HTTP/1.1 204 No Content\r\n\r\n",
        text(new AnswerBytes(HEAP, 204, BODY, false, 0).contentLength().end()));
    assertEquals(
        "HTTP/1.1 304 Not Modified\r\n\r\n",
        text(new AnswerBytes(HEAP, 304, BODY, false, 0).contentLength().end()));
  }

  @Test
  void whenThereIsNoBodyThenTheLengthIsZero() {
    assertEquals(
        "HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-length: 0\r\n\r\n",
        text(
            new AnswerBytes(HEAP, 302, null, false, 0)
                .header("Location", "/x")
                .contentLength()
                .end()));
  }

  /** Heap buffers, the last one kept to see whether it was released. */
  private static final class WatchedHeap extends AbstractByteBufAllocator {
    ByteBuf last;

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
      last = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
      return last;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
      throw new UnsupportedOperationException("answers are written to heap buffers");
    }

    @Override
    public boolean isDirectBufferPooled() {
      return false;
    }
  }

  @Test
  void whenAValueHasALineBreakThenTheHeaderIsRefusedAndTheBufferReleased() {
    for (String value : new String[] {"a\r\nX-injected: 1", "a\nb", "a\rb", "a\u0000b", "\u007f"}) {
      WatchedHeap heap = new WatchedHeap();
      AnswerBytes answer = new AnswerBytes(heap, 200, BODY, false, 64).header("X-ok", "1");

      assertThrows(IllegalArgumentException.class, () -> answer.header("Location", value), value);
      assertEquals(0, heap.last.refCnt(), value);
    }
  }

  @Test
  void whenANameIsNotATokenThenTheHeaderIsRefused() {
    for (String name : new String[] {"", "X test", "X:y", "X\r\nY", "Caf\u00e9"}) {
      AnswerBytes answer = new AnswerBytes(HEAP, 200, BODY, false, 64);

      assertThrows(IllegalArgumentException.class, () -> answer.header(name, "v"), name);
    }
  }

  @Test
  void whenAValueStartsWithSpaceOrIsNullThenItIsRefused() {
    for (String value : new String[] {" a", "\ta", null}) {
      AnswerBytes answer = new AnswerBytes(HEAP, 200, BODY, false, 64);

      assertThrows(IllegalArgumentException.class, () -> answer.header("X-a", value));
    }
  }

  @Test
  void whenAValueHasTabsLatin1OrWiderCharactersThenLatin1GoesAsItsByteAndWiderAsQuestionMark() {
    ByteBuf bytes =
        new AnswerBytes(HEAP, 200, null, false, 0).header("X-a", "a\tb caf\u00e9 \u20ac ").end();

    assertEquals(
        "HTTP/1.1 200 OK\r\nX-a: a\tb caf\u00e9 ? \r\n\r\n", text(bytes)); // é is one byte, 0xE9
  }
}
