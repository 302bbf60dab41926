package dev.userpool.store;

/**
 * The stores of the pool domain's OAuth side: domains, resource servers, authorization codes and
 * the links of external identities to users (federation) and pending SAML requests.
 */
public record OAuthStores(
    DomainStore domains,
    ResourceServerStore resourceServers,
    AuthorizationCodeStore authorizationCodes,
    FederatedLinkStore federatedLinks,
    SamlRequestStore samlRequests) {}
