package dev.userpool.domain;

import java.time.Instant;

/**
 * What a refresh token stands for. The token is an opaque random string handed to the client; only its SHA-256
 * ({@code tokenHash}, lower-case hex) is stored. {@code authTime} and {@code originJti} are those of the sign-in that
 * produced it, carried into every ID and access token it refreshes (sources §6.3).
 */
public record RefreshToken(
    String poolId,
    String tokenHash,
    String clientId,
    String sub,
    Instant authTime,
    String originJti,
    Instant issuedAt,
    Instant expiresAt) {}
