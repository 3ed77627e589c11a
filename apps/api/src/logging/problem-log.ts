import type { Logger } from '@nestjs/common';

/** A problem as the filter answers it (problem-details.filter.ts). */
interface AnsweredProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

/** Answers that are the engine working as designed while it waits for something: the client retries. */
const EXPECTED_UNAVAILABLE = new Set(['READ_MODEL_BEHIND']);

/**
 * How a problem answer is logged, by what it says about the engine:
 *
 * - a refusal (4xx: bad input, no access, a rule of the domain, a conflict, too many requests) and a wait the client
 *   is told to retry (503 READ_MODEL_BEHIND): `info`, its code and detail, no stack. The engine did its job.
 * - an outage (other 503s, 507 STORAGE_FULL: a store unreachable or full, signing keys unavailable, a halted
 *   projection): `warn`, with the cause's message and no stack. The operator must act, but the code is not at fault.
 * - a fault (500): `error` with the stack. Something in the engine is wrong.
 *
 * The request line (request-observability.ts) follows either way, with the status.
 */
export function logProblem(logger: Logger, problem: AnsweredProblem, error: unknown): void {
  const fields = { msg: `refused: ${problem.code}`, code: problem.code, status: problem.status };
  if (problem.status < 500 || EXPECTED_UNAVAILABLE.has(problem.code)) {
    logger.log(Object.assign({}, fields, { detail: problem.detail }));
  } else if (problem.status !== 500) {
    logger.warn(
      Object.assign({}, fields, {
        msg: `unavailable: ${problem.code}`,
        detail: problem.detail,
        cause: messageOf(error),
      }),
    );
  } else {
    logger.error({ ...fields, msg: `fault: ${messageOf(error)}` }, error instanceof Error ? error.stack : undefined);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
