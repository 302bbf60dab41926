package dev.userpool.auth;

import java.util.Map;
import java.util.Optional;

/** The admin access keys a deployment accepts: access key id to secret access key. */
@FunctionalInterface
public interface AdminKeys {

  /** The secret of a known access key id; empty for an unknown one. */
  Optional<String> secretFor(String accessKeyId);

  /** A fixed set of keys (local mode's {@code --admin-key}, tests). */
  static AdminKeys of(Map<String, String> keys) {
    Map<String, String> copy = Map.copyOf(keys);
    return accessKeyId -> Optional.ofNullable(copy.get(accessKeyId));
  }
}
