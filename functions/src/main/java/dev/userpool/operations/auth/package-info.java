/**
 * Cognito's sign-in operations: thin shells that resolve the pool and client and hand over to the
 * auth flows.
 */
package dev.userpool.operations.auth;
