/**
 * Cognito's passkey operations, authorized by the user's access token: StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration, ListWebAuthnCredentials and DeleteWebAuthnCredential.
 */
package dev.userpool.operations.passkeys;
