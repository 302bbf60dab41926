'use strict';
// Drives the real amazon-cognito-identity-js (ACIJ) through its MFA API against a Userpool server; TOTP codes come
// from otplib (an authenticator app's library), SMS codes from the local outbox. Prints one JSON line per step on
// stdout: {"step","ok","code"?,"message"?,"details"?}. Exits 0 when the scenario ran to its end, 1 when the script
// itself broke. AmazonCognitoIdentityJsMfaIT runs it and decides what must pass.
//
// Environment: USERPOOL_ENDPOINT; USERPOOL_POOL_ID / USERPOOL_CLIENT_ID / USERPOOL_USERNAME (MFA OPTIONAL, TOTP on,
// the user without a factor); USERPOOL_ON_POOL_ID / USERPOOL_ON_CLIENT_ID (MFA ON, TOTP and SMS on) with
// USERPOOL_SETUP_USERNAME (no phone: must set up TOTP) and USERPOOL_SMS_USERNAME (with a phone: gets SMS codes);
// USERPOOL_PASSWORD for all of them.

const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require('amazon-cognito-identity-js');
const { authenticator } = require('otplib');

function env(name) {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is required`);
  return value;
}

const endpoint = env('USERPOOL_ENDPOINT').replace(/\/+$/, '');
const password = env('USERPOOL_PASSWORD');

function report(step, ok, extra = {}) {
  process.stdout.write(`${JSON.stringify({ step, ok, ...extra })}\n`);
  return ok;
}

function failure(err) {
  return { code: (err && (err.code || err.name)) || 'Error', message: err && err.message };
}

// The pool as a browser app builds it, with the endpoint option; records the operations ACIJ sends.
const calls = [];
function poolOf(poolId, clientId) {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${endpoint}/` });
  const send = pool.client.request.bind(pool.client);
  pool.client.request = (operation, params, callback) => {
    calls.push([operation, params.AuthFlow || params.ChallengeName].filter(Boolean).join(':'));
    return send(operation, params, callback);
  };
  return pool;
}

function storage() {
  const items = new Map();
  return {
    setItem: (k, v) => items.set(k, String(v)),
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    removeItem: (k) => items.delete(k),
    clear: () => items.clear(),
  };
}

function userOf(pool, username) {
  return new CognitoUser({ Username: username, Pool: pool, Storage: storage() });
}

async function outboxCode(poolId, username) {
  const query = new URLSearchParams({ userPoolId: poolId, username });
  const response = await fetch(`${endpoint}/_local/messages?${query}`);
  const { messages } = await response.json();
  if (messages.length === 0) throw Object.assign(new Error(`no message to ${username}`), { code: 'NoMessage' });
  const last = messages[messages.length - 1];
  return { code: last.code, triggerSource: last.triggerSource };
}

// authenticateUser; every challenge callback resolves with its name so each step decides what to answer.
function authenticate(user) {
  return new Promise((resolve, reject) => {
    const challenge = (name) => (challengeName, parameters) => resolve({ challenge: name, challengeName, parameters });
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      newPasswordRequired: challenge('NEW_PASSWORD_REQUIRED'),
      mfaRequired: challenge('SMS_MFA'),
      totpRequired: challenge('SOFTWARE_TOKEN_MFA'),
      selectMFAType: challenge('SELECT_MFA_TYPE'),
      mfaSetup: challenge('MFA_SETUP'),
      customChallenge: challenge('CUSTOM_CHALLENGE'),
    });
  });
}

function sendMfaCode(user, code, type) {
  return new Promise((resolve, reject) => user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, type));
}

function associate(user) {
  return new Promise((resolve, reject) => user.associateSoftwareToken({
    associateSecretCode: resolve,
    onFailure: reject,
  }));
}

function verifyToken(user, code) {
  return new Promise((resolve, reject) => user.verifySoftwareToken(code, 'otplib', {
    onSuccess: resolve,
    onFailure: reject,
  }));
}

// The code of the next 30-second step: accepted within Cognito's one-step skew, and not the step a previous
// call already used (a code is accepted once).
function nextCode(secret) {
  return authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
}

async function step(name, fn) {
  const mark = calls.length;
  try {
    const details = await fn();
    report(name, true, { details: { ...details, calls: calls.slice(mark) } });
    return true;
  } catch (err) {
    report(name, false, { ...failure(err), details: { calls: calls.slice(mark) } });
    return false;
  }
}

async function main() {
  const poolId = env('USERPOOL_POOL_ID');
  const pool = poolOf(poolId, env('USERPOOL_CLIENT_ID'));
  const username = env('USERPOOL_USERNAME');
  const user = userOf(pool, username);
  let secret;

  await step('signInWithoutMfa', async () => {
    const result = await authenticate(user);
    if (!result.session) throw Object.assign(new Error(`challenge ${result.challenge}`), { code: 'Challenge' });
    return {};
  });
  await step('associateSoftwareToken', async () => {
    secret = await associate(user);
    return { secretLength: secret.length };
  });
  await step('verifySoftwareToken', async () => {
    const result = await verifyToken(user, authenticator.generate(secret));
    return { status: result.Status };
  });
  await step('setUserMfaPreference', async () => {
    const result = await new Promise((resolve, reject) => user.setUserMfaPreference(null,
      { PreferredMfa: true, Enabled: true }, (err, r) => (err ? reject(err) : resolve(r))));
    return { result };
  });
  await step('getUserData', async () => {
    const data = await new Promise((resolve, reject) => user.getUserData(
      (err, r) => (err ? reject(err) : resolve(r)), { bypassCache: true }));
    return { UserMFASettingList: data.UserMFASettingList, PreferredMfaSetting: data.PreferredMfaSetting };
  });
  await step('wrongTotpCode', async () => {
    const again = userOf(pool, username);
    const result = await authenticate(again);
    const code = nextCode(secret);
    const wrong = code === '000000' ? '111111' : '000000';
    try {
      await sendMfaCode(again, wrong, 'SOFTWARE_TOKEN_MFA');
    } catch (err) {
      return { challenge: result.challenge, error: failure(err) };
    }
    throw Object.assign(new Error('a wrong code was accepted'), { code: 'Accepted' });
  });
  await step('totpSignIn', async () => {
    const again = userOf(pool, username);
    const result = await authenticate(again);
    if (result.challenge !== 'SOFTWARE_TOKEN_MFA') {
      throw Object.assign(new Error(`challenge ${result.challenge}`), { code: 'UnexpectedChallenge' });
    }
    const session = await sendMfaCode(again, nextCode(secret), 'SOFTWARE_TOKEN_MFA');
    return { valid: session.isValid(), challengeParameters: result.parameters };
  });

  const onPoolId = env('USERPOOL_ON_POOL_ID');
  const onPool = poolOf(onPoolId, env('USERPOOL_ON_CLIENT_ID'));
  await step('mfaSetupSignIn', async () => {
    const setupUser = userOf(onPool, env('USERPOOL_SETUP_USERNAME'));
    const result = await authenticate(setupUser);
    if (result.challenge !== 'MFA_SETUP') {
      throw Object.assign(new Error(`challenge ${result.challenge}`), { code: 'UnexpectedChallenge' });
    }
    const setupSecret = await associate(setupUser);
    const session = await verifyToken(setupUser, authenticator.generate(setupSecret));
    return { valid: session.isValid(), challengeParameters: result.parameters };
  });
  await step('smsMfaSignIn', async () => {
    const smsUsername = env('USERPOOL_SMS_USERNAME');
    const smsUser = userOf(onPool, smsUsername);
    const result = await authenticate(smsUser);
    if (result.challenge !== 'SMS_MFA') {
      throw Object.assign(new Error(`challenge ${result.challenge}`), { code: 'UnexpectedChallenge' });
    }
    const sent = await outboxCode(onPoolId, smsUsername);
    const session = await sendMfaCode(smsUser, sent.code, 'SMS_MFA');
    return { valid: session.isValid(), challengeParameters: result.parameters, triggerSource: sent.triggerSource };
  });
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`${err && err.stack}\n`);
  process.exit(1);
});
