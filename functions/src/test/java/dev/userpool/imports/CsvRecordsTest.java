package dev.userpool.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  @Test
  void whenFieldsAreQuotedThenCommasQuotesAndLineBreaksStayInTheField() throws IOException {
    CsvRecords records =
        new CsvRecords(
            new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n\nlast,\n"), 100);

    assertEquals(List.of("a", "b"), records.next().fields());
    CsvRecords.Record second = records.next();
    assertEquals(List.of("x, y", "say \"hi\"\nthere"), second.fields());
    assertEquals(2, second.line());
    CsvRecords.Record third = records.next();
    assertEquals(List.of("last", ""), third.fields());
    assertEquals(5, third.line()); // the blank line 4 is skipped
    assertNull(records.next());
  }

  @Test
  void whenRowIsTooLongThenItIsReportedOversizedAndTheNextRowIsReadWhole() throws IOException {
    CsvRecords records = new CsvRecords(new StringReader("x".repeat(50) + ",y\nshort,row"), 20);

    CsvRecords.Record big = records.next();
    assertTrue(big.oversized());
    assertEquals(List.of(), big.fields());
    assertEquals(List.of("short", "row"), records.next().fields());
    assertNull(records.next());
  }

  @Test
  void whenQuoteNeverClosesThenTheFileIsMalformed() {
    CsvRecords records = new CsvRecords(new StringReader("a,\"open\nb,c\n"), 100);

    assertThrows(CsvRecords.UnterminatedQuoteException.class, records::next);
  }
}
