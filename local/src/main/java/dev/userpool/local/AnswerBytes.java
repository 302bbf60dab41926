package dev.userpool.local;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One HTTP/1.1 answer as the bytes that go on the wire, in one heap buffer: the status line, each
 * header as {@code Name: value}, a blank line, then the body. The server writes these itself rather
 * than through Netty's response objects and encoder, which validated and hashed every header into a
 * map, then copied it out again: a measurable share of a small request's CPU.
 *
 * <p>Header names are spelled as the JDK server spelled them ({@link HttpConnection#headerName}:
 * first letter upper case, the rest lower case). As Netty's headers did, a name that is not a token
 * and a value with a control character (one that could end the line and start another header or
 * answer) are refused; a character beyond Latin-1 goes out as {@code ?}, as Netty's encoder wrote
 * it.
 *
 * <pre>
 * ByteBuf bytes = new AnswerBytes(alloc, 200, body, false, 64)
 *     .header("Content-Type", "application/json").contentLength().end();
 * </pre>
 */
final class AnswerBytes {
  /** Status lines by code, each made once, on first use. */
  private static final AtomicReferenceArray<byte[]> STATUS_LINES = new AtomicReferenceArray<>(1000);

  /** RFC 9110's token characters: what a header name may be made of. */
  private static final boolean[] TOKEN = new boolean[128];

  static {
    String token = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < token.length(); i++) {
      TOKEN[token.charAt(i)] = true;
    }
  }

  private static final byte[] NO_BYTES = new byte[0];

  private final ByteBuf bytes;

  /** The body to send, or null when the answer carries none (nor a Content-length). */
  private final byte[] body;

  /**
   * Starts an answer with {@code status}'s line, in a heap buffer from {@code allocator} with room
   * for the body and {@code headerRoom} bytes of headers (it grows if they take more). An answer to
   * HEAD, and a 1xx, 204 or 304 answer, carries no body and no Content-length; a null {@code body}
   * is an empty one.
   *
   * @throws IllegalArgumentException if {@code status} is negative
   */
  AnswerBytes(ByteBufAllocator allocator, int status, byte[] body, boolean head, int headerRoom) {
    byte[] line = statusLine(status);
    boolean bodyless = head || status < 200 || status == 204 || status == 304;
    this.body = bodyless ? null : body == null ? NO_BYTES : body;
    int bodyLength = this.body == null ? 0 : this.body.length;
    bytes = allocator.heapBuffer(line.length + headerRoom + 2 + bodyLength);
    bytes.writeBytes(line);
  }

  /**
   * Adds the header {@code name: value}.
   *
   * @throws IllegalArgumentException if the name is empty or not a token, or the value is null,
   *     starts with a space or has a control character other than a tab; the buffer is then
   *     released, as the answer is not to be sent
   */
  AnswerBytes header(String name, String value) {
    if (name.isEmpty() || value == null) {
      throw refused("a header has no name or no value");
    }
    int nameLength = name.length();
    int valueLength = value.length();
    // Written straight into the buffer's array: a heap buffer has one, and writing byte by byte
    // through the buffer would check its bounds at every character.
    bytes.ensureWritable(nameLength + valueLength + 4);
    byte[] to = bytes.array();
    int at = bytes.arrayOffset() + bytes.writerIndex();
    for (int i = 0; i < nameLength; i++) {
      char c = name.charAt(i);
      if (c >= TOKEN.length || !TOKEN[c]) {
        throw refused("a header name has a character that is not a token's at " + i);
      }
      boolean flip = i == 0 ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z';
      to[at++] = (byte) (flip ? c ^ 0x20 : c);
    }
    to[at++] = ':';
    to[at++] = ' ';
    for (int i = 0; i < valueLength; i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7F || (i == 0 && (c == ' ' || c == '\t'))) {
        // name is a token by now, safe to show; the value may hold a secret (a cookie)
        throw refused("header " + name + " has a control character or leading space at " + i);
      }
      to[at++] = (byte) (c > 0xFF ? '?' : c);
    }
    to[at++] = '\r';
    to[at++] = '\n';
    bytes.writerIndex(at - bytes.arrayOffset());
    return this;
  }

  /** Adds {@code Content-length}, unless the answer carries no body. */
  AnswerBytes contentLength() {
    return body == null ? this : header("Content-length", Integer.toString(body.length));
  }

  /** Ends the headers and adds the body: the whole answer, for the channel to write and release. */
  ByteBuf end() {
    bytes.writeByte('\r').writeByte('\n');
    if (body != null) {
      bytes.writeBytes(body);
    }
    return bytes;
  }

  private IllegalArgumentException refused(String why) {
    bytes.release();
    return new IllegalArgumentException(why);
  }

  /** {@code HTTP/1.1 <code> <reason>\r\n}, with the reason phrase Netty gives the code. */
  private static byte[] statusLine(int status) {
    boolean cached = status >= 0 && status < STATUS_LINES.length();
    byte[] line = cached ? STATUS_LINES.get(status) : null;
    if (line == null) {
      String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
      line = ("HTTP/1.1 " + status + " " + reason + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      if (cached) {
        STATUS_LINES.set(status, line); // two threads may both make it: the same bytes
      }
    }
    return line;
  }
}
