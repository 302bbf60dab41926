/**
 * SAML 2.0 federation of a pool: AuthnRequests out (HTTP-Redirect), Responses in (HTTP-POST at
 * /saml2/idpresponse), verified with the JDK's XML signature API against the provider's metadata.
 */
package dev.userpool.oauth.saml;
