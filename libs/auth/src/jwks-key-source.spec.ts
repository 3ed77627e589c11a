import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAuthSettings } from './auth-settings';
import { authVariables } from './auth-variables.fixture';
import { signJwt } from './jwt-encoding';
import { openTokenVerifier } from './open-token-verifier';
import { InvalidToken, SigningKeysUnavailable } from './token-errors';
import type { TokenVerifier } from './token-verifier';

const first = generateKeyPairSync('rsa', { modulusLength: 2048 });
const second = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: KeyObject, kid?: string) => ({
  ...key.export({ format: 'jwk' }),
  ...(kid ? { kid } : {}),
  use: 'sig',
  alg: 'RS256',
});

/** A local identity provider: serves whatever JWKS the test sets, counts reads, can fail on demand. */
function startJwksServer() {
  const state = { document: { keys: [] as object[] } as unknown, reads: 0, failing: false };
  const server: Server = createServer((_request, response) => {
    state.reads += 1;
    if (state.failing) {
      response.writeHead(503).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.document));
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`),
    ),
  );
  return { state, listening, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('token verifier: RS256 keys from a JWKS URL', () => {
  const idp = startJwksServer();
  let clock = Date.UTC(2026, 0, 15, 9);
  let verifier: TokenVerifier;
  const token = (privateKey: KeyObject, kid?: string, sub = 'head-le') =>
    signJwt(
      { sub, roles: ['head'], offices: ['HP'], exp: Math.floor(clock / 1000) + 600 },
      { algorithm: 'RS256', privateKey, kid },
    );

  beforeAll(async () => {
    const url = await idp.listening;
    const settings = loadAuthSettings(authVariables({ AUTH_JWKS_URL: url, AUTH_JWKS_CACHE_TTL_MS: 60_000 }), '/unused');
    verifier = openTokenVerifier(settings, { warn: () => undefined, now: () => clock });
  });
  afterAll(() => idp.close());
  beforeEach(() => {
    idp.state.document = { keys: [jwk(first.publicKey, 'k1'), jwk(second.publicKey, 'k2')] };
    idp.state.failing = false;
  });

  it('selects the key by kid and reads the document once while it is fresh', async () => {
    const before = idp.state.reads;
    await expect(verifier.verify(token(first.privateKey, 'k1'))).resolves.toMatchObject({ subject: 'head-le' });
    await expect(verifier.verify(token(second.privateKey, 'k2'))).resolves.toMatchObject({ subject: 'head-le' });
    expect(idp.state.reads - before).toBeLessThanOrEqual(1);
  });

  it('refuses a token whose kid names a key that did not sign it', async () => {
    await expect(verifier.verify(token(first.privateKey, 'k2'))).rejects.toThrow('the signature does not verify');
  });

  it('reads the document again after the TTL, so a removed key stops working', async () => {
    await verifier.verify(token(second.privateKey, 'k2'));
    idp.state.document = { keys: [jwk(first.publicKey, 'k1')] };
    clock += 61_000;
    await expect(verifier.verify(token(second.privateKey, 'k2'))).rejects.toThrow(
      new InvalidToken('no RS256 key with kid "k2" in the JWKS'),
    );
  });

  it('picks up a rotated key at once, but reads again for unknown kids at most once per interval', async () => {
    clock += 61_000;
    await verifier.verify(token(first.privateKey, 'k1'));
    const rotated = generateKeyPairSync('rsa', { modulusLength: 2048 });
    idp.state.document = { keys: [jwk(first.publicKey, 'k1'), jwk(rotated.publicKey, 'k3')] };
    clock += 10_000;
    await expect(verifier.verify(token(rotated.privateKey, 'k3'))).resolves.toBeDefined();
    const reads = idp.state.reads;
    await expect(verifier.verify(token(rotated.privateKey, 'made-up-1'))).rejects.toThrow(InvalidToken);
    await expect(verifier.verify(token(rotated.privateKey, 'made-up-2'))).rejects.toThrow(InvalidToken);
    expect(idp.state.reads).toBe(reads);
  });

  it('uses the only key when a token has no kid, and refuses when the set holds several', async () => {
    clock += 61_000;
    await expect(verifier.verify(token(first.privateKey))).rejects.toThrow(/no kid/);
    idp.state.document = { keys: [jwk(first.publicKey)] };
    clock += 61_000;
    await expect(verifier.verify(token(first.privateKey))).resolves.toBeDefined();
  });

  it('ignores keys that are not RSA signing keys for RS256', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    idp.state.document = {
      keys: [
        { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec' },
        { ...jwk(second.publicKey, 'enc'), use: 'enc' },
        jwk(first.publicKey, 'k1'),
      ],
    };
    clock += 61_000;
    await expect(verifier.verify(token(first.privateKey))).resolves.toBeDefined();
  });

  it('keeps using a cached key while the provider is down, and answers unavailable when it has none', async () => {
    clock += 61_000;
    await verifier.verify(token(first.privateKey, 'k1'));
    idp.state.failing = true;
    clock += 61_000;
    await expect(verifier.verify(token(first.privateKey, 'k1'))).resolves.toBeDefined();
    clock += 10_000;
    await expect(verifier.verify(token(second.privateKey, 'k-new'))).rejects.toThrow(SigningKeysUnavailable);
  });
});
