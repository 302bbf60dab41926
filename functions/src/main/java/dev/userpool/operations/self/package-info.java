/**
 * The operations a signed-in user authorizes with an access token (GetUser, ChangePassword,
 * GlobalSignOut, …), sign-out and revocation (sources §1.5, §6.6), and {@link
 * dev.userpool.operations.self.AccessTokens}, which admits them.
 */
package dev.userpool.operations.self;
