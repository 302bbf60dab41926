package dev.userpool.operations.codes;

import dev.userpool.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many codes of one purpose a user was sent in the current hour, kept on the user ({@code
 * User.extensions()["codeSends"][purpose] = {sends, windowStart}}). The user is read anyway by
 * every operation that sends a code, so the quota costs no extra read; the count is written in the
 * same batch as the code (see {@code CodeStore#save}). Users without the record start a new window.
 */
record SendWindow(int sends, Instant start) {
  static final String KEY = "codeSends";
  static final Duration LENGTH = Duration.ofHours(1);

  /**
   * The sends so far in the window that is current at {@code now} (none when it is over or never
   * began).
   */
  static SendWindow of(User user, String purpose, Instant now) {
    if (user.extensions().get(KEY) instanceof Map<?, ?> all
        && all.get(purpose) instanceof Map<?, ?> w
        && w.get("sends") instanceof Number sends
        && w.get("windowStart") instanceof Number start) {
      Instant windowStart = Instant.ofEpochMilli(start.longValue());
      if (now.isBefore(windowStart.plus(LENGTH))) {
        return new SendWindow(sends.intValue(), windowStart);
      }
    }
    return new SendWindow(0, now);
  }

  /** This window with one more send. */
  SendWindow plusOne() {
    return new SendWindow(sends + 1, start);
  }

  /** The user's extensions with this window recorded for {@code purpose}. */
  Map<String, Object> recordedOn(User user, String purpose) {
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    Map<String, Object> all = new LinkedHashMap<>();
    if (ext.get(KEY) instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> all.put(String.valueOf(k), v));
    }
    all.put(purpose, Map.of("sends", sends, "windowStart", start.toEpochMilli()));
    ext.put(KEY, all);
    return ext;
  }
}
