import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { currentLogContext } from './log-context';

export type { Logger } from 'pino';
export type LogLevel = Level | 'silent';
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  /** The process: `api`, `projector` or `cli`; on every line as `app`. */
  readonly app: string;
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where lines go: a file descriptor (1 stdout, 2 stderr) or a stream (tests capture lines this way). */
  readonly destination: 1 | 2 | DestinationStream;
}

/**
 * The process logger: pino, one JSON object per line (`time` ISO-8601, `level` as a word, `app`, `msg`), and every
 * line written inside a log scope (log-context.ts) carries the scope's correlation id, command id and actor.
 * Written synchronously: a line logged just before a crash or a kill is on disk, and the demo's pace does not depend
 * on the terminal.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { app: options.app },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext() ?? {},
      // A line's own fields win over the scope's (a request line states its own status and route).
      mixinMergeStrategy: (mergeObject, mixinObject) => ({ ...mixinObject, ...mergeObject }),
    },
    destinationOf(options),
  );
}

/** A logger that writes nothing (tests that do not look at logs, `createApp(config, { logger: false })`). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

function destinationOf(options: LoggerOptions): DestinationStream {
  if (options.format === 'pretty') return prettyDestination(options.destination);
  if (typeof options.destination === 'number') return pino.destination({ fd: options.destination, sync: true });
  return options.destination;
}

/**
 * pino-pretty, a development dependency: loaded only when asked for, so a production install without it runs JSON
 * and a LOG_FORMAT=pretty there fails at start with a message that says what to do.
 */
function prettyDestination(destination: LoggerOptions['destination']): DestinationStream {
  let pretty: typeof import('pino-pretty');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pretty = require('pino-pretty') as typeof import('pino-pretty');
  } catch {
    throw new Error('LOG_FORMAT=pretty needs the development dependency pino-pretty; set LOG_FORMAT=json');
  }
  const tty = typeof destination === 'number' && Boolean((destination === 1 ? process.stdout : process.stderr).isTTY);
  return pretty({
    destination,
    sync: true,
    colorize: tty,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,app',
    singleLine: true,
  });
}

/** A store URL fit for a log line: the password of `scheme://user:password@host` replaced by `***`. */
export function redactedUrl(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
