package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {
  @Test
  void whenSameTextThenEqual() {
    assertTrue(ConstantTime.equals("123456", "123456"));
    assertTrue(ConstantTime.equals("", ""));
    assertTrue(ConstantTime.equals("päss€", "päss€"));
  }

  @Test
  void whenTextDiffersThenNotEqual() {
    assertFalse(ConstantTime.equals("123456", "123457"));
    assertFalse(ConstantTime.equals("123456", "12345"));
    assertFalse(ConstantTime.equals("abc", "ABC"));
  }

  @Test
  void whenEitherIsNullThenNotEqual() {
    assertFalse(ConstantTime.equals(null, "a"));
    assertFalse(ConstantTime.equals("a", null));
    assertFalse(ConstantTime.equals(null, null));
  }
}
