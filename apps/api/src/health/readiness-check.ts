/**
 * A readiness check: one condition the API needs to serve (store reachable, durability verified, projections
 * running, disk space). To add one, write a class implementing ReadinessCheck and list it in READINESS_CHECK_TYPES
 * (health.module.ts); GET /health/ready runs every check and answers 503 when one is down.
 */
export interface ReadinessCheck {
  /** Key of the check in the answer, e.g. `eventStore`. */
  readonly name: string;
  check(): Promise<CheckOutcome>;
}

export interface CheckOutcome {
  readonly status: 'up' | 'down';
  /** Why it is down (or what to know while up), in words safe for anyone to read: no URLs, streams or reasons. */
  readonly reason?: string;
  /** Positions, dead letters, settings: shown only to auditor and admin tokens. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Injection token of the list of checks. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
