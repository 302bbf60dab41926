// A real, certified OpenID Provider (the oidc-provider package) for FederationOidcIT: one
// confidential client whose redirect URI is the pool domain's /oauth2/idpresponse, the package's
// own login and consent pages (devInteractions: any login name is an account), email and profile
// claims served by userinfo. Prints {"issuer": "..."} once it listens; a test may change an
// account's name with POST /_test/name?account=A&name=N to see updates reach the pool.
// FederationSocialIT, where it stands in for Google, fixes the port (OIDC_PORT) and has the ID
// token carry the granted scopes' claims as Google's does (OIDC_ID_TOKEN_CLAIMS=all). With
// OIDC_PROFILE_IDS=1 its userinfo path answers as Facebook's and Amazon's profile endpoints do
// (the user as `id` and `user_id` rather than OIDC's `sub`): the bearer
// token is looked up in oidc-provider's own token store, so only tokens it issued are honoured.
import http from 'node:http';
import Provider from 'oidc-provider';

const names = new Map();

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: `${id}@idp.example`,
          email_verified: true,
          name: names.get(id) ?? `${id} at the provider`,
        };
      },
    };
  },
  conformIdTokenClaims: process.env.OIDC_ID_TOKEN_CLAIMS !== 'all',
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;
const callback = provider.callback();

async function profile(req, res) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? await provider.AccessToken.find(header.slice(7)) : undefined;
  if (!token || token.isExpired) {
    res.writeHead(401).end();
    return;
  }
  const id = token.accountId;
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      id,
      user_id: `amzn1.account.${id}`,
      name: names.get(id) ?? `${id} at the provider`,
      email: `${id}@idp.example`,
    }),
  );
}

server.on('request', (req, res) => {
  const url = new URL(req.url, issuer);
  if (process.env.OIDC_PROFILE_IDS === '1' && req.method === 'GET' && url.pathname === '/me') {
    profile(req, res).catch(() => res.writeHead(500).end());
    return;
  }
  if (req.method === 'POST' && url.pathname === '/_test/name') {
    names.set(url.searchParams.get('account'), url.searchParams.get('name'));
    res.writeHead(204).end();
    return;
  }
  callback(req, res);
});

console.log(JSON.stringify({ issuer }));
