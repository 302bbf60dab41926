'use strict';
// Drives Amplify JS v6 (aws-amplify, configured with userPoolEndpoint) through TOTP MFA against a Userpool server;
// codes come from otplib. Prints one JSON line per step: {"step","ok","code"?,"message"?,"details"?}. Exits 0 when
// the scenario ran to its end, 1 when the script itself broke. AmplifyMfaIT runs it and decides what must pass.
//
// Environment: USERPOOL_ENDPOINT; USERPOOL_POOL_ID / USERPOOL_CLIENT_ID / USERPOOL_USERNAME (MFA OPTIONAL, TOTP on,
// the user without a factor); USERPOOL_ON_POOL_ID / USERPOOL_ON_CLIENT_ID / USERPOOL_SETUP_USERNAME (MFA ON, TOTP
// only, the user without a factor); USERPOOL_DEVICE_POOL_ID / USERPOOL_DEVICE_CLIENT_ID /
// USERPOOL_DEVICE_USERNAME (a pool with a DeviceConfiguration, devices remembered on prompt); USERPOOL_PASSWORD for
// all users.

const { authenticator } = require('otplib');

function env(name) {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is required`);
  return value;
}

const endpoint = env('USERPOOL_ENDPOINT').replace(/\/+$/, '');
const password = env('USERPOOL_PASSWORD');

// Records the operations Amplify sends (with AuthFlow / ChallengeName), without changing them.
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const headers = new Headers((init && init.headers) || (input && input.headers) || {});
  const target = headers.get('x-amz-target');
  if (target) {
    let extra;
    try {
      const body = JSON.parse(init && typeof init.body === 'string' ? init.body : '{}');
      extra = body.AuthFlow || body.ChallengeName;
    } catch (e) {
      extra = undefined;
    }
    calls.push([target.split('.').pop(), extra].filter(Boolean).join(':'));
  }
  return realFetch(input, init);
};

// Amplify names a confirmed device after the browser's navigator.userAgent; Node 20 has no navigator, and without
// one Amplify silently skips ConfirmDevice. Give it the one field a browser would.
if (typeof globalThis.navigator === 'undefined') {
  globalThis.navigator = { userAgent: `Node.js/${process.version}` };
}
const { Amplify } = require('aws-amplify');
const auth = require('aws-amplify/auth');

function configure(poolId, clientId) {
  Amplify.configure({
    Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${endpoint}/` } },
  });
}

function report(step, ok, extra = {}) {
  process.stdout.write(`${JSON.stringify({ step, ok, ...extra })}\n`);
  return ok;
}

async function step(name, fn) {
  const mark = calls.length;
  try {
    const details = await fn();
    return report(name, true, { details: { ...details, calls: calls.slice(mark) } });
  } catch (err) {
    return report(name, false, { code: (err && err.name) || 'Error', message: err && err.message,
      details: { calls: calls.slice(mark) } });
  }
}

function nextCode(secret) {
  return authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
}

async function main() {
  configure(env('USERPOOL_POOL_ID'), env('USERPOOL_CLIENT_ID'));
  const username = env('USERPOOL_USERNAME');
  let secret;

  await step('signIn', async () => {
    const result = await auth.signIn({ username, password });
    return { isSignedIn: result.isSignedIn, signInStep: result.nextStep.signInStep };
  });
  await step('setUpTOTP', async () => {
    const details = await auth.setUpTOTP();
    secret = details.sharedSecret;
    return { secretLength: secret.length, setupUri: details.getSetupUri('Userpool').toString().split('?')[0] };
  });
  await step('verifyTOTPSetup', async () => {
    await auth.verifyTOTPSetup({ code: authenticator.generate(secret), options: { friendlyDeviceName: 'amplify' } });
    return {};
  });
  await step('updateMFAPreference', async () => {
    await auth.updateMFAPreference({ totp: 'PREFERRED' });
    return {};
  });
  await step('fetchMFAPreference', async () => {
    const preference = await auth.fetchMFAPreference();
    return { enabled: preference.enabled, preferred: preference.preferred };
  });
  await step('signOut', async () => {
    await auth.signOut();
    return {};
  });
  await step('signInWithTotp', async () => {
    const first = await auth.signIn({ username, password });
    const confirmed = await auth.confirmSignIn({ challengeResponse: nextCode(secret) });
    return { firstStep: first.nextStep.signInStep, isSignedIn: confirmed.isSignedIn };
  });
  await step('fetchAuthSession', async () => {
    const session = await auth.fetchAuthSession();
    const payload = session.tokens && session.tokens.accessToken && session.tokens.accessToken.payload;
    return { username: payload && payload.username };
  });
  await auth.signOut();

  configure(env('USERPOOL_ON_POOL_ID'), env('USERPOOL_ON_CLIENT_ID'));
  await step('signInWithTotpSetup', async () => {
    const first = await auth.signIn({ username: env('USERPOOL_SETUP_USERNAME'), password });
    const setupSecret = first.nextStep.totpSetupDetails && first.nextStep.totpSetupDetails.sharedSecret;
    const confirmed = await auth.confirmSignIn({ challengeResponse: authenticator.generate(setupSecret) });
    return { firstStep: first.nextStep.signInStep, isSignedIn: confirmed.isSignedIn };
  });
  await auth.signOut();

  // Remembered devices: a pool with a DeviceConfiguration; Amplify confirms the new device at sign-in by itself.
  configure(env('USERPOOL_DEVICE_POOL_ID'), env('USERPOOL_DEVICE_CLIENT_ID'));
  await step('signInOnDevicePool', async () => {
    const result = await auth.signIn({ username: env('USERPOOL_DEVICE_USERNAME'), password });
    return { isSignedIn: result.isSignedIn };
  });
  await step('rememberDevice', async () => {
    await auth.rememberDevice();
    return {};
  });
  await step('fetchDevices', async () => {
    const devices = await auth.fetchDevices();
    return { count: devices.length, ids: devices.map((d) => d.id) };
  });
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`${err && err.stack}\n`);
  process.exit(1);
});
