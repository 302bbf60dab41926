'use strict';
// Drives the real amazon-cognito-identity-js (ACIJ) against a Userpool server and verifies its tokens with
// aws-jwt-verify. Prints one JSON line per step on stdout: {"step","ok","code"?,"message"?,"details"?}.
// Exits 0 when the scenario ran to its end (whatever the steps' outcomes), 1 when the script itself broke.
// AmazonCognitoIdentityJsIT runs it and decides which outcomes are required and which are known gaps.
//
// Environment: USERPOOL_ENDPOINT (e.g. http://localhost:9229), USERPOOL_POOL_ID, USERPOOL_CLIENT_ID,
// USERPOOL_USERNAME, USERPOOL_PASSWORD (a CONFIRMED user's permanent password); optional USERPOOL_ISSUER
// (default <endpoint>/<poolId>), USERPOOL_NEW_PASSWORD (for changePassword), USERPOOL_SIGNUP_USERNAME and
// USERPOOL_SIGNUP_EMAIL (for signUp; the pool must auto-verify email). Codes are read from the local outbox
// (GET <endpoint>/_local/messages).

const {
  CognitoUserPool,
  CognitoUser,
  CognitoUserAttribute,
  AuthenticationDetails,
} = require('amazon-cognito-identity-js');
const { JwtRsaVerifier } = require('aws-jwt-verify');
const { SimpleJwksCache } = require('aws-jwt-verify/jwk');
const { validateCognitoJwtFields } = require('aws-jwt-verify/cognito-verifier');
const { JwtInvalidSignatureError } = require('aws-jwt-verify/error');

if (typeof fetch !== 'function') {
  throw new Error(`Node.js 18 or later is required (global fetch); this is ${process.version}`);
}

function env(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback !== undefined) return fallback;
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

const endpoint = env('USERPOOL_ENDPOINT').replace(/\/+$/, '');
const poolId = env('USERPOOL_POOL_ID');
const clientId = env('USERPOOL_CLIENT_ID');
const username = env('USERPOOL_USERNAME');
const password = env('USERPOOL_PASSWORD');
const issuer = env('USERPOOL_ISSUER', `${endpoint}/${poolId}`);
const jwksUri = `${issuer}/.well-known/jwks.json`;
const newPassword = env('USERPOOL_NEW_PASSWORD', `N3w-${password}`);
const signUpUsername = env('USERPOOL_SIGNUP_USERNAME', 'browser-signup');
const signUpEmail = env('USERPOOL_SIGNUP_EMAIL', 'browser-signup@example.com');

// The newest code the local outbox holds for the user (what the email would have carried).
async function outboxCode(user) {
  const query = new URLSearchParams({ userPoolId: poolId, username: user });
  const response = await fetch(`${endpoint}/_local/messages?${query}`);
  if (response.status !== 200) {
    throw new Error(`outbox: status ${response.status}`);
  }
  const { messages } = await response.json();
  if (messages.length === 0) {
    throw Object.assign(new Error(`no message to ${user} in the outbox`), { code: 'NoMessage' });
  }
  const last = messages[messages.length - 1];
  return { code: last.code, triggerSource: last.triggerSource, destination: last.destination };
}

function report(step, ok, extra = {}) {
  process.stdout.write(`${JSON.stringify({ step, ok, ...extra })}\n`);
  return ok;
}

// ACIJ errors carry the service's error code in `code`; aws-jwt-verify errors are told apart by class.
function failure(err) {
  const byClass = err && err.constructor && err.constructor.name !== 'Error' ? err.constructor.name : undefined;
  return { code: (err && (err.code || byClass || err.name)) || 'Error', message: err && err.message };
}

function skipped(step, because) {
  return report(step, false, { code: 'Skipped', message: `not run: ${because} failed` });
}

// The pool as a browser app builds it; the only change from real Cognito is the endpoint option.
const pool = new CognitoUserPool({
  UserPoolId: poolId,
  ClientId: clientId,
  endpoint: `${endpoint}/`,
});

// Records which operations ACIJ sent (with AuthFlow / ChallengeName), without changing what it sends.
const calls = [];
const send = pool.client.request.bind(pool.client);
pool.client.request = (operation, params, callback) => {
  calls.push([operation, params.AuthFlow || params.ChallengeName].filter(Boolean).join(':'));
  return send(operation, params, callback);
};
function callsSince(mark) {
  return calls.slice(mark);
}

function signIn(user, pwd) {
  return new Promise((resolve, reject) => {
    const unexpected = (name) => () => reject(Object.assign(new Error(`unexpected challenge ${name}`), {
      code: 'UnexpectedChallenge',
    }));
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: pwd }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: unexpected('NEW_PASSWORD_REQUIRED'),
      mfaRequired: unexpected('SMS_MFA'),
      totpRequired: unexpected('SOFTWARE_TOKEN_MFA'),
      selectMFAType: unexpected('SELECT_MFA_TYPE'),
      mfaSetup: unexpected('MFA_SETUP'),
      customChallenge: unexpected('CUSTOM_CHALLENGE'),
    });
  });
}

function throwAwayStorage() {
  const items = new Map();
  return {
    setItem: (k, v) => items.set(k, String(v)),
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    removeItem: (k) => items.delete(k),
    clear: () => items.clear(),
  };
}

function nodeCallback(fn) {
  return new Promise((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result))));
}

// aws-jwt-verify's default fetcher is HTTPS-only (node:https); the local server speaks plain HTTP, so the
// JWKS is fetched with Node's fetch through the library's documented Fetcher extension point. Parsing,
// kid lookup and signature checks stay the library's own.
class HttpFetcher {
  constructor() {
    this.fetched = [];
  }

  async fetch(uri) {
    this.fetched.push(uri);
    const response = await fetch(uri);
    if (response.status !== 200) {
      throw new Error(`JWKS ${uri}: status ${response.status}`);
    }
    return response.arrayBuffer();
  }
}
const fetcher = new HttpFetcher();
const jwksCache = new SimpleJwksCache({ fetcher });

const verifiers = {
  id: JwtRsaVerifier.create({
    issuer,
    jwksUri,
    audience: clientId,
    customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'id', clientId }),
  }, { jwksCache }),
  // Access tokens carry client_id, not aud: audience null, and the Cognito field check instead.
  access: JwtRsaVerifier.create({
    issuer,
    jwksUri,
    audience: null,
    customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'access', clientId }),
  }, { jwksCache }),
};

function header(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}

async function verify(step, tokenUse, jwt) {
  try {
    const payload = await verifiers[tokenUse].verify(jwt);
    const keep = ['iss', 'token_use', 'aud', 'client_id', 'sub', 'cognito:username', 'username', 'scope',
      'auth_time', 'origin_jti', 'jti', 'iat', 'exp'];
    const claims = Object.fromEntries(keep.filter((k) => k in payload).map((k) => [k, payload[k]]));
    return report(step, true, { details: { kid: header(jwt).kid, claims, jwksFetches: fetcher.fetched.length } });
  } catch (err) {
    return report(step, false, failure(err));
  }
}

// A browser sends this preflight before every ACIJ call (amazon-cognito-identity-js src/Client.js: mode cors, X-Amz-User-Agent,
// Cache-Control); Node's fetch does not, so it is sent by hand.
async function preflight() {
  const requested = ['cache-control', 'content-type', 'x-amz-target', 'x-amz-user-agent'];
  try {
    const response = await fetch(`${endpoint}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': requested.join(','),
      },
    });
    const h = (name) => response.headers.get(name) || '';
    const allowedHeaders = h('access-control-allow-headers').toLowerCase().split(',').map((s) => s.trim());
    const details = {
      status: response.status,
      allowOrigin: h('access-control-allow-origin'),
      allowMethods: h('access-control-allow-methods'),
      allowHeaders: h('access-control-allow-headers'),
      exposeHeaders: h('access-control-expose-headers'),
    };
    const ok = response.status >= 200 && response.status < 300
      && ['*', 'http://localhost:3000'].includes(details.allowOrigin)
      && /\bPOST\b/.test(details.allowMethods)
      && requested.every((r) => allowedHeaders.includes(r))
      && /x-amzn-errortype/i.test(details.exposeHeaders);
    return report('preflight', ok, { details });
  } catch (err) {
    return report('preflight', false, failure(err));
  }
}

async function main() {
  await preflight();

  // 1. Sign in with the default flow (USER_SRP_AUTH + PASSWORD_VERIFIER).
  const user = new CognitoUser({ Username: username, Pool: pool });
  let session = null;
  let mark = calls.length;
  try {
    session = await signIn(user, password);
    report('authenticateUser', session.isValid(), {
      details: { calls: callsSince(mark), flow: user.authenticationFlowType, username: user.getUsername() },
    });
  } catch (err) {
    report('authenticateUser', false, { ...failure(err), details: { calls: callsSince(mark) } });
  }

  // 2. A wrong password through the same SRP flow.
  mark = calls.length;
  try {
    await signIn(new CognitoUser({ Username: username, Pool: pool }), `${password}-wrong`);
    report('wrongPassword', false, { code: 'NoError', message: 'signed in with a wrong password' });
  } catch (err) {
    const f = failure(err);
    report('wrongPassword', f.code === 'NotAuthorizedException' && f.message === 'Incorrect username or password.',
      { ...f, details: { calls: callsSince(mark) } });
  }

  // 3. More sign-ins: every one has a fresh client a and server b, so the padHex corners (a leading 00 or an
  // odd-length hex in A, B, u or S) get their chance to show. Throw-away storage keeps the app's session intact.
  const repeats = Number(env('USERPOOL_SRP_REPEAT', '5'));
  const failures = [];
  const started = Date.now();
  for (let i = 0; i < repeats; i += 1) {
    try {
      const again = new CognitoUser({ Username: username, Pool: pool, Storage: throwAwayStorage() });
      const s = await signIn(again, password);
      if (!s.isValid()) failures.push({ attempt: i, code: 'InvalidSession' });
    } catch (err) {
      failures.push({ attempt: i, ...failure(err) });
    }
  }
  report('repeatedSignIns', failures.length === 0, {
    details: { count: repeats, failures, millis: Date.now() - started },
  });

  if (!session) {
    for (const s of ['getSession', 'verifyIdToken', 'verifyAccessToken', 'verifyRejectsTamperedToken',
      'refreshSession', 'verifyRefreshedIdToken', 'verifyRefreshedAccessToken', 'changePassword',
      'signInWithNewPassword', 'globalSignOut', 'refreshAfterGlobalSignOut']) {
      skipped(s, 'authenticateUser');
    }
    return;
  }

  // 4. getSession as an app calls it on start-up: a fresh CognitoUser from the pool's storage.
  let current = null;
  try {
    current = pool.getCurrentUser();
    if (!current) throw Object.assign(new Error('pool.getCurrentUser() returned null'), { code: 'NoCurrentUser' });
    const restored = await nodeCallback((cb) => current.getSession(cb));
    const same = restored.getAccessToken().getJwtToken() === session.getAccessToken().getJwtToken()
      && restored.getIdToken().getJwtToken() === session.getIdToken().getJwtToken();
    report('getSession', restored.isValid() && same, {
      details: { valid: restored.isValid(), sameTokensAsSignIn: same, username: current.getUsername() },
    });
  } catch (err) {
    report('getSession', false, failure(err));
  }

  // 5. The tokens, checked by aws-jwt-verify against the served JWKS.
  await verify('verifyIdToken', 'id', session.getIdToken().getJwtToken());
  await verify('verifyAccessToken', 'access', session.getAccessToken().getJwtToken());
  try {
    const parts = session.getAccessToken().getJwtToken().split('.');
    const sig = Buffer.from(parts[2], 'base64url');
    sig[0] ^= 0x01;
    await verifiers.access.verify([parts[0], parts[1], sig.toString('base64url')].join('.'));
    report('verifyRejectsTamperedToken', false, { code: 'NoError', message: 'a tampered signature verified' });
  } catch (err) {
    report('verifyRejectsTamperedToken', err instanceof JwtInvalidSignatureError, failure(err));
  }

  // 6. refreshSession with the stored refresh token (REFRESH_TOKEN_AUTH).
  const signedIn = current || user;
  let refreshed = null;
  mark = calls.length;
  try {
    refreshed = await nodeCallback((cb) => signedIn.refreshSession(session.getRefreshToken(), cb));
    const before = session.getAccessToken().decodePayload();
    const after = refreshed.getAccessToken().decodePayload();
    const newTokens = refreshed.getAccessToken().getJwtToken() !== session.getAccessToken().getJwtToken();
    report('refreshSession', refreshed.isValid() && newTokens, {
      details: {
        calls: callsSince(mark),
        newTokens,
        sameRefreshToken: refreshed.getRefreshToken().getToken() === session.getRefreshToken().getToken(),
        authTimeKept: before.auth_time === after.auth_time,
        originJtiKept: before.origin_jti === after.origin_jti,
      },
    });
  } catch (err) {
    report('refreshSession', false, { ...failure(err), details: { calls: callsSince(mark) } });
  }
  if (refreshed) {
    await verify('verifyRefreshedIdToken', 'id', refreshed.getIdToken().getJwtToken());
    await verify('verifyRefreshedAccessToken', 'access', refreshed.getAccessToken().getJwtToken());
  } else {
    skipped('verifyRefreshedIdToken', 'refreshSession');
    skipped('verifyRefreshedAccessToken', 'refreshSession');
  }

  // 7. changePassword with the signed-in session, then sign in with the new password.
  mark = calls.length;
  let changed = false;
  try {
    const result = await nodeCallback((cb) => signedIn.changePassword(password, newPassword, cb));
    changed = result === 'SUCCESS';
    report('changePassword', changed, { details: { result, calls: callsSince(mark) } });
  } catch (err) {
    report('changePassword', false, { ...failure(err), details: { calls: callsSince(mark) } });
  }
  if (changed) {
    try {
      const again = await signIn(new CognitoUser({ Username: username, Pool: pool }), newPassword);
      report('signInWithNewPassword', again.isValid());
    } catch (err) {
      report('signInWithNewPassword', false, failure(err));
    }
  } else {
    skipped('signInWithNewPassword', 'changePassword');
  }

  // 8. globalSignOut, after which the refresh token must be refused.
  const refreshToken = session.getRefreshToken();
  mark = calls.length;
  let signedOut = false;
  try {
    const result = await new Promise((resolve, reject) => signedIn.globalSignOut({
      onSuccess: resolve,
      onFailure: reject,
    }));
    signedOut = true;
    report('globalSignOut', true, { details: { result, calls: callsSince(mark) } });
  } catch (err) {
    report('globalSignOut', false, { ...failure(err), details: { calls: callsSince(mark) } });
  }
  if (signedOut) {
    try {
      const stale = new CognitoUser({ Username: username, Pool: pool });
      await nodeCallback((cb) => stale.refreshSession(refreshToken, cb));
      report('refreshAfterGlobalSignOut', false, { code: 'NoError', message: 'refresh token still accepted' });
    } catch (err) {
      report('refreshAfterGlobalSignOut', failure(err).code === 'NotAuthorizedException', failure(err));
    }
  } else {
    skipped('refreshAfterGlobalSignOut', 'globalSignOut');
  }

  // 9. signUp → confirmRegistration with the code from the outbox.
  mark = calls.length;
  let registered = false;
  try {
    const result = await nodeCallback((cb) => pool.signUp(signUpUsername, password,
      [new CognitoUserAttribute({ Name: 'email', Value: signUpEmail })], null, cb));
    registered = true;
    report('signUp', !result.userConfirmed, {
      details: { userConfirmed: result.userConfirmed, codeDeliveryDetails: result.codeDeliveryDetails,
        calls: callsSince(mark) },
    });
  } catch (err) {
    report('signUp', false, { ...failure(err), details: { calls: callsSince(mark) } });
  }
  let confirmed = false;
  if (registered) {
    mark = calls.length;
    try {
      const sent = await outboxCode(signUpUsername);
      const newcomer = new CognitoUser({ Username: signUpUsername, Pool: pool });
      const result = await nodeCallback((cb) => newcomer.confirmRegistration(sent.code, false, cb));
      confirmed = result === 'SUCCESS';
      report('confirmRegistration', confirmed, {
        details: { result, triggerSource: sent.triggerSource, calls: callsSince(mark) },
      });
    } catch (err) {
      report('confirmRegistration', false, { ...failure(err), details: { calls: callsSince(mark) } });
    }
  } else {
    skipped('confirmRegistration', 'signUp');
  }

  // 10. getAttributeVerificationCode('email') → verifyAttribute, signed in as the new user.
  let newcomer;
  let codeSent = false;
  if (confirmed) {
    newcomer = new CognitoUser({ Username: signUpUsername, Pool: pool });
    mark = calls.length;
    try {
      await signIn(newcomer, password);
      const delivery = await new Promise((resolve, reject) => newcomer.getAttributeVerificationCode('email', {
        onSuccess: resolve,
        onFailure: reject,
        inputVerificationCode: resolve,
      }));
      codeSent = true;
      report('getAttributeVerificationCode', true, { details: { delivery, calls: callsSince(mark) } });
    } catch (err) {
      report('getAttributeVerificationCode', false, { ...failure(err), details: { calls: callsSince(mark) } });
    }
  } else {
    skipped('getAttributeVerificationCode', 'confirmRegistration');
  }
  if (codeSent) {
    mark = calls.length;
    try {
      const sent = await outboxCode(signUpUsername);
      const result = await new Promise((resolve, reject) => newcomer.verifyAttribute('email', sent.code, {
        onSuccess: resolve,
        onFailure: reject,
      }));
      const attributes = await nodeCallback((cb) => newcomer.getUserAttributes(cb));
      const verified = attributes.find((a) => a.getName() === 'email_verified');
      report('verifyAttribute', result === 'SUCCESS', {
        details: { result, triggerSource: sent.triggerSource, emailVerified: verified && verified.getValue(),
          calls: callsSince(mark) },
      });
    } catch (err) {
      report('verifyAttribute', false, { ...failure(err), details: { calls: callsSince(mark) } });
    }
  } else {
    skipped('verifyAttribute', 'getAttributeVerificationCode');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    report('scenario', false, failure(err));
    process.stderr.write(`${err && err.stack}\n`);
    process.exit(1);
  },
);
