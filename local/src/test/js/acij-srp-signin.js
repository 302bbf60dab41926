'use strict';
// One SRP sign-in with the real amazon-cognito-identity-js, its default flow (USER_SRP_AUTH), against a Userpool
// server. Prints one JSON line: {"ok":true,"sub":...} or {"ok":false,"code":...,"message":...}; exits 0 either way
// and 1 only when the script itself broke.
//
// Environment: USERPOOL_ENDPOINT, USERPOOL_POOL_ID, USERPOOL_CLIENT_ID, USERPOOL_USERNAME, USERPOOL_PASSWORD.

const { CognitoUserPool, CognitoUser, AuthenticationDetails } = require('amazon-cognito-identity-js');

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

const pool = new CognitoUserPool({
  UserPoolId: env('USERPOOL_POOL_ID'),
  ClientId: env('USERPOOL_CLIENT_ID'),
  endpoint: `${env('USERPOOL_ENDPOINT').replace(/\/+$/, '')}/`,
});
const user = new CognitoUser({ Username: env('USERPOOL_USERNAME'), Pool: pool });
user.authenticateUser(
  new AuthenticationDetails({ Username: env('USERPOOL_USERNAME'), Password: env('USERPOOL_PASSWORD') }),
  {
    onSuccess: (session) => {
      console.log(JSON.stringify({ ok: true, sub: session.getIdToken().decodePayload().sub }));
    },
    onFailure: (err) => {
      console.log(JSON.stringify({ ok: false, code: err.code, message: err.message }));
    },
  },
);
