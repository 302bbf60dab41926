package dev.userpool.local;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per request: {@code <UTC time> <operation or METHOD /path> <status> [<__type>] <ms>ms
 * <request id>}. Built with one StringBuilder and written with one println (the stream's own lock
 * is the only one taken); the date part is formatted once per second, not per line.
 */
final class RequestLog {
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private volatile Second second = new Second(Long.MIN_VALUE, "");

  private record Second(long epochSecond, String text) {}

  /** A log writing to {@code out}, or writing nothing when {@code out} is null. */
  RequestLog(PrintStream out) {
    this.out = out;
  }

  boolean enabled() {
    return out != null;
  }

  /**
   * @param what the operation name, or {@code METHOD /path} for the server's own endpoints
   * @param errorType the {@code x-amzn-ErrorType} header of a failed call ({@code Name:}), or null
   */
  void log(String what, int status, String errorType, long millis, String requestId) {
    if (out == null) {
      return;
    }
    long now = System.currentTimeMillis();
    StringBuilder line = new StringBuilder(96);
    appendTime(line, now);
    line.append(' ').append(what).append(' ').append(status);
    if (errorType != null && !errorType.isEmpty()) {
      int colon = errorType.indexOf(':');
      line.append(' ').append(errorType, 0, colon < 0 ? errorType.length() : colon);
    }
    line.append(' ').append(millis).append("ms ").append(requestId);
    out.println(line);
  }

  private void appendTime(StringBuilder line, long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000L);
    Second s = second;
    if (s.epochSecond() != epochSecond) {
      s = new Second(epochSecond, SECOND.format(Instant.ofEpochSecond(epochSecond)));
      second = s;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    line.append(s.text()).append('.');
    if (millis < 100) {
      line.append('0');
    }
    if (millis < 10) {
      line.append('0');
    }
    line.append(millis).append('Z');
  }
}
