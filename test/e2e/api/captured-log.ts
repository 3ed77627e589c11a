import { createLogger, type Logger } from '@thads/observability';

/** One log line as the API writes it in JSON. */
export type LogLine = Record<string, unknown>;

/** A JSON logger for `startTestApp`, and the lines it has written so far (docs/operations.md "Logs"). */
export function capturedLog(): { readonly logger: Logger; readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    app: 'api',
    level: 'info',
    format: 'json',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}
