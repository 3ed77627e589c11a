/**
 * @thads/observability: the process logger (pino: JSON lines, or pretty in development), the log scope that puts a
 * request's or command's correlation id, command id and actor on every line, Nest's logger over it, and the
 * OpenTelemetry SDK start-up (traces, off unless the OTEL_* variables ask for them).
 */
export { withLogContext, addToLogContext, currentLogContext, type LogFields } from './log-context';
export {
  createLogger,
  redactedUrl,
  silentLogger,
  type Logger,
  type LoggerOptions,
  type LogFormat,
  type LogLevel,
} from './logger';
export { PinoNestLogger } from './nest-logger';
export { startTracing, tracesRequested, type Tracing } from './tracing';
