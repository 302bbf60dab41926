package dev.userpool.store.transfer;

import dev.userpool.protocol.Json;
import dev.userpool.store.table.FullScan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes every live item of a store as {@link ExportFormat} lines, streaming: memory does not grow
 * with the store.
 */
public final class StoreExport {
  private StoreExport() {}

  /**
   * Writes the whole export to {@code out} (not closed) and answers the number of items written.
   */
  public static long export(FullScan source, OutputStream out, Instant now) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writeLine(writer, Json.write(ExportFormat.header(now)));
    long[] count = {0};
    try {
      source.forEachLiveItem(
          item -> {
            try {
              writeLine(writer, Json.write(ExportFormat.line(item)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            count[0]++;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writeLine(writer, Json.write(ExportFormat.trailer(count[0])));
    writer.flush();
    return count[0];
  }

  private static void writeLine(Writer writer, String line) throws IOException {
    writer.write(line);
    writer.write('\n');
  }
}
