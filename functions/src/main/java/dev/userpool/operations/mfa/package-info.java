/**
 * The MFA operations of users and administrators: TOTP association and verification (by access
 * token or by an MFA_SETUP Session) and the users' MFA preferences. The sign-in challenges
 * themselves live in authflows.
 */
package dev.userpool.operations.mfa;
