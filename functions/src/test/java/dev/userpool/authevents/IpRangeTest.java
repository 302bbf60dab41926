package dev.userpool.authevents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangeTest {
  @Test
  void whenAnIpv4AddressIsInsideTheBlockThenItMatchesAndOutsideItDoesNot() {
    assertTrue(IpRange.contains("203.0.113.0/24", "203.0.113.255"));
    assertTrue(IpRange.contains("10.0.0.0/8", "10.200.3.4"));
    assertTrue(IpRange.contains("192.0.2.7/32", "192.0.2.7"));
    assertTrue(IpRange.contains("0.0.0.0/0", "198.51.100.1"));
    assertFalse(IpRange.contains("203.0.113.0/24", "203.0.114.1"));
    assertFalse(IpRange.contains("192.0.2.7/32", "192.0.2.8"));
    assertTrue(IpRange.contains("203.0.113.128/25", "203.0.113.200"));
    assertFalse(IpRange.contains("203.0.113.128/25", "203.0.113.100"));
  }

  @Test
  void whenIpv6ThenPrefixesCompareBitByBitAndFamiliesNeverMix() {
    assertTrue(IpRange.contains("2001:db8::/32", "2001:db8:1234::1"));
    assertFalse(IpRange.contains("2001:db8::/32", "2001:db9::1"));
    assertFalse(IpRange.contains("2001:db8::/32", "192.0.2.1"));
    assertFalse(IpRange.contains("192.0.2.0/24", "2001:db8::1"));
  }

  @Test
  void whenTheAddressIsMissingOrNotALiteralThenNothingMatchesAndNothingIsResolved() {
    assertFalse(IpRange.contains("0.0.0.0/0", null));
    assertFalse(IpRange.contains("0.0.0.0/0", ""));
    assertFalse(IpRange.contains("0.0.0.0/0", "localhost"));
    assertFalse(IpRange.contains("0.0.0.0/0", "example.com"));
    assertFalse(IpRange.contains("0.0.0.0/0", "dead.beef"));
    assertFalse(IpRange.contains("not-a-cidr", "192.0.2.1"));
    assertFalse(IpRange.contains("192.0.2.0/33", "192.0.2.1"));
  }
}
