/**
 * The pool domain's web endpoints beside the JSON protocol: {@code /oauth2/token}, {@code
 * /oauth2/userInfo}, {@code /oauth2/revoke}, {@code /oauth2/authorize}, the hosted {@code /login}
 * page and {@code /logout}. Both front ends (the Lambda handler and the local server) hand matching
 * requests to {@link dev.userpool.oauth.OAuthEndpoints}. Sign-in and tokens come from the same code
 * as the API flows ({@link dev.userpool.authflows.OAuthSignIn}).
 */
package dev.userpool.oauth;
