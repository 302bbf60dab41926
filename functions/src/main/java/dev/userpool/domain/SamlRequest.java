package dev.userpool.domain;

import java.time.Instant;

/**
 * An AuthnRequest this pool sent to a SAML identity provider and is waiting an answer for, stored
 * under the SHA-256 of its RelayState (the browser carries only the RelayState) and taken out at
 * most once before {@code expiresAt}.
 *
 * @param requestId the AuthnRequest's ID, which the Response's InResponseTo must repeat
 * @param authorization the checked {@code /oauth2/authorize} request that started it, sealed (as
 *     the federation state seals it), so the table holds nothing a reader could alter usefully
 */
public record SamlRequest(
    String poolId,
    String relayStateHash,
    String requestId,
    String providerName,
    String authorization,
    Instant expiresAt) {}
