import { InvalidProjectorConfiguration, loadProjectorConfig } from './projector-config';

describe('loadProjectorConfig', () => {
  it('defaults to SQLite files under ./data, read models in their own file', () => {
    expect(loadProjectorConfig({})).toEqual({
      dataDir: './data',
      eventStoreUrl: 'sqlite:data/events.db',
      readModelUrl: 'sqlite:data/read.db',
      batchSize: 500,
      deadlineSweepIntervalMs: 60_000,
    });
  });

  it('takes explicit URLs and batch size', () => {
    const env = { EVENT_STORE_URL: 'sqlite:/a/e.db', READ_MODEL_URL: 'sqlite:/b/r.db', PROJECTOR_BATCH_SIZE: '50' };
    expect(loadProjectorConfig(env)).toMatchObject({
      eventStoreUrl: 'sqlite:/a/e.db',
      readModelUrl: 'sqlite:/b/r.db',
      batchSize: 50,
    });
  });

  it('takes a PostgreSQL READ_MODEL_URL', () => {
    expect(loadProjectorConfig({ READ_MODEL_URL: 'postgres://u@db:5432/app?schema=rm' }).readModelUrl).toBe(
      'postgres://u@db:5432/app?schema=rm',
    );
  });

  it('takes a deadline sweep interval, or 0 to turn the sweep off', () => {
    expect(loadProjectorConfig({ DEADLINE_SWEEP_INTERVAL_MS: '5000' }).deadlineSweepIntervalMs).toBe(5000);
    expect(loadProjectorConfig({ DEADLINE_SWEEP_INTERVAL_MS: '0' }).deadlineSweepIntervalMs).toBe(0);
  });

  it.each([
    [{ DEADLINE_SWEEP_INTERVAL_MS: '10' }, 'DEADLINE_SWEEP_INTERVAL_MS'],
    [{ DEADLINE_SWEEP_INTERVAL_MS: 'hourly' }, 'DEADLINE_SWEEP_INTERVAL_MS'],
    [{ READ_MODEL_URL: 'mysql://db/read' }, 'READ_MODEL_URL'],
    [{ READ_MODEL_URL: ' ' }, 'READ_MODEL_URL'],
    [{ PROJECTOR_BATCH_SIZE: '0' }, 'PROJECTOR_BATCH_SIZE'],
    [{ PROJECTOR_BATCH_SIZE: 'many' }, 'PROJECTOR_BATCH_SIZE'],
    [{ DATA_DIR: '' }, 'DATA_DIR'],
  ])('names the bad variable in %j', (env, variable) => {
    expect(() => loadProjectorConfig(env)).toThrow(InvalidProjectorConfiguration);
    expect(() => loadProjectorConfig(env)).toThrow(new RegExp(`^${variable}`));
  });
});
