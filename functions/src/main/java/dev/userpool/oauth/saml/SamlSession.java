package dev.userpool.oauth.saml;

/**
 * What single logout needs of a SAML sign-in: the provider, and the NameID (with its Format) and
 * SessionIndex to name in the LogoutRequest (SAML 2.0 core §3.7.1).
 */
public record SamlSession(
    String providerName, String nameId, String nameIdFormat, String sessionIndex) {

  SamlSession withProvider(String name) {
    return new SamlSession(name, nameId, nameIdFormat, sessionIndex);
  }
}
