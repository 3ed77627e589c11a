import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidAuthSettings, loadAuthSettings as loadFrom, type AuthVariables } from './auth-settings';
import { authVariables } from './auth-variables.fixture';

const loadAuthSettings = (given: Partial<AuthVariables>, dataDir: string) => loadFrom(authVariables(given), dataDir);

const pem = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const SECRET = 's'.repeat(32);

describe('loadAuthSettings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thads-auth-settings-'));
  const rsaPem = pem(2048);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given nothing, then tokens are HS256 with the development secret under DATA_DIR', () => {
    expect(loadAuthSettings({}, '/var/thads')).toEqual({
      mode: 'development-secret',
      algorithm: 'HS256',
      secretFile: '/var/thads/dev-jwt-secret',
      clockSkewSeconds: 30,
      maxLifetimeSeconds: 86_400,
    });
  });

  it('given AUTH_JWT_SECRET, issuer, audience and skew, then HS256 with that secret and those checks', () => {
    expect(
      loadAuthSettings(
        {
          AUTH_JWT_SECRET: SECRET,
          AUTH_JWT_ISSUER: 'https://id',
          AUTH_JWT_AUDIENCE: 'thads',
          AUTH_CLOCK_SKEW_SECONDS: 5,
        },
        '/d',
      ),
    ).toEqual({
      mode: 'shared-secret',
      algorithm: 'HS256',
      secret: SECRET,
      issuer: 'https://id',
      audience: 'thads',
      clockSkewSeconds: 5,
      maxLifetimeSeconds: 86_400,
    });
  });

  it('given a PEM public key inline (with literal \\n) or in a file, then RS256 with it', () => {
    expect(loadAuthSettings({ AUTH_JWT_PUBLIC_KEY: rsaPem.replace(/\n/g, '\\n') }, '/d')).toMatchObject({
      mode: 'public-key',
      algorithm: 'RS256',
      publicKeyPem: rsaPem,
    });
    const file = join(dir, 'key.pem');
    writeFileSync(file, rsaPem);
    expect(loadAuthSettings({ AUTH_JWT_PUBLIC_KEY_FILE: file }, '/d')).toMatchObject({
      mode: 'public-key',
      publicKeyPem: rsaPem,
    });
  });

  it('given a JWKS URL, then RS256 from it with a cache TTL', () => {
    expect(loadAuthSettings({ AUTH_JWKS_URL: 'https://id.thads.vn/jwks.json' }, '/d')).toMatchObject({
      mode: 'jwks',
      algorithm: 'RS256',
      jwksUrl: 'https://id.thads.vn/jwks.json',
      jwksCacheTtlMs: 600_000,
    });
    expect(loadAuthSettings({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }, '/d')).toMatchObject({ mode: 'jwks' });
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'short' }, /^AUTH_JWT_SECRET must be at least 32 bytes/],
    [{ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://x/jwks' }, /^AUTH_JWT_SECRET and AUTH_JWKS_URL are both set/],
    [{ AUTH_JWT_PUBLIC_KEY: 'not a key' }, /^AUTH_JWT_PUBLIC_KEY is not a public key/],
    [{ AUTH_JWT_PUBLIC_KEY_FILE: '/no/such/key.pem' }, /^AUTH_JWT_PUBLIC_KEY_FILE cannot be read/],
    [{ AUTH_JWKS_URL: 'http://id.thads.vn/jwks' }, /^AUTH_JWKS_URL must be https:\/\//],
    [{ AUTH_JWKS_URL: 'not a url' }, /^AUTH_JWKS_URL must be a URL/],
    [{ NODE_ENV: 'production' }, /^NODE_ENV=production needs a configured token key: set one of AUTH_JWT_SECRET, /],
  ])('given %j, then it stops with a message naming the variable', (env, message) => {
    expect(() => loadAuthSettings(env, '/d')).toThrow(InvalidAuthSettings);
    expect(() => loadAuthSettings(env, '/d')).toThrow(message);
  });

  it('refuses RSA keys under 2048 bits and keys that are not RSA', () => {
    expect(() => loadAuthSettings({ AUTH_JWT_PUBLIC_KEY: pem(1024) }, '/d')).toThrow(/at least 2048 bits, got 1024/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => loadAuthSettings({ AUTH_JWT_PUBLIC_KEY: ec }, '/d')).toThrow(/must be an RSA key for RS256, got ec/);
  });
});
