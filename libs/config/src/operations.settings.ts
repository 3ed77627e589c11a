import { Satisfies, Setting, WholeNumber } from './setting';

const SECTION = 'Operations';

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
}
