package dev.userpool.authevents;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether an address lies in a CIDR block (IPv4 or IPv6). Only literals are parsed: {@link
 * InetAddress#getByName} makes no lookup for them, and anything else is "not in the range".
 */
final class IpRange {
  private IpRange() {}

  static boolean contains(String cidr, String address) {
    if (address == null || address.isBlank() || !looksLiteral(address)) {
      return false;
    }
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      byte[] ip = InetAddress.getByName(address).getAddress();
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      if (network.length != ip.length || bits < 0 || bits > network.length * 8) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((network[i / 8] & mask) != (ip[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * An IPv4 literal (digits and dots) or an IPv6 literal (with a colon; hex digits, colons, dots):
   * never a host name that would be resolved.
   */
  private static boolean looksLiteral(String address) {
    boolean v6 = address.indexOf(':') >= 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!((c >= '0' && c <= '9') || c == '.' || v6 && (c == ':' || hex))) {
        return false;
      }
    }
    return true;
  }
}
