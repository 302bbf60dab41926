/**
 * Sign-in through external identity providers: the authorize request parked while the browser is at
 * the provider ({@link dev.userpool.oauth.federation.FederationState}), the protocol steps of OIDC
 * providers, and the step every protocol ends with ({@link
 * dev.userpool.oauth.federation.FederatedSignIn}): the external identity becomes a user of the pool
 * and the app client gets its code.
 */
package dev.userpool.oauth.federation;
