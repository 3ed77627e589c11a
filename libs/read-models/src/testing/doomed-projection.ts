import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import type { Projection } from '../projection';
import type { ProjectorLogger } from '../runtime/projector';

/**
 * audit_trail that, on its second batch, writes the rows, prints MID_BATCH and then never commits: the child process
 * holding it is SIGKILLed there, so crash-recovery specs kill a runner in the middle of a real batch.
 */
export function auditTrailDyingOnSecondBatch(): Projection {
  let batches = 0;
  return {
    ...auditTrailProjection,
    apply: async (events, trx, tables, history) => {
      await auditTrailProjection.apply(events, trx, tables, history);
      batches += 1;
      if (batches === 2) {
        process.stdout.write('MID_BATCH\n');
        await new Promise<never>(() => setInterval(() => undefined, 60_000)); // hold the transaction open until killed
      }
    },
  };
}

/** A child projector's logger: errors on stderr for the parent test, nothing else. */
export const childProcessLogger: ProjectorLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};
