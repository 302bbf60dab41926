package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A partition's chunked slots behave as a sorted map of sort key to slot would. */
class SortedSlotsTest {
  /** Keys held as Latin-1 bytes and as Strings, compared with each other and with both kinds. */
  private static final String[] KEY_STARTS = {
    "K#", "K\u00E9#", "K\u4E2D#", "K\uD83D\uDE00#", "K\uE000"
  };

  private static Slot slot(String key) {
    return Slot.inline(key, 1, null, "{}");
  }

  @Test
  void whenManyRandomWritesThenEveryReadMatchesASortedMap() {
    Random random = new Random(12);
    SortedSlots slots = new SortedSlots();
    NavigableMap<String, Slot> expected = new TreeMap<>(EmbeddedItemTable.CODE_POINT_ORDER);
    for (int step = 0; step < 60_000; step++) {
      // few distinct keys early (replacements, removals of present keys), many later (splits)
      String key =
          KEY_STARTS[random.nextInt(KEY_STARTS.length)]
              + random.nextInt(step < 20_000 ? 300 : 5_000);
      int what = random.nextInt(10);
      if (what < 6) {
        Slot slot = slot(key);
        assertSame(expected.put(key, slot), slots.put(key, slot), key);
      } else if (what < 9) {
        assertSame(expected.remove(key), slots.remove(key), key);
      } else {
        assertSame(expected.get(key), slots.get(key), key);
      }
      if (step % 5_000 == 0) {
        assertSameOrder(expected, slots);
      }
    }
    assertSameOrder(expected, slots);
    for (int i = 0; i < 2_000; i++) {
      String from = KEY_STARTS[random.nextInt(KEY_STARTS.length)] + random.nextInt(6_000);
      boolean inclusive = random.nextBoolean();
      assertEquals(
          first(expected.tailMap(from, inclusive).values().iterator(), 20),
          first(slots.from(from, inclusive), 20),
          from + " " + inclusive);
    }
  }

  @Test
  void whenKeysArriveInOrderThenChunksFillWholeAndIterationKeepsOrder() {
    SortedSlots slots = new SortedSlots();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10 * SortedSlots.CHUNK + 3; i++) {
      String key = String.format("USER#%06d", i);
      keys.add(key);
      assertNull(slots.put(key, slot(key)));
    }
    assertEquals(keys.size(), slots.size());
    List<String> read = new ArrayList<>();
    slots.forEach(slot -> read.add(slot.key()));
    assertEquals(keys, read);
    assertEquals("USER#000000", slots.from("USER#", true).next().key());
    assertFalse(slots.from("USER#999999", true).hasNext());
    assertEquals("USER#000129", slots.from("USER#000128", false).next().key());
  }

  @Test
  void whenRemovingWhatAPredicateAcceptsThenTheRestStaysInOrderAndRemovedAreHandedOver() {
    SortedSlots slots = new SortedSlots();
    NavigableMap<String, Slot> expected = new TreeMap<>(EmbeddedItemTable.CODE_POINT_ORDER);
    for (int i = 999; i >= 0; i--) { // descending: splits in halves
      Slot slot = slot("CODE#" + i);
      slots.put(slot.key(), slot);
      expected.put(slot.key(), slot);
    }
    List<Slot> removed = new ArrayList<>();
    slots.removeIf(slot -> slot.key().endsWith("7"), removed::add);
    assertEquals(100, removed.size());
    expected.values().removeIf(slot -> slot.key().endsWith("7"));
    assertSameOrder(expected, slots);
    slots.removeIf(slot -> true, slot -> {});
    assertTrue(slots.isEmpty());
    assertFalse(slots.iterator().hasNext());
    assertNull(slots.get("CODE#1"));
  }

  @Test
  void whenKeysHoldSurrogatesThenTheOrderIsByCodePoint() {
    SortedSlots slots = new SortedSlots();
    for (String key : List.of("a\uD83D\uDE00", "a\uFFFD", "a\uE000", "a", "a\u00FF", "a\u00FFb")) {
      slots.put(key, slot(key));
    }
    List<String> read = new ArrayList<>();
    slots.forEach(slot -> read.add(slot.key()));
    assertEquals(List.of("a", "a\u00FF", "a\u00FFb", "a\uE000", "a\uFFFD", "a\uD83D\uDE00"), read);
  }

  @Test
  void whenKeysAndDataAreLatin1OrWiderThenTheyReadBackUnchanged() {
    for (String text : List.of("USER#plain", "USER#caf\u00E9", "USER#\u4E2D\uD83D\uDE00", "")) {
      Slot slot = Slot.inline(text, 1, null, "{\"v\":\"" + text + "\"}");
      assertEquals(text, slot.key());
      assertEquals("{\"v\":\"" + text + "\"}", slot.inline());
      assertEquals(0, slot.compareKeyTo(text, Slot.latin1(text)));
      assertTrue(slot.keyStartsWith(text, Slot.latin1(text)));
      assertTrue(slot.compareKeyTo(text + "a", Slot.latin1(text + "a")) < 0);
      assertFalse(slot.keyStartsWith(text + "a", Slot.latin1(text + "a")));
      assertFalse(slot.keyStartsWith(text + "\u4E2D", null));
    }
  }

  private static void assertSameOrder(NavigableMap<String, Slot> expected, SortedSlots slots) {
    assertEquals(expected.size(), slots.size());
    Iterator<Slot> actual = slots.iterator();
    for (Map.Entry<String, Slot> entry : expected.entrySet()) {
      assertSame(entry.getValue(), actual.next(), entry.getKey());
    }
    assertFalse(actual.hasNext());
  }

  private static List<Slot> first(Iterator<Slot> slots, int count) {
    List<Slot> first = new ArrayList<>();
    while (slots.hasNext() && first.size() < count) {
      first.add(slots.next());
    }
    return first;
  }
}
