// Amplify JS v6 passkeys against the local Userpool server, as a browser app would use them: sign in with the
// password, associateWebAuthnCredential, listWebAuthnCredentials, sign out, signIn with USER_AUTH and preferred
// challenge WEB_AUTHN (Amplify answers the WEB_AUTHN challenge itself through navigator.credentials.get), then
// deleteWebAuthnCredential. Node has no WebAuthn, so this file gives Amplify the browser globals it checks
// (window, document, isSecureContext, navigator.credentials, PublicKeyCredential and the response classes) backed
// by a software authenticator: a P-256 key made with node:crypto, an honest ES256 signature over
// authenticatorData ‖ SHA-256(clientDataJSON), the attestation object in CBOR ('none'), the origin ORIGIN.
// Prints one JSON line per step. Environment: ENDPOINT, USER_POOL_ID, CLIENT_ID, USERNAME, PASSWORD, ORIGIN.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const { ENDPOINT, USER_POOL_ID, CLIENT_ID, USERNAME, PASSWORD, ORIGIN } = process.env;
const print = (step, value) => console.log(JSON.stringify({ step, ...value }));

// --- the software authenticator ---------------------------------------------------------------------------
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const bytesOf = (bufferSource) => Buffer.from(bufferSource instanceof ArrayBuffer
  ? new Uint8Array(bufferSource) : new Uint8Array(bufferSource.buffer, bufferSource.byteOffset, bufferSource.byteLength));
const arrayBuffer = (buf) => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
const sha256 = (data) => createHash('sha256').update(data).digest();

// The CBOR subset WebAuthn needs (RFC 8949): integers, byte and text strings, maps.
function cborHead(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) { const b = Buffer.alloc(3); b[0] = (major << 5) | 25; b.writeUInt16BE(n, 1); return b; }
  const b = Buffer.alloc(5); b[0] = (major << 5) | 26; b.writeUInt32BE(n, 1); return b;
}
function cbor(value) {
  if (typeof value === 'number') return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (Buffer.isBuffer(value)) return Buffer.concat([cborHead(2, value.length), value]);
  if (typeof value === 'string') { const t = Buffer.from(value, 'utf8'); return Buffer.concat([cborHead(3, t.length), t]); }
  if (value instanceof Map) {
    return Buffer.concat([cborHead(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  }
  throw new Error('no CBOR for ' + typeof value);
}

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = publicKey.export({ format: 'jwk' });
const credentialId = randomBytes(32);
let counter = 0;
let userHandle = null;

function authenticatorData(rpId, attested) {
  counter += 1;
  const count = Buffer.alloc(4); count.writeUInt32BE(counter);
  const flags = 0x01 | 0x04 | (attested ? 0x40 : 0); // UP, UV, AT
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, attested ?? Buffer.alloc(0)]);
}
function clientData(type, challenge) {
  return Buffer.from(JSON.stringify({ type, challenge: b64url(bytesOf(challenge)), origin: ORIGIN, crossOrigin: false }));
}

class AuthenticatorResponse {}
class AuthenticatorAttestationResponse extends AuthenticatorResponse {}
class AuthenticatorAssertionResponse extends AuthenticatorResponse {}
class PublicKeyCredential {
  constructor(response) {
    this.id = b64url(credentialId); this.rawId = arrayBuffer(credentialId); this.type = 'public-key';
    this.authenticatorAttachment = 'platform'; this.response = response;
  }
  getClientExtensionResults() { return {}; }
}

const credentials = {
  async create({ publicKey: options }) {
    userHandle = bytesOf(options.user.id);
    const coseKey = cbor(new Map([[1, 2], [3, -7], [-1, 1],
      [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
    const idLength = Buffer.alloc(2); idLength.writeUInt16BE(credentialId.length);
    const authData = authenticatorData(options.rp.id,
      Buffer.concat([Buffer.alloc(16), idLength, credentialId, coseKey]));
    const data = clientData('webauthn.create', options.challenge);
    const response = Object.assign(new AuthenticatorAttestationResponse(), {
      clientDataJSON: arrayBuffer(data),
      attestationObject: arrayBuffer(cbor(new Map([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]))),
      getTransports: () => ['internal'],
      getPublicKeyAlgorithm: () => -7,
      getAuthenticatorData: () => arrayBuffer(authData),
      getPublicKey: () => null,
    });
    return new PublicKeyCredential(response);
  },
  async get({ publicKey: options }) {
    const allowed = (options.allowCredentials ?? []).some((c) => bytesOf(c.id).equals(credentialId));
    if (!allowed) throw Object.assign(new Error('no matching passkey'), { name: 'NotAllowedError' });
    const authData = authenticatorData(options.rpId, null);
    const data = clientData('webauthn.get', options.challenge);
    const signature = sign('sha256', Buffer.concat([authData, sha256(data)]), privateKey);
    const response = Object.assign(new AuthenticatorAssertionResponse(), {
      clientDataJSON: arrayBuffer(data), authenticatorData: arrayBuffer(authData),
      signature: arrayBuffer(signature), userHandle: arrayBuffer(userHandle),
    });
    return new PublicKeyCredential(response);
  },
};

// --- the browser globals Amplify checks (getIsPasskeySupported, the credential type assertions) --------------
Object.assign(globalThis, { PublicKeyCredential, AuthenticatorAttestationResponse, AuthenticatorAssertionResponse });
globalThis.window = globalThis;
// Amplify's session listener subscribes to visibility changes (nothing here changes it) and its framework
// detection looks for elements (there are none).
globalThis.document = {
  visibilityState: 'visible', addEventListener() {}, removeEventListener() {},
  querySelector: () => null, querySelectorAll: () => [], getElementById: () => null,
};
globalThis.addEventListener ??= () => {};
globalThis.removeEventListener ??= () => {};
globalThis.isSecureContext = true;
Object.defineProperty(globalThis, 'navigator', {
  value: { credentials, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) userpool-test' }, configurable: true,
});

// --- the app ------------------------------------------------------------------------------------------------
const { Amplify } = await import('aws-amplify');
const { signIn, signOut, associateWebAuthnCredential, listWebAuthnCredentials, deleteWebAuthnCredential,
  getCurrentUser } = await import('aws-amplify/auth');
Amplify.configure({
  Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: ENDPOINT } },
});

try {
  const withPassword = await signIn({ username: USERNAME, password: PASSWORD,
    options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  print('passwordSignIn', { isSignedIn: withPassword.isSignedIn });
  await associateWebAuthnCredential();
  const listed = await listWebAuthnCredentials();
  print('associated', { count: listed.credentials.length, credentialId: listed.credentials[0]?.credentialId,
    relyingPartyId: listed.credentials[0]?.relyingPartyId, ownId: b64url(credentialId) });
  await signOut();
  const withPasskey = await signIn({ username: USERNAME,
    options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } });
  const user = await getCurrentUser();
  print('passkeySignIn', { isSignedIn: withPasskey.isSignedIn, signInStep: withPasskey.nextStep.signInStep,
    username: user.username, counter });
  await deleteWebAuthnCredential({ credentialId: b64url(credentialId) });
  print('deleted', { count: (await listWebAuthnCredentials()).credentials.length });
} catch (e) {
  print('error', { name: e.name, message: e.message, underlying: String(e.underlyingError ?? '') });
  process.exitCode = 1;
}
