package dev.userpool.domain;

import java.time.Instant;

/**
 * How a password is kept: only the SRP salt and verifier (hex), computed with the user's SRP user
 * id and the pool's SRP name (sources §7.4). The password itself is never stored. {@code
 * temporaryUntil} is set for temporary passwords (FORCE_CHANGE_PASSWORD) and says until when they
 * may be used.
 */
public record PasswordVerifier(
    String saltHex, String verifierHex, Instant setAt, Instant temporaryUntil) {}
