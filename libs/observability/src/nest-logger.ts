import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's start-up chatter (a line per module and per route mapped) is for debugging the wiring, not for the
 * operator's log: at `debug`, so LOG_LEVEL=debug shows it.
 */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * Nest's LoggerService over pino, so `new Logger('Context')` anywhere in the API writes the process's JSON lines
 * with `context` as a field. Nest passes the context as the last string argument, and for `error` a stack before
 * it; a plain object as the message becomes the line's fields (its `msg` the message).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    const context = contextOf(optional);
    this.write(context !== undefined && WIRING_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, contextOf(optional));
  }

  error(message: unknown, ...optional: unknown[]): void {
    // error(message, stack?, context?): a single argument is a stack when it looks like one.
    const [first, second] = optional;
    const stack = typeof first === 'string' && (second !== undefined || /\n\s+at /.test(first)) ? first : undefined;
    const context = optional.length >= 2 ? contextOf(optional) : stack === undefined ? contextOf(optional) : undefined;
    this.write('error', message, context, stack);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, contextOf(optional));
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, contextOf(optional));
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, contextOf(optional));
  }

  setLogLevels(_levels: NestLogLevel[]): void {
    // The level is LOG_LEVEL's, set on the pino logger.
  }

  private write(level: Level, message: unknown, context?: string, stack?: string): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = context !== undefined ? { context } : {};
    if (message instanceof Error) {
      this.logger[level](Object.assign({}, fields, { err: message }), message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.logger[level](Object.assign({}, fields, rest, stack ? { stack } : {}), typeof msg === 'string' ? msg : '');
    } else {
      this.logger[level](Object.assign({}, fields, stack ? { stack } : {}), String(message));
    }
  }
}

function contextOf(optional: readonly unknown[]): string | undefined {
  const last = optional[optional.length - 1];
  return typeof last === 'string' ? last : undefined;
}
