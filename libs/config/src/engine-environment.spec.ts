import { InvalidConfiguration, readEngineEnvironment } from './engine-environment';

describe('readEngineEnvironment', () => {
  it('applies defaults, derived ones included, and turns whole numbers into numbers', () => {
    expect(readEngineEnvironment({ DATA_DIR: '/srv/thads', PORT: ' 8080 ' })).toMatchObject({
      DATA_DIR: '/srv/thads',
      EVENT_STORE_URL: 'sqlite:/srv/thads/events.db',
      READ_MODEL_URL: 'sqlite:/srv/thads/read.db',
      PORT: 8080,
      PROJECTOR_BATCH_SIZE: 2000,
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: 86_400,
    });
  });

  it("checks only the variables the process reads: the CLI ignores the API's PORT", () => {
    expect(() => readEngineEnvironment({ PORT: 'http' }, 'api')).toThrow(/^PORT must be a whole number/);
    expect(() => readEngineEnvironment({ PORT: 'http' }, 'cli')).not.toThrow();
    expect(() => readEngineEnvironment({ PORT: '' }, 'projector')).not.toThrow();
  });

  it('names every wrong variable in one message', () => {
    const error = (() => {
      try {
        readEngineEnvironment({ PROJECTOR_BATCH_SIZE: '0', DATA_DIR: '', EVENT_STORE_URL: 'redis://x' }, 'projector');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidConfiguration);
    expect(error?.message.split('; ')).toEqual([
      'DATA_DIR is set but empty (unset it to use the default)',
      'EVENT_STORE_URL must be sqlite:<path>, postgres://…, postgresql://… or esdb://…, got "redis://x"',
      'PROJECTOR_BATCH_SIZE must be a whole number from 1 to 10000, got "0"',
    ]);
  });
});
