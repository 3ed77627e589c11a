import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthSettings, openTokenVerifier } from '@thads/auth';
import { readEngineEnvironment } from '@thads/config';
import { runCliCaptured } from '../testing/run-cli-captured';

describe('cli token', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-cli-token-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (env: NodeJS.ProcessEnv, ...argv: string[]) =>
    runCliCaptured(['token', ...argv], { DATA_DIR: dataDir, ...env }, []);

  it('prints a development token the API accepts, and says on stderr what it grants', async () => {
    const run = await cli({}, '--role', 'officer', '--office', 'HP-NGO-QUYEN', '--sub', 'chv-tran-b', '--ttl', '2h');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^Development token for chv-tran-b \(officer at HP-NGO-QUYEN\), valid until .*dev-jwt-secret\nConsole: http:\/\/localhost:3000\/#token=[\w-]+\.[\w-]+\.[\w-]+\n$/,
    );
    expect(run.stderr).toContain(`#token=${run.stdout.trim()}`);
    const verifier = openTokenVerifier(loadAuthSettings(readEngineEnvironment({}), dataDir), { warn: () => undefined });
    const verified = await verifier.verify(run.stdout.trim());
    expect(verified).toMatchObject({ subject: 'chv-tran-b', roles: ['officer'], offices: ['HP-NGO-QUYEN'] });
    expect(verified.expiresAt - Date.now() / 1000).toBeGreaterThan(7100);
  });

  it('takes lists of roles and offices, defaults the subject, and answers JSON with --json', async () => {
    const run = await cli({}, '--role', 'head,officer', '--office=HP,HP-NGO-QUYEN', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      sub: 'dev-head',
      roles: ['head', 'officer'],
      offices: ['HP', 'HP-NGO-QUYEN'],
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      consoleUrl: expect.stringMatching(/^http:\/\/localhost:3000\/#token=/),
    });
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'a-configured-secret-of-32-bytes-or-more' }, /No development token: AUTH_JWT_SECRET is set/],
    [{ AUTH_JWKS_URL: 'https://id.thads.vn/jwks.json' }, /No development token: AUTH_JWKS_URL is set/],
    [{ AUTH_JWT_SECRET: 'short' }, /Configuration error: AUTH_JWT_SECRET must be at least 32 bytes/],
  ])('refuses under %j, naming why, and writes no secret', async (env, message) => {
    const run = await cli(env, '--role', 'auditor');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dataDir, 'dev-jwt-secret'))).toBe(false);
  });

  it.each([
    [[], /--role is required/],
    [
      ['--role', 'superuser'],
      /--role must be one or more of officer, head, auditor, admin, reporting, got "superuser"/,
    ],
    [['--role', 'officer'], /--office is needed for officer and head/],
    [
      ['--role', 'auditor', '--ttl', '1y'],
      /--ttl must be a duration from 1m to 86400s \(AUTH_MAX_TOKEN_LIFETIME_SECONDS\)/,
    ],
    [['--role', 'auditor', '--ttl', '2d'], /--ttl must be a duration/],
    [['--role', 'auditor', '--sub', 'two words'], /--sub must be/],
    [['--role', 'officer', '--office', 'HP/1'], /--office must be office ids/],
  ])('refuses %j as a usage error naming the argument', async (argv, message) => {
    const run = await cli({}, ...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
