package dev.userpool.domain;

import java.time.Instant;

/**
 * An AuthnRequest this pool sent to a SAML identity provider and is waiting an answer for, stored
 * under the SHA-256 of its RelayState (the browser carries only the RelayState) and taken out at
 * most once before {@code expiresAt}.
 *
 * @param requestId the AuthnRequest's ID, which the Response's InResponseTo must repeat
 * @param authorizeQuery the raw query of the {@code /oauth2/authorize} request that started it
 */
public record SamlRequest(
    String poolId,
    String relayStateHash,
    String requestId,
    String providerName,
    String authorizeQuery,
    Instant expiresAt) {}
