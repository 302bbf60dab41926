/**
 * Moving users in from Amazon Cognito: a signed JSON client for the Cognito API ({@link
 * CognitoApi}) and the lazy password migration of imported users ({@link ImportedPasswords}), who
 * have no SRP verifier until their first sign-in with a password proves it against the source pool.
 */
package dev.userpool.migration;
