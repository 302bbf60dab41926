/** Cognito's auth event operations: listing a user's events and feedback on one. */
package dev.userpool.operations.authevents;
