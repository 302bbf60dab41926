package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void requestIdsAreDistinctVersion4UuidsInTheCanonicalForm() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.next();
      UUID uuid = UUID.fromString(id);
      assertEquals(id, uuid.toString());
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }
}
