import { generateKeyPairSync, createHmac, type KeyObject } from 'node:crypto';
import { encodeJson, signJwt } from './jwt-encoding';
import { createTokenVerifier, type VerificationKey } from './token-verifier';
import { InvalidToken } from './token-errors';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const NOW_S = NOW / 1000;
const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const checks = { clockSkewSeconds: 30, maxLifetimeSeconds: 86_400 };
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'chv-tran-b',
  roles: ['officer'],
  offices: ['HP-NGO-QUYEN'],
  iat: NOW_S,
  exp: NOW_S + 3600,
  ...extra,
});
const hs = (extra: Record<string, unknown> = {}, secret = SECRET) =>
  signJwt(claims(extra), { algorithm: 'HS256', secret });
const rs = (extra: Record<string, unknown> = {}, privateKey: KeyObject = rsa.privateKey) =>
  signJwt(claims(extra), { algorithm: 'RS256', privateKey });
const verifier = (key: VerificationKey, extraChecks: Record<string, unknown> = {}) =>
  createTokenVerifier(key, { ...checks, ...extraChecks }, () => NOW);
const hsVerifier = verifier({ algorithm: 'HS256', secret: SECRET });
const rsVerifier = verifier({ algorithm: 'RS256', publicKey: rsa.publicKey });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidToken);
  return (error as Error).message;
}

describe('token verifier: HS256', () => {
  it('accepts a token signed with the secret and returns subject, roles and offices', async () => {
    await expect(hsVerifier.verify(hs())).resolves.toEqual({
      subject: 'chv-tran-b',
      roles: ['officer'],
      offices: ['HP-NGO-QUYEN'],
      expiresAt: NOW_S + 3600,
    });
  });

  it('refuses a token signed with another secret, and one whose payload was changed after signing', async () => {
    expect(await refusal(hsVerifier.verify(hs({}, 'another-secret-of-at-least-32-bytes!!')))).toBe(
      'the signature does not verify',
    );
    const [header, , signature] = hs().split('.');
    const forged = `${header}.${encodeJson(claims({ roles: ['admin'] }))}.${signature}`;
    expect(await refusal(hsVerifier.verify(forged))).toBe('the signature does not verify');
  });

  it('drops roles it does not know, and keeps each role and office once', async () => {
    const verified = await hsVerifier.verify(hs({ roles: ['head', 'superuser', 'head'], offices: ['HP', 'HP'] }));
    expect(verified).toMatchObject({ roles: ['head'], offices: ['HP'] });
  });
});

describe('token verifier: RS256 with a PEM public key', () => {
  it('accepts a token signed with the matching private key', async () => {
    await expect(rsVerifier.verify(rs())).resolves.toMatchObject({ subject: 'chv-tran-b', roles: ['officer'] });
  });

  it('refuses a token signed with another key pair', async () => {
    expect(await refusal(rsVerifier.verify(rs({}, otherRsa.privateKey)))).toBe('the signature does not verify');
  });
});

describe('token verifier: algorithm confusion', () => {
  const unsigned = `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(claims({ roles: ['admin'] }))}.`;

  it('refuses alg none on either mode', async () => {
    expect(await refusal(hsVerifier.verify(unsigned))).toBe(
      'alg "none" is not accepted; this server accepts HS256 only',
    );
    expect(await refusal(rsVerifier.verify(unsigned))).toBe(
      'alg "none" is not accepted; this server accepts RS256 only',
    );
  });

  it('refuses an HS256 token on an RS256 server, even one whose HMAC key is the public key itself', async () => {
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const signingInput = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(claims({ roles: ['admin'] }))}`;
    const confused = `${signingInput}.${createHmac('sha256', publicPem).update(signingInput).digest('base64url')}`;
    expect(await refusal(rsVerifier.verify(confused))).toMatch(/^alg "HS256" is not accepted/);
  });

  it('refuses an RS256 token on an HS256 server', async () => {
    expect(await refusal(hsVerifier.verify(rs()))).toMatch(/^alg "RS256" is not accepted/);
  });

  it('refuses a header with crit extensions', async () => {
    const signingInput = `${encodeJson({ alg: 'HS256', crit: ['exp'] })}.${encodeJson(claims())}`;
    const token = `${signingInput}.${createHmac('sha256', SECRET).update(signingInput).digest('base64url')}`;
    expect(await refusal(hsVerifier.verify(token))).toMatch(/crit/);
  });
});

describe('token verifier: time claims', () => {
  it('accepts a token that expired within the clock skew, refuses one beyond it', async () => {
    await expect(hsVerifier.verify(hs({ exp: NOW_S - 29 }))).resolves.toBeDefined();
    expect(await refusal(hsVerifier.verify(hs({ exp: NOW_S - 30 })))).toBe('the token has expired');
  });

  it('refuses a token living longer than the configured maximum, from iat or, without iat, from now', async () => {
    await expect(hsVerifier.verify(hs({ exp: NOW_S + 86_400 }))).resolves.toBeDefined();
    expect(await refusal(hsVerifier.verify(hs({ exp: NOW_S + 86_400 + 31 })))).toBe(
      'the token lives longer than the 86400 s this server accepts',
    );
    expect(await refusal(hsVerifier.verify(hs({ exp: 1e15 })))).toMatch(/lives longer/);
    expect(await refusal(hsVerifier.verify(hs({ iat: undefined, exp: NOW_S + 90_000 })))).toMatch(/lives longer/);
    await expect(hsVerifier.verify(hs({ iat: NOW_S - 80_000, exp: NOW_S + 6_000 }))).resolves.toBeDefined();
  });

  it('refuses a token without exp', async () => {
    expect(await refusal(hsVerifier.verify(hs({ exp: undefined })))).toMatch(/no "exp"/);
  });

  it('honours nbf with the skew', async () => {
    await expect(hsVerifier.verify(hs({ nbf: NOW_S + 30 }))).resolves.toBeDefined();
    expect(await refusal(hsVerifier.verify(hs({ nbf: NOW_S + 31 })))).toBe('the token is not valid yet (nbf)');
  });

  it('refuses a token issued in the future and non-numeric dates', async () => {
    expect(await refusal(hsVerifier.verify(hs({ iat: NOW_S + 120 })))).toMatch(/issued in the future/);
    expect(await refusal(hsVerifier.verify(hs({ exp: '2099-01-01' })))).toMatch(/"exp" must be a number/);
  });
});

describe('token verifier: issuer and audience', () => {
  const strict = verifier(
    { algorithm: 'HS256', secret: SECRET },
    { issuer: 'https://id.thads.vn', audience: 'thads-engine' },
  );

  it('accepts the configured issuer with the audience as a string or in an array', async () => {
    await expect(strict.verify(hs({ iss: 'https://id.thads.vn', aud: 'thads-engine' }))).resolves.toBeDefined();
    await expect(
      strict.verify(hs({ iss: 'https://id.thads.vn', aud: ['other', 'thads-engine'] })),
    ).resolves.toBeDefined();
  });

  it('refuses another issuer, another audience, or none', async () => {
    expect(await refusal(strict.verify(hs({ iss: 'https://evil.example', aud: 'thads-engine' })))).toMatch(/issuer/);
    expect(await refusal(strict.verify(hs({ iss: 'https://id.thads.vn', aud: 'other' })))).toMatch(/audience/);
    expect(await refusal(strict.verify(hs()))).toMatch(/issuer/);
  });
});

describe('token verifier: malformed tokens and claims', () => {
  it.each([
    ['an empty string', ''],
    ['two parts', 'abc.def'],
    ['four parts', 'a.b.c.d'],
    ['characters outside base64url', 'ab+c.de/f.ghi'],
    ['a header that is not JSON', `${Buffer.from('nope').toString('base64url')}.${encodeJson(claims())}.sig`],
    ['a payload that is a JSON array', `${encodeJson({ alg: 'HS256' })}.${encodeJson([1])}.sig`],
    ['an oversized token', `${encodeJson({ alg: 'HS256' })}.${'a'.repeat(9000)}.sig`],
  ])('refuses %s', async (_label, token) => {
    await refusal(hsVerifier.verify(token));
  });

  it.each([
    ['no sub', { sub: undefined }, /"sub"/],
    ['a sub with spaces', { sub: 'chv tran' }, /"sub"/],
    ['roles that are not an array', { roles: 'admin' }, /"roles"/],
    ['an office id with a slash', { offices: ['HP/1'] }, /"offices"/],
  ])('refuses a signed token with %s', async (_label, extra, message) => {
    expect(await refusal(hsVerifier.verify(hs(extra)))).toMatch(message);
  });

  it('gives a token without roles or offices no rights rather than refusing it', async () => {
    await expect(hsVerifier.verify(hs({ roles: undefined, offices: undefined }))).resolves.toMatchObject({
      roles: [],
      offices: [],
    });
  });
});

describe('token verifier: remembered signatures', () => {
  it('judges the time claims of a token it has seen on every request', async () => {
    let now = NOW;
    const moving = createTokenVerifier({ algorithm: 'HS256', secret: SECRET }, checks, () => now);
    const token = hs({ exp: NOW_S + 60 });
    await expect(moving.verify(token)).resolves.toMatchObject({ subject: 'chv-tran-b' });
    now = NOW + 91_000;
    expect(await refusal(moving.verify(token))).toBe('the token has expired');
  });

  it('refuses a forged token on every try, however often a good one with the same claims was accepted', async () => {
    const good = hs();
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.${hs({}, 'another-secret-of-at-least-32-bytes!').split('.')[2]}`;
    await hsVerifier.verify(good);
    for (let i = 0; i < 3; i++) expect(await refusal(hsVerifier.verify(forged))).toBe('the signature does not verify');
  });

  it('checks again once the key set no longer gives the key a token was checked against', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let current = rsa.publicKey;
    const keyFor = jest.fn(async () => current);
    const rotating = verifier({ algorithm: 'RS256', jwks: { keyFor } });
    const token = rs({}, rsa.privateKey);
    await expect(rotating.verify(token)).resolves.toBeDefined();
    await expect(rotating.verify(token)).resolves.toBeDefined();
    current = other.publicKey;
    expect(await refusal(rotating.verify(token))).toBe('the signature does not verify');
    await expect(rotating.verify(rs({}, other.privateKey))).resolves.toBeDefined();
  });
});
