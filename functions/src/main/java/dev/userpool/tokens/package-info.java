/**
 * Tokens and their keys: per-pool RSA signing keys, RS256 JWTs built and checked with the JDK
 * alone, the claims of Cognito's ID and access tokens (sources §6), the issuer URL, and the JWKS
 * and discovery documents.
 */
package dev.userpool.tokens;
