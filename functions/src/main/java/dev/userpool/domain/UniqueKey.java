package dev.userpool.domain;

/**
 * A value that at most one user of a pool may hold: the (normalised) username, or an email, phone
 * number or preferred_username when the pool uses it as an alias or as the username.
 */
public record UniqueKey(Kind kind, String value) {
  public enum Kind {
    USERNAME,
    EMAIL,
    PHONE_NUMBER,
    PREFERRED_USERNAME
  }
}
