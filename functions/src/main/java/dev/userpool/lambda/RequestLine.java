package dev.userpool.lambda;

import java.io.PrintStream;

/**
 * The function's one log line per request, printed to standard output: the Lambda runtime sends
 * each line to CloudWatch Logs with its own timestamp and request id, so the line needs neither.
 * Not java.util.logging: its first record costs about 60 ms of CPU (LogManager set-up, formatter,
 * date formatting) in every cold start, and it splits a record over two log events.
 */
final class RequestLine {
  private final PrintStream out;

  RequestLine(PrintStream out) {
    this.out = out;
  }

  /** {@code what} (an operation or {@code METHOD /path}), status, milliseconds, request id. */
  void log(String what, int status, long startedNanos, String requestId) {
    StringBuilder line = new StringBuilder(96);
    line.append(what).append(' ').append(status).append(' ');
    line.append((System.nanoTime() - startedNanos) / 1_000_000).append("ms");
    if (requestId != null) {
      line.append(' ').append(requestId);
    }
    out.println(line);
  }
}
