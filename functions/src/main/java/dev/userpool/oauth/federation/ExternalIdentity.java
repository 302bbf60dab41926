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
 * @param sources the same attributes grouped by where they came from, as the InboundFederation
 *     trigger sees them ({@code idToken}, {@code userInfo}, {@code samlResponse})
 */
public record ExternalIdentity(
    String providerName,
    String providerType,
    String subject,
    String issuer,
    Map<String, String> providerAttributes,
    Map<String, Map<String, String>> sources) {

  public ExternalIdentity {
    providerAttributes = Map.copyOf(providerAttributes);
    sources = Map.copyOf(sources);
  }

  /** All attributes from one source: the SAML assertion, or an OIDC provider's ID token. */
  public ExternalIdentity(
      String providerName,
      String providerType,
      String subject,
      String issuer,
      Map<String, String> providerAttributes) {
    this(
        providerName,
        providerType,
        subject,
        issuer,
        providerAttributes,
        Map.of("SAML".equals(providerType) ? "samlResponse" : "idToken", providerAttributes));
  }

  /**
   * The attributes an InboundFederation function answered instead of what the provider sent: the
   * AttributeMapping then picks from these only (omitted ones are dropped, as the trigger's
   * contract says).
   */
  public ExternalIdentity withProviderAttributes(Map<String, String> attributes) {
    return new ExternalIdentity(providerName, providerType, subject, issuer, attributes, sources);
  }

  /** The username Cognito gives a federated user: {@code <ProviderName>_<subject>}. */
  public String username() {
    return providerName + "_" + subject;
  }
}
