// The npm oidc-provider (a certified OpenID Provider) standing in for Sign in with Apple in
// FederationAppleIT, where the local server's test-only --social-provider-base-url points the
// SignInWithApple type here. What differs from plain OIDC is made to behave as Apple documents it:
//  - the client_secret at the token endpoint is Apple's ES256 JWT (iss = team id, sub = client id,
//    aud = https://appleid.apple.com, kid = key id). oidc-provider's own private_key_jwt cannot take
//    it (it demands iss = client_id, an aud naming itself and a jti), so this script verifies it with
//    jose (the JWT library oidc-provider is built on) against APPLE_PUBLIC_KEY before handing the
//    request to oidc-provider; a secret that fails gets Apple's 400 invalid_client. Every secret seen
//    is listed at GET /_test/client-secrets (verified or not, with its header and claims).
//  - response_mode=form_post is oidc-provider's own page whose form POSTs code and state to the
//    redirect URI, plus Apple's `user` JSON (name and email) the first time an account authorizes.
//  - Apple issues an ID token for the scopes `name email` alone; oidc-provider only with `openid`,
//    so that scope is added to authorization requests here.
// Prints {"issuer": "..."} once it listens.
import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';
import { importSPKI, jwtVerify, decodeJwt, decodeProtectedHeader } from 'jose';

const clientId = process.env.APPLE_CLIENT_ID;
const teamId = process.env.APPLE_TEAM_ID;
const keyId = process.env.APPLE_KEY_ID;
const publicKey = await importSPKI(process.env.APPLE_PUBLIC_KEY, 'ES256');
const innerSecret = crypto.randomBytes(32).toString('hex');
const innerMark = crypto.randomBytes(16).toString('hex');
const authorized = new Set();
const secretsSeen = [];

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: innerSecret,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  scopes: ['openid', 'email', 'name'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified', 'is_private_email'],
  },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: `${id}@privaterelay.appleid.com`, email_verified: true, is_private_email: true };
      },
    };
  },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

const escape = (value) =>
  String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// oidc-provider's own form_post page carries code, state and iss; Apple's also carries `user` the
// first time an account authorizes the client, added here to that page's form.
provider.use(async (ctx, next) => {
  await next();
  const account = ctx.oidc?.session?.accountId;
  if (
    typeof ctx.body !== 'string' ||
    !ctx.body.includes('<title>Submitting Callback</title>') ||
    ctx.body.includes('name="error"') ||
    !account ||
    authorized.has(account)
  ) {
    return;
  }
  authorized.add(account);
  const user = JSON.stringify({
    name: { firstName: `First-${account}`, lastName: `Last-${account}` },
    email: `${account}@privaterelay.appleid.com`,
  });
  ctx.body = ctx.body.replace('<noscript>', `<input type="hidden" name="user" value="${escape(user)}"/>\n    <noscript>`);
});
const callback = provider.callback();

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function verifySecret(secret) {
  const seen = { verified: false };
  try {
    seen.header = decodeProtectedHeader(secret);
    seen.claims = decodeJwt(secret);
  } catch {
    secretsSeen.push(seen);
    return false;
  }
  secretsSeen.push(seen);
  if (seen.header.kid !== keyId) {
    seen.reason = 'kid';
    return false;
  }
  try {
    await jwtVerify(secret, publicKey, {
      algorithms: ['ES256'],
      issuer: teamId,
      subject: clientId,
      audience: 'https://appleid.apple.com',
      requiredClaims: ['iat', 'exp'],
    });
  } catch (e) {
    seen.reason = e.code ?? String(e);
    return false;
  }
  seen.verified = true;
  return true;
}

async function appleToken(req, res) {
  const form = new URLSearchParams(await readBody(req));
  const secret = form.get('client_secret') ?? '';
  if (form.get('client_id') !== clientId || !(await verifySecret(secret))) {
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client' }));
    return;
  }
  form.set('client_secret', innerSecret);
  const inner = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-verified-apple-secret': innerMark },
    body: form.toString(),
  });
  res.writeHead(inner.status, { 'content-type': inner.headers.get('content-type') ?? 'application/json' });
  res.end(await inner.text());
}

server.on('request', (req, res) => {
  const url = new URL(req.url, issuer);
  if (req.method === 'POST' && url.pathname === '/token' && req.headers['x-verified-apple-secret'] !== innerMark) {
    appleToken(req, res).catch(() => res.writeHead(500).end());
    return;
  }
  if (req.method === 'GET' && url.pathname === '/_test/client-secrets') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(secretsSeen));
    return;
  }
  if (req.method === 'GET' && url.pathname === '/auth') {
    const scopes = new Set((url.searchParams.get('scope') ?? '').split(' ').filter(Boolean));
    if (!scopes.has('openid')) {
      url.searchParams.set('scope', ['openid', ...scopes].join(' '));
      req.url = url.pathname + url.search;
    }
  }
  callback(req, res);
});

console.log(JSON.stringify({ issuer }));
