import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthSettings } from './auth-settings';
import { authVariables } from './auth-variables.fixture';
import { readOrCreateDevelopmentSecret } from './development-secret';
import { mintDevelopmentToken, whyNoDevelopmentTokens } from './development-token';
import { openTokenVerifier } from './open-token-verifier';

const NOW = Date.UTC(2026, 0, 15, 9);

describe('development secret and tokens', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-dev-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates the secret once, readable by its owner only, and reads the same one afterwards', () => {
    const file = join(dataDir, 'nested', 'dev-jwt-secret');
    const created = readOrCreateDevelopmentSecret(file);
    expect(created.created).toBe(true);
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateDevelopmentSecret(file)).toEqual({ secret: created.secret, created: false });
  });

  it('creates the secret owner-only and refuses one others can read', () => {
    const file = join(dataDir, 'fresh', 'dev-jwt-secret');
    readOrCreateDevelopmentSecret(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    expect(() => readOrCreateDevelopmentSecret(file)).toThrow(/open to other users \(mode 0644\); run chmod 600/);
  });

  it('refuses a secret file that was cut short', () => {
    const file = join(dataDir, 'dev-jwt-secret');
    writeFileSync(file, 'short\n', { mode: 0o600 });
    expect(() => readOrCreateDevelopmentSecret(file)).toThrow(/shorter than 32 bytes; delete the file/);
  });

  it('mints a token the API verifier accepts, and says loudly that a development secret is in use', async () => {
    const settings = loadAuthSettings(authVariables(), dataDir);
    const token = mintDevelopmentToken(settings, {
      subject: 'chv-tran-b',
      roles: ['officer'],
      offices: ['HP-NGO-QUYEN'],
      ttlSeconds: 8 * 3600,
      now: NOW,
    });
    const warnings: string[] = [];
    const verifier = openTokenVerifier(settings, { warn: (message) => warnings.push(message), now: () => NOW });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'chv-tran-b',
      roles: ['officer'],
      offices: ['HP-NGO-QUYEN'],
      expiresAt: NOW / 1000 + 8 * 3600,
    });
    expect(warnings.join('\n')).toMatch(/DEVELOPMENT SECRET IN USE.*generated on an earlier start/s);
    expect(readFileSync(join(dataDir, 'dev-jwt-secret'), 'utf8').trim()).toHaveLength(43);
  });

  it.each([
    [{ AUTH_JWT_SECRET: 's'.repeat(32) }, /^AUTH_JWT_SECRET is set/],
    [{ AUTH_JWKS_URL: 'https://id.thads.vn/jwks' }, /^AUTH_JWKS_URL is set/],
  ])('refuses to mint under %j, naming why', (env, reason) => {
    const settings = loadAuthSettings(authVariables(env), dataDir);
    expect(whyNoDevelopmentTokens(settings)).toMatch(reason);
    expect(() =>
      mintDevelopmentToken(settings, { subject: 'x', roles: ['admin'], offices: [], ttlSeconds: 60, now: NOW }),
    ).toThrow(/^No development token: AUTH_/);
  });
});
