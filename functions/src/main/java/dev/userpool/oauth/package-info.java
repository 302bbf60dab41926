/**
 * The pool domain's web endpoints beside the JSON protocol: {@code /oauth2/token}, {@code
 * /oauth2/userInfo}, {@code /oauth2/revoke}, {@code /oauth2/authorize}, the hosted pages ({@code
 * /login} with its MFA follow-ups, {@code /signup}, {@code /confirm}, {@code /resendcode}, {@code
 * /forgotPassword}, {@code /confirmforgotPassword}) and {@code /logout}. Both front ends (the
 * Lambda handler and the local server) hand matching requests to {@link
 * dev.userpool.oauth.OAuthEndpoints}. Sign-in and tokens come from the same code as the API flows
 * ({@link dev.userpool.authflows.OAuthSignIn}); the account pages call the API operations
 * themselves ({@link dev.userpool.oauth.PublicOperations}). See docs/adr/0018-hosted-pages.md.
 */
package dev.userpool.oauth;
