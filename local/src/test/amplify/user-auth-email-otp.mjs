// Amplify JS v6 passwordless sign-in against the local Userpool server, as an app would do it:
// signIn with authFlowType USER_AUTH and preferredChallenge EMAIL_OTP, the code read from the local outbox
// (GET /_local/messages), confirmSignIn with it, then fetchAuthSession. Prints one JSON line per step.
// Environment: ENDPOINT, USER_POOL_ID, CLIENT_ID, USERNAME.
import { Amplify } from 'aws-amplify';
import { signIn, confirmSignIn, fetchAuthSession, getCurrentUser } from 'aws-amplify/auth';

const { ENDPOINT, USER_POOL_ID, CLIENT_ID, USERNAME } = process.env;
const print = (step, value) => console.log(JSON.stringify({ step, ...value }));

Amplify.configure({
  Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: ENDPOINT } },
});

async function lastCode() {
  const url = `${ENDPOINT}/_local/messages?userPoolId=${encodeURIComponent(USER_POOL_ID)}`
    + `&username=${encodeURIComponent(USERNAME)}`;
  const messages = (await (await fetch(url)).json()).messages;
  return messages[messages.length - 1].code;
}

try {
  const started = await signIn({
    username: USERNAME,
    options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
  });
  print('signIn', { isSignedIn: started.isSignedIn, signInStep: started.nextStep.signInStep,
    deliveryMedium: started.nextStep.codeDeliveryDetails?.deliveryMedium });
  const confirmed = await confirmSignIn({ challengeResponse: await lastCode() });
  print('confirmSignIn', { isSignedIn: confirmed.isSignedIn, signInStep: confirmed.nextStep.signInStep });
  const session = await fetchAuthSession();
  const user = await getCurrentUser();
  print('session', { username: user.username, tokenUse: session.tokens?.accessToken?.payload?.token_use,
    idTokenEmail: session.tokens?.idToken?.payload?.email });
} catch (e) {
  print('error', { name: e.name, message: e.message });
  process.exitCode = 1;
}
