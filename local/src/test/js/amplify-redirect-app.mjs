// The browser application of AmplifyHostedSignInIT, bundled with esbuild by amplify-hosted-redirect.mjs: Amplify JS v6
// configured for the pool domain's hosted sign-in (window.USERPOOL_CONFIG, written by the test's page), with
// signInWithRedirect and fetchAuthSession exposed to the driver as window.userpool.
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser, signInWithRedirect } from 'aws-amplify/auth';
import 'aws-amplify/auth/enable-oauth-listener';

const c = window.USERPOOL_CONFIG;
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: c.userPoolId,
      userPoolClientId: c.clientId,
      loginWith: {
        oauth: {
          domain: c.domain,
          scopes: ['openid', 'email'],
          redirectSignIn: [c.appUrl],
          redirectSignOut: [c.appUrl],
          responseType: 'code',
        },
      },
    },
  },
});

window.userpool = {
  signIn: () => signInWithRedirect(),
  session: async () => {
    const session = await fetchAuthSession();
    const tokens = session.tokens;
    if (!tokens) return { signedIn: false };
    const user = await getCurrentUser();
    return {
      signedIn: true,
      username: user.username,
      idTokenUse: tokens.idToken?.payload?.token_use,
      accessTokenUse: tokens.accessToken?.payload?.token_use,
      clientId: tokens.accessToken?.payload?.client_id,
      email: tokens.idToken?.payload?.email,
    };
  },
};
window.userpoolReady = true;
