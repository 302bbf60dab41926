'use strict';
// Drives the real amazon-cognito-identity-js (ACIJ) through custom authentication and remembered devices against a
// Userpool server whose pool has the three custom-auth triggers (served by the Java test) and a DeviceConfiguration
// with DeviceOnlyRememberedOnUserPrompt. Prints one JSON line per step on stdout: {"step","ok","code"?,"message"?,
// "details"?}. Exits 0 when the scenario ran to its end, 1 when the script itself broke.
// AmazonCognitoIdentityJsCustomAuthIT runs it and decides which outcomes are required.
//
// Environment: USERPOOL_ENDPOINT, USERPOOL_POOL_ID, USERPOOL_CLIENT_ID, USERPOOL_USERNAME, USERPOOL_PASSWORD (a
// CONFIRMED user's permanent password), USERPOOL_ANSWER (what the custom challenge accepts).

const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require('amazon-cognito-identity-js');

function env(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

const endpoint = env('USERPOOL_ENDPOINT').replace(/\/+$/, '');
const poolId = env('USERPOOL_POOL_ID');
const clientId = env('USERPOOL_CLIENT_ID');
const username = env('USERPOOL_USERNAME');
const password = env('USERPOOL_PASSWORD');
const answer = env('USERPOOL_ANSWER');

function report(step, ok, extra = {}) {
  process.stdout.write(`${JSON.stringify({ step, ok, ...extra })}\n`);
  return ok;
}

function failure(err) {
  return { code: (err && (err.code || err.name)) || 'Error', message: err && err.message };
}

function skipped(step, because) {
  return report(step, false, { code: 'Skipped', message: `not run: ${because} failed` });
}

// One in-memory storage shared by every CognitoUser below: what a browser's localStorage would keep between visits
// (tokens and the remembered device's key, group key and random password).
function memoryStorage() {
  const items = new Map();
  return {
    setItem: (k, v) => items.set(k, String(v)),
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    removeItem: (k) => items.delete(k),
    clear: () => items.clear(),
  };
}
const storage = memoryStorage();

const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${endpoint}/`, Storage: storage });

// Records which operations ACIJ sent (with AuthFlow / ChallengeName), without changing what it sends.
const calls = [];
const send = pool.client.request.bind(pool.client);
pool.client.request = (operation, params, callback) => {
  calls.push([operation, params.AuthFlow || params.ChallengeName].filter(Boolean).join(':'));
  return send(operation, params, callback);
};

function newUser() {
  return new CognitoUser({ Username: username, Pool: pool, Storage: storage });
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

// Custom auth: answers each CUSTOM_CHALLENGE with the next of `answers`; resolves with the session and what ACIJ
// reported (challenge parameters seen, userConfirmationNecessary).
function customAuth(user, start, answers) {
  return new Promise((resolve, reject) => {
    const seen = [];
    const callbacks = {
      onSuccess: (session, userConfirmationNecessary) => resolve({ session, userConfirmationNecessary, seen }),
      onFailure: reject,
      customChallenge: (parameters) => {
        seen.push(parameters);
        if (answers.length === 0) {
          reject(Object.assign(new Error('no answer left'), { code: 'NoAnswer' }));
          return;
        }
        user.sendCustomChallengeAnswer(answers.shift(), callbacks);
      },
      mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
    };
    start(callbacks);
  });
}

function srpSignIn(user) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session, userConfirmationNecessary) => resolve({ session, userConfirmationNecessary }),
      onFailure: reject,
      customChallenge: () => reject(new Error('unexpected CUSTOM_CHALLENGE')),
      mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
    });
  });
}

function promised(fn) {
  return new Promise((resolve, reject) => fn({ onSuccess: resolve, onFailure: reject }));
}

async function main() {
  // 1. Passwordless: CUSTOM_AUTH started with initiateAuth, a wrong answer, then the right one.
  let mark = calls.length;
  try {
    const user = newUser();
    const result = await customAuth(user,
      (cb) => user.initiateAuth(new AuthenticationDetails({ Username: username }), cb), ['wrong', answer]);
    report('customAuthPasswordless', true, { details: {
      calls: calls.slice(mark),
      challengeParameters: result.seen,
      hasTokens: Boolean(result.session.getAccessToken().getJwtToken()),
    } });
  } catch (err) {
    report('customAuthPasswordless', false, { ...failure(err), details: { calls: calls.slice(mark) } });
  }

  // 2. CUSTOM_AUTH with the password first (SRP_A → PASSWORD_VERIFIER inside the sequence), then the challenge;
  //    the pool tracks devices, so ACIJ confirms the new device (ConfirmDevice) before onSuccess.
  mark = calls.length;
  let deviceUser = null;
  let deviceKey = null;
  try {
    const user = newUser();
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const result = await customAuth(user,
      (cb) => user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), cb),
      [answer]);
    deviceUser = user;
    deviceKey = user.deviceKey;
    report('customAuthWithPassword', true, { details: {
      calls: calls.slice(mark),
      challengeParameters: result.seen,
      userConfirmationNecessary: result.userConfirmationNecessary === true,
      deviceKey,
      tokenDeviceKey: claims(result.session.getAccessToken().getJwtToken()).device_key,
    } });
  } catch (err) {
    report('customAuthWithPassword', false, { ...failure(err), details: { calls: calls.slice(mark) } });
  }

  // 3. The user opts in: setDeviceStatusRemembered, then the device is listed.
  if (!deviceUser) {
    skipped('setDeviceStatusRemembered', 'customAuthWithPassword');
    skipped('listDevices', 'customAuthWithPassword');
  } else {
    mark = calls.length;
    try {
      const result = await promised((cb) => deviceUser.setDeviceStatusRemembered(cb));
      report('setDeviceStatusRemembered', true, { details: { result, calls: calls.slice(mark) } });
    } catch (err) {
      report('setDeviceStatusRemembered', false, failure(err));
    }
    mark = calls.length;
    try {
      const data = await promised((cb) => deviceUser.listDevices(10, null, cb));
      report('listDevices', true, { details: {
        calls: calls.slice(mark),
        devices: data.Devices.map((d) => ({
          key: d.DeviceKey,
          attributes: Object.fromEntries(d.DeviceAttributes.map((a) => [a.Name, a.Value])),
        })),
      } });
    } catch (err) {
      report('listDevices', false, failure(err));
    }
  }

  // 4. A later visit: a new CognitoUser over the same storage signs in with SRP; ACIJ presents the cached device,
  //    proves it with device SRP, and the tokens are the device's.
  if (!deviceKey) {
    skipped('signInWithRememberedDevice', 'customAuthWithPassword');
    skipped('refreshOnDevice', 'customAuthWithPassword');
  } else {
    mark = calls.length;
    let later = null;
    try {
      later = newUser();
      const result = await srpSignIn(later);
      report('signInWithRememberedDevice', true, { details: {
        calls: calls.slice(mark),
        tokenDeviceKey: claims(result.session.getAccessToken().getJwtToken()).device_key,
        deviceKey,
      } });
    } catch (err) {
      later = null;
      report('signInWithRememberedDevice', false, { ...failure(err), details: { calls: calls.slice(mark) } });
    }
    if (!later) {
      skipped('refreshOnDevice', 'signInWithRememberedDevice');
    } else {
      mark = calls.length;
      try {
        const refreshed = await new Promise((resolve, reject) => later.refreshSession(
          later.getSignInUserSession().getRefreshToken(), (err, s) => (err ? reject(err) : resolve(s))));
        report('refreshOnDevice', true, { details: {
          calls: calls.slice(mark),
          tokenDeviceKey: claims(refreshed.getAccessToken().getJwtToken()).device_key,
        } });
      } catch (err) {
        report('refreshOnDevice', false, { ...failure(err), details: { calls: calls.slice(mark) } });
      }
    }
  }
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`${err && err.stack}\n`);
  process.exit(1);
});
