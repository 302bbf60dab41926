package dev.userpool.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user of a pool. {@code username} is the internal username (for pools with UsernameAttributes it
 * equals the sub); {@code attributes} holds every attribute value by its full name (sub, email,
 * custom:x, …) in insertion order. {@code password} is null for users without a password (e.g. not
 * yet set). {@code extensions} carries state owned by later features (MFA settings, lockout
 * counters) as a JSON-like tree so that adding a feature never changes the stored format of the
 * fields here.
 */
public record User(
    String userPoolId,
    String username,
    String sub,
    Map<String, String> attributes,
    boolean enabled,
    UserStatus status,
    Instant creationDate,
    Instant lastModifiedDate,
    PasswordVerifier password,
    Map<String, Object> extensions,
    long version) {

  public User {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    extensions =
        extensions == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public String attribute(String name) {
    return attributes.get(name);
  }

  public User withAttributes(Map<String, String> newAttributes, Instant modified) {
    return new User(
        userPoolId,
        username,
        sub,
        newAttributes,
        enabled,
        status,
        creationDate,
        modified,
        password,
        extensions,
        version);
  }

  public User withEnabled(boolean newEnabled, Instant modified) {
    return new User(
        userPoolId,
        username,
        sub,
        attributes,
        newEnabled,
        status,
        creationDate,
        modified,
        password,
        extensions,
        version);
  }

  public User withStatus(UserStatus newStatus, Instant modified) {
    return new User(
        userPoolId,
        username,
        sub,
        attributes,
        enabled,
        newStatus,
        creationDate,
        modified,
        password,
        extensions,
        version);
  }

  public User withPassword(PasswordVerifier newPassword, UserStatus newStatus, Instant modified) {
    return new User(
        userPoolId,
        username,
        sub,
        attributes,
        enabled,
        newStatus,
        creationDate,
        modified,
        newPassword,
        extensions,
        version);
  }

  public User withExtensions(Map<String, Object> newExtensions, Instant modified) {
    return new User(
        userPoolId,
        username,
        sub,
        attributes,
        enabled,
        status,
        creationDate,
        modified,
        password,
        newExtensions,
        version);
  }
}
