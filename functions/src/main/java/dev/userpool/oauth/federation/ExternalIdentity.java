package dev.userpool.oauth.federation;

import java.util.Map;

/**
 * Who an external provider says signed in, once the protocol (OIDC, SAML) has verified it.
 *
 * @param providerName the pool's name for the provider (CreateIdentityProvider's ProviderName)
 * @param providerType OIDC, SAML, Google, …
 * @param subject the provider's stable user id (OIDC: the ID token's sub; SAML: the NameID)
 * @param issuer the provider's issuer as the {@code identities} attribute records it; may be null
 * @param providerAttributes every attribute the provider sent, by the provider's names, values as
 *     strings; the provider's AttributeMapping picks from these
 */
public record ExternalIdentity(
    String providerName,
    String providerType,
    String subject,
    String issuer,
    Map<String, String> providerAttributes) {

  public ExternalIdentity {
    providerAttributes = Map.copyOf(providerAttributes);
  }

  /** The username Cognito gives a federated user: {@code <ProviderName>_<subject>}. */
  public String username() {
    return providerName + "_" + subject;
  }
}
