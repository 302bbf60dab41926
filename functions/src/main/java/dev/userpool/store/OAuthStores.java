package dev.userpool.store;

/**
 * The stores of the pool domain's OAuth side: domains, resource servers and authorization codes.
 */
public record OAuthStores(
    DomainStore domains,
    ResourceServerStore resourceServers,
    AuthorizationCodeStore authorizationCodes) {}
