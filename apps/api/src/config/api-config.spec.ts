import { resolve } from 'node:path';
import { InvalidConfiguration, loadApiConfig } from './api-config';

const KEY = { AUTH_JWT_SECRET: 's'.repeat(32) };

describe('loadApiConfig', () => {
  it('given no variables, then it uses the embedded defaults', () => {
    expect(loadApiConfig({})).toEqual({
      production: false,
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      eventStoreUrl: 'sqlite:data/events.db',
      readModelUrl: 'sqlite:data/read.db',
      minPositionWaitMs: 5000,
      bodyLimitBytes: 1_048_576,
      turnBudgetMs: 5,
      projectorThreadNiceness: 10,
      batchSize: 2000,
      deadlineSweepIntervalMs: 60_000,
      embeddedProjector: 'thread',
      diskMinFreeBytes: 104_857_600,
      auth: {
        mode: 'development-secret',
        algorithm: 'HS256',
        secretFile: 'data/dev-jwt-secret',
        clockSkewSeconds: 30,
        maxLifetimeSeconds: 86_400,
      },
      allowUnsafeDurability: false,
      log: { level: 'info', format: 'pretty' },
      consoleDir: resolve('dist/console'),
      rateLimits: { windowSeconds: 60, commands: 600, refusedCommands: 120 },
    });
  });

  it('given NODE_ENV=production, then logs are JSON unless LOG_FORMAT says otherwise; a bad LOG_LEVEL is named', () => {
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-shared-secret-of-at-least-32-bytes!!' };
    expect(loadApiConfig(production).log).toEqual({ level: 'info', format: 'json' });
    expect(loadApiConfig({ ...production, LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' }).log).toEqual({
      level: 'debug',
      format: 'pretty',
    });
    expect(() => loadApiConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be "trace", .*got "loud"/);
    expect(() => loadApiConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be "json", "pretty", got "xml"/);
  });

  it('given CONSOLE_DIR, then the console is served from there', () => {
    expect(loadApiConfig({ CONSOLE_DIR: '/srv/console' }).consoleDir).toBe('/srv/console');
  });

  it('given DATA_DIR, then the event store lives under it unless EVENT_STORE_URL says otherwise', () => {
    expect(loadApiConfig({ DATA_DIR: '/var/thads' }).eventStoreUrl).toBe('sqlite:/var/thads/events.db');
    expect(loadApiConfig({ DATA_DIR: '/var/thads', EVENT_STORE_URL: 'sqlite:/tmp/e.db' }).eventStoreUrl).toBe(
      'sqlite:/tmp/e.db',
    );
  });

  it('given a postgres:// READ_MODEL_URL, then it is taken as is, and a refused URL never shows its password', () => {
    expect(loadApiConfig({ READ_MODEL_URL: 'postgres://app@db:5432/thads?schema=read_models' }).readModelUrl).toBe(
      'postgres://app@db:5432/thads?schema=read_models',
    );
    expect(() => loadApiConfig({ READ_MODEL_URL: 'mysql://app:s3cret@db/thads' })).toThrow(
      'READ_MODEL_URL must be sqlite:<path> (or sqlite::memory:) or postgres://…[?schema=name], got "mysql://***@db/thads"',
    );
  });

  it('given ALLOW_UNSAFE_DURABILITY=true or EMBEDDED_PROJECTOR=false, then they say so', () => {
    expect(loadApiConfig({ ALLOW_UNSAFE_DURABILITY: 'true' }).allowUnsafeDurability).toBe(true);
    expect(loadApiConfig({ EMBEDDED_PROJECTOR: 'false' }).embeddedProjector).toBe('none');
    expect(loadApiConfig({ EMBEDDED_PROJECTOR: 'true' }).embeddedProjector).toBe('event-loop');
  });

  it('given NODE_ENV=production, then it starts only with a configured key (fail closed)', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(
      /^NODE_ENV=production needs a configured token key: set one of AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY, AUTH_JWT_PUBLIC_KEY_FILE, AUTH_JWKS_URL/,
    );
    expect(loadApiConfig({ NODE_ENV: 'production', ...KEY })).toMatchObject({
      production: true,
      auth: { mode: 'shared-secret' },
    });
  });

  it('given several wrong variables, then one message names each of them', () => {
    expect(() => loadApiConfig({ PORT: 'x', BODY_LIMIT_BYTES: '1', NODE_ENV: 'prod' })).toThrow(
      /NODE_ENV must be "production", "development" or "test", got "prod"; .*PORT must be .*; BODY_LIMIT_BYTES must be/,
    );
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535, got "abc"$/],
    [{ PORT: '70000' }, /^PORT/],
    [{ PORT: '3.5' }, /^PORT/],
    [{ PORT: '1e3' }, /^PORT/],
    [{ DATA_DIR: '  ' }, /^DATA_DIR is set but empty/],
    [{ EVENT_STORE_URL: 'mysql://x' }, /^EVENT_STORE_URL must be sqlite:<path>, postgres:/],
    [{ READ_MODEL_URL: 'x' }, /^READ_MODEL_URL must be sqlite:<path>/],
    [{ BODY_LIMIT_BYTES: '10' }, /^BODY_LIMIT_BYTES must be a whole number from 1024/],
    [{ PROJECTOR_THREAD_NICENESS: '20' }, /^PROJECTOR_THREAD_NICENESS must be a whole number from 0 to 19, got "20"$/],
    [
      { DEADLINE_SWEEP_INTERVAL_MS: 'hourly' },
      /^DEADLINE_SWEEP_INTERVAL_MS must be 0 \(off\) or a whole number from 1000/,
    ],
    [{ DEADLINE_SWEEP_INTERVAL_MS: '500' }, /^DEADLINE_SWEEP_INTERVAL_MS/],
    [{ EMBEDDED_PROJECTOR: 'no' }, /^EMBEDDED_PROJECTOR must be "thread", "true", "false", got "no"$/],
    [{ AUTH_JWT_SECRET: 'too-short' }, /^AUTH_JWT_SECRET must be at least 32 bytes/],
    [{ AUTH_JWT_SECRET: ' ' }, /^AUTH_JWT_SECRET is set but empty/],
    [{ AUTH_CLOCK_SKEW_SECONDS: '3600' }, /^AUTH_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300/],
    [{ AUTH_JWKS_URL: 'https://x/jwks', AUTH_JWKS_CACHE_TTL_MS: 'forever' }, /^AUTH_JWKS_CACHE_TTL_MS/],
    [{ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' }, /^AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a whole number from 60/],
    [{ ALLOW_UNSAFE_DURABILITY: 'yes' }, /^ALLOW_UNSAFE_DURABILITY must be exactly "true" or unset, got "yes"$/],
  ])('given %j, then it stops with a message naming the variable', (env, message) => {
    expect(() => loadApiConfig(env)).toThrow(InvalidConfiguration);
    expect(() => loadApiConfig(env)).toThrow(message);
  });
});
