import { OneOf, Satisfies, Setting, WholeNumber } from './setting';

const SECTION = 'Operations';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

/** Health, logs, metrics and traces. */
export class OperationsSettings {
  @Setting(SECTION, {
    apps: ['api'],
    default: '104857600',
    description:
      "`GET /health/ready` answers 503 when DATA_DIR's file system has fewer free bytes than this (appends would soon fail); `0` turns the check off.",
  })
  @WholeNumber(0, 1_099_511_627_776)
  readonly DISK_MIN_FREE_BYTES!: number;

  @Setting(SECTION, {
    apps: ['api'],
    description:
      'Bearer token a Prometheus scraper sends to `GET /metrics` (at least 32 characters). Unset: only auditor and admin JWTs may scrape.',
  })
  @Satisfies((value) =>
    value.length >= 32 ? undefined : `METRICS_TOKEN must be at least 32 characters, got ${value.length}`,
  )
  readonly METRICS_TOKEN?: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: 'info',
    description:
      'Least severe log level written: `trace`, `debug`, `info`, `warn`, `error`, `fatal` or `silent`. Requests and expected refusals (4xx, 503 READ_MODEL_BEHIND) are `info`; only faults of the engine are `error`, with their stack.',
  })
  @OneOf(LOG_LEVELS)
  readonly LOG_LEVEL!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector', 'cli'],
    default: { doc: 'pretty (json when NODE_ENV=production)', value: (env) => defaultLogFormat(env) },
    description:
      '`json`: one JSON object per line (pino), with `correlationId`, `commandId` and `actor` when the line belongs to a command. `pretty`: the same lines coloured and readable for a terminal (pino-pretty, a development dependency: not in the production image). The API and projector log to stdout, the CLI to stderr.',
    example: 'json',
  })
  @OneOf(LOG_FORMATS)
  readonly LOG_FORMAT!: string;

  @Setting(SECTION, {
    apps: ['api', 'projector'],
    readBy: 'OpenTelemetry',
    description:
      'OTLP/HTTP collector, e.g. `http://otel-collector:4318`. Traces are off by default; setting this (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_TRACES_EXPORTER`) turns them on: spans for each HTTP request, command, append and projection batch, carrying the correlation id (docs/operations.md).',
    example: 'http://otel-collector:4318',
  })
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @Setting(SECTION, {
    apps: ['api', 'projector'],
    readBy: 'OpenTelemetry',
    description:
      '`otlp` or `console` turns traces on (with the default endpoint `http://localhost:4318` for `otlp`); `none` keeps them off whatever else is set.',
    example: 'otlp',
  })
  readonly OTEL_TRACES_EXPORTER?: string;

  @Setting(SECTION, {
    apps: ['api', 'projector'],
    readBy: 'OpenTelemetry',
    description: '`true` keeps traces off whatever else is set.',
    example: 'false',
  })
  readonly OTEL_SDK_DISABLED?: string;

  @Setting(SECTION, {
    apps: ['api', 'projector'],
    readBy: 'OpenTelemetry',
    description:
      'Service name on the spans; defaults to `thads-api` or `thads-projector`. The other standard OTEL_* variables (`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, `OTEL_RESOURCE_ATTRIBUTES`, …) are honoured as OpenTelemetry documents them.',
    example: 'thads-api',
  })
  readonly OTEL_SERVICE_NAME?: string;
}

/** Pretty lines for a developer's terminal; JSON for a log collector wherever NODE_ENV says production. */
function defaultLogFormat(env: Readonly<Record<string, string | undefined>>): string {
  return env.NODE_ENV?.trim() === 'production' ? 'json' : 'pretty';
}
