package dev.userpool.domain;

import java.time.Instant;

/**
 * An external identity (a provider's subject) that signs in as an existing user of the pool, set by
 * AdminLinkProviderForUser: federated sign-in with {@code providerName}/{@code subject} lands on
 * the user {@code sub} instead of creating {@code <providerName>_<subject>}.
 */
public record FederatedLink(
    String userPoolId, String providerName, String subject, String sub, Instant created) {}
