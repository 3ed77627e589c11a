import { InvalidConfiguration, loadApiConfig } from './api-config';

describe('loadApiConfig', () => {
  it('given no variables, then it uses the embedded defaults', () => {
    expect(loadApiConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      eventStoreUrl: 'sqlite:data/events.db',
      readModelUrl: 'sqlite:data/read.db',
      minPositionWaitMs: 5000,
      bodyLimitBytes: 1_048_576,
      deadlineSweepIntervalMs: 60_000,
      auth: { mode: 'development-secret', algorithm: 'HS256', secretFile: 'data/dev-jwt-secret', clockSkewSeconds: 30 },
      allowUnsafeDurability: false,
    });
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

  it('given ALLOW_UNSAFE_DURABILITY=true, then unsafe durability settings are allowed', () => {
    expect(loadApiConfig({ ALLOW_UNSAFE_DURABILITY: 'true' }).allowUnsafeDurability).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535, got "abc"$/],
    [{ PORT: '70000' }, /^PORT/],
    [{ PORT: '3.5' }, /^PORT/],
    [{ DATA_DIR: '  ' }, /^DATA_DIR is set but empty/],
    [{ EVENT_STORE_URL: 'mysql://x' }, /^EVENT_STORE_URL must be sqlite:<path>, postgres:/],
    [{ READ_MODEL_URL: 'x' }, /^READ_MODEL_URL must be sqlite:<path>/],
    [{ BODY_LIMIT_BYTES: '10' }, /^BODY_LIMIT_BYTES must be a whole number from 1024/],
    [
      { DEADLINE_SWEEP_INTERVAL_MS: 'hourly' },
      /^DEADLINE_SWEEP_INTERVAL_MS must be 0 \(off\) or a whole number from 1000/,
    ],
    [{ AUTH_JWT_SECRET: 'too-short' }, /^AUTH_JWT_SECRET must be at least 32 bytes/],
    [{ ALLOW_UNSAFE_DURABILITY: 'yes' }, /^ALLOW_UNSAFE_DURABILITY must be exactly "true" or unset, got "yes"$/],
  ])('given %j, then it stops with a message naming the variable', (env, message) => {
    expect(() => loadApiConfig(env)).toThrow(InvalidConfiguration);
    expect(() => loadApiConfig(env)).toThrow(message);
  });
});
