import type { CheckOutcome, ReadinessCheck } from './readiness-check';

/** A check slower than this counts as down: a probe must answer while the load balancer still waits. */
const CHECK_TIMEOUT_MS = 5_000;

export interface Readiness {
  readonly status: 'up' | 'down';
  readonly checks: Readonly<Record<string, CheckOutcome>>;
}

/** Runs every check at once; the instance is up when every check is. */
export async function assessReadiness(checks: readonly ReadinessCheck[]): Promise<Readiness> {
  const outcomes = await Promise.all(checks.map((check) => withTimeout(check)));
  return {
    status: outcomes.every((outcome) => outcome.status === 'up') ? 'up' : 'down',
    checks: Object.fromEntries(checks.map((check, index) => [check.name, outcomes[index]])),
  };
}

/** The answer without details, for callers who are not auditors or admins. */
export function withoutDetails(readiness: Readiness): Readiness {
  return {
    status: readiness.status,
    checks: Object.fromEntries(
      Object.entries(readiness.checks).map(([name, { status, reason }]) => [
        name,
        reason === undefined ? { status } : { status, reason },
      ]),
    ),
  };
}

async function withTimeout(check: ReadinessCheck): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', reason: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check.check().catch((error: unknown) => ({
        status: 'down' as const,
        reason: 'the check failed',
        details: { error: String(error) },
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
