/**
 * The sign-in flows of InitiateAuth / RespondToAuthChallenge: one class per flow (password, SRP,
 * refresh) and per challenge answer, the challenge session, account protection, and the seams where
 * triggers and groups plug in.
 */
package dev.userpool.authflows;
