package dev.userpool.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: commas, double-quoted fields with {@code ""} escapes, CRLF or LF
 * line ends) one at a time from a stream, so a file of any size is read in constant memory. A
 * record longer than {@code maxChars} is skipped to its end and reported as {@link
 * Record#oversized()} instead of being held.
 */
final class CsvRecords {
  /** One record: its fields, or oversized (fields empty), and the line it started on. */
  record Record(List<String> fields, boolean oversized, long line) {}

  /** The stream ended inside a quoted field. */
  static final class UnterminatedQuoteException extends IOException {
    UnterminatedQuoteException(long line) {
      super("a quoted field starting on line " + line + " is never closed");
    }
  }

  private final Reader in;
  private final int maxChars;
  private long line = 1;
  private int pushedBack = -2;

  CsvRecords(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next record, or null at the end of the stream. Blank lines are skipped. */
  Record next() throws IOException {
    while (true) {
      long start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int chars = 0;
      boolean oversized = false;
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = read()) != -1) {
        any = true;
        if (++chars > maxChars) {
          oversized = true;
        }
        if (quoted) {
          if (c == '"') {
            int after = read();
            if (after == '"') {
              append(field, '"', oversized);
            } else {
              quoted = false;
              unread(after);
            }
          } else {
            if (c == '\n') {
              line++;
            }
            append(field, (char) c, oversized);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(oversized ? "" : field.toString());
          field.setLength(0);
        } else if (c == '\r') {
          int after = read();
          if (after != '\n') {
            unread(after);
          }
          line++;
          break;
        } else if (c == '\n') {
          line++;
          break;
        } else {
          append(field, (char) c, oversized);
        }
      }
      if (quoted) {
        throw new UnterminatedQuoteException(start);
      }
      if (!any) {
        return null;
      }
      fields.add(oversized ? "" : field.toString());
      if (!oversized && fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      return new Record(oversized ? List.of() : fields, oversized, start);
    }
  }

  private static void append(StringBuilder field, char c, boolean oversized) {
    if (!oversized) {
      field.append(c);
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
