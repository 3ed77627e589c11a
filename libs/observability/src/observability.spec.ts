import { Logger } from '@nestjs/common';
import { createLogger, PinoNestLogger, redactedUrl, tracesRequested, withLogContext, addToLogContext } from './index';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    app: 'test',
    level,
    format: 'json',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe('the process logger', () => {
  it('writes JSON lines with the time, the level as a word, the app, and the scope fields added later', () => {
    const { logger, lines } = capture();
    withLogContext({ correlationId: 'corr-1' }, () => {
      logger.info('before');
      addToLogContext({ commandId: 'cmd-1', actor: { id: 'u', role: 'officer' } });
      logger.info({ status: 201 }, 'after');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ level: 'info', app: 'test', correlationId: 'corr-1', msg: 'before' });
    expect(lines[0]).not.toHaveProperty('commandId');
    expect(lines[1]).toMatchObject({ correlationId: 'corr-1', commandId: 'cmd-1', status: 201, msg: 'after' });
    expect(lines[2]).not.toHaveProperty('correlationId');
    expect(Date.parse(String(lines[0].time))).not.toBeNaN();
  });

  it("serves Nest's Logger: context as a field, an error's stack as a field, the wiring chatter at debug", () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(new PinoNestLogger(logger));
    try {
      new Logger('Problem').log({ msg: 'refused: X', code: 'X' });
      new Logger('Problem').error('fault: boom', 'Error: boom\n    at somewhere (file.ts:1:1)');
      new Logger('RouterExplorer').log('Mapped {/x, GET} route');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ level: 'info', context: 'Problem', code: 'X', msg: 'refused: X' });
      expect(lines[1]).toMatchObject({ level: 'error', context: 'Problem', msg: 'fault: boom' });
      expect(lines[1].stack).toMatch(/at somewhere/);
    } finally {
      Logger.overrideLogger(false);
    }
  });
});

describe('tracesRequested', () => {
  it('is off with no OTEL_* variable, on with an exporter or an endpoint, off again when disabled', () => {
    expect(tracesRequested({})).toBe(false);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracesRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracesRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracesRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(false);
    expect(tracesRequested({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(false);
  });
});

describe('redactedUrl', () => {
  it('hides the password of a store URL and leaves other URLs alone', () => {
    expect(redactedUrl('postgres://app:s3cret@db:5432/thads?schema=x')).toBe(
      'postgres://app:***@db:5432/thads?schema=x',
    );
    expect(redactedUrl('sqlite:/srv/thads/events.db')).toBe('sqlite:/srv/thads/events.db');
    expect(redactedUrl('esdb://admin:changeit@esdb:2113?tls=false')).toBe('esdb://admin:***@esdb:2113?tls=false');
  });
});
