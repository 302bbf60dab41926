package dev.userpool.store;

/**
 * The stores of the pool domain's OAuth side: domains, resource servers, authorization codes and
 * pending SAML requests.
 */
public record OAuthStores(
    DomainStore domains,
    ResourceServerStore resourceServers,
    AuthorizationCodeStore authorizationCodes,
    SamlRequestStore samlRequests) {}
