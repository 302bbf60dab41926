// The code flow with PKCE as the certified relying party openid-client runs it against the local server:
// discovery → authorization URL → the hosted sign-in page (driven with plain HTTP, like a browser without
// JavaScript) → code exchange with ID token validation (issuer, audience, nonce, signature) → userinfo → refresh.
// Each step prints one JSON line {"step", "ok", ...}; OpenIdClientIT decides what must pass.
import * as client from 'openid-client';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const endpoint = env('USERPOOL_ENDPOINT');
const poolId = env('USERPOOL_POOL_ID');
const clientId = env('USERPOOL_CLIENT_ID');
const redirectUri = env('USERPOOL_REDIRECT_URI');
const username = env('USERPOOL_USERNAME');
const password = env('USERPOOL_PASSWORD');

const report = (step, ok, extra = {}) => console.log(JSON.stringify({ step, ok, ...extra }));

async function step(name, fn) {
  try {
    const extra = await fn();
    report(name, true, extra ?? {});
    return extra;
  } catch (e) {
    report(name, false, { error: String(e && e.stack || e), code: e && e.code, cause: String(e && e.cause) });
    throw e;
  }
}

// a minimal cookie jar for the hosted pages
const jar = new Map();
function remember(response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (!value || /Max-Age=0/i.test(line)) jar.delete(name); else jar.set(name, value);
  }
  return response;
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const get = async (url) => remember(await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } }));

try {
  const config = await step('discovery', async () => {
    const c = await client.discovery(new URL(`${endpoint}/${poolId}`), clientId, undefined, client.None(),
      { execute: [client.allowInsecureRequests] });
    const m = c.serverMetadata();
    return { config: c, issuer: m.issuer, authorization_endpoint: m.authorization_endpoint,
      token_endpoint: m.token_endpoint, userinfo_endpoint: m.userinfo_endpoint };
  }).then((r) => r.config);

  const verifier = client.randomPKCECodeVerifier();
  const challenge = await client.calculatePKCECodeChallenge(verifier);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authUrl = client.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid email profile',
    code_challenge: challenge, code_challenge_method: 'S256', state, nonce });

  const callback = await step('hostedSignIn', async () => {
    const authorize = await get(authUrl);
    if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}`);
    const loginUrl = new URL(authorize.headers.get('location'), endpoint);
    const page = await get(loginUrl);
    const html = await page.text();
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2]);
    form.set('username', username);
    form.set('password', password);
    const posted = remember(await fetch(loginUrl, { method: 'POST', redirect: 'manual', body: form,
      headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } }));
    if (posted.status !== 302) throw new Error(`login answered ${posted.status}: ${await posted.text()}`);
    return { url: posted.headers.get('location') };
  }).then((r) => r.url);

  const tokens = await step('authorizationCodeGrant', async () => {
    const t = await client.authorizationCodeGrant(config, new URL(callback),
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const claims = t.claims();
    return { tokens: t, sub: claims.sub, nonce: claims.nonce, aud: claims.aud, email: claims.email,
      scope: t.scope, token_type: t.token_type, hasRefresh: Boolean(t.refresh_token) };
  }).then((r) => r.tokens);

  await step('userinfo', async () => {
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
    return { sub: info.sub, email: info.email, username: info.username };
  });

  await step('refreshTokenGrant', async () => {
    const r = await client.refreshTokenGrant(config, tokens.refresh_token);
    const claims = r.claims();
    return { sub: claims.sub, hasAccessToken: Boolean(r.access_token) };
  });

  await step('codeReuseRefused', async () => {
    try {
      await client.authorizationCodeGrant(config, new URL(callback),
        { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    } catch (e) {
      return { error: e.error ?? e.code };
    }
    throw new Error('a used code was accepted');
  });
} catch (e) {
  process.exitCode = 1;
}
