/**
 * A projector worker in its own process on PostgreSQL, with leases, for the lease takeover spec
 * (postgres/projector-leases.int-spec.ts). Started by child-projector.ts.
 *
 *   argv: <mode: doomed | follow> <postgres url> <event schema> <READ_MODEL_URL> <head position>
 *   doomed: runs audit_trail and a counter; on audit_trail's second batch it writes the rows, prints MID_BATCH and
 *           never commits (killed there).
 *   follow: runs both normally; prints LEASE held|waiting after start, DONE once both reached <head>.
 */
import { createPostgresEventStore } from '@thads/event-store';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import { openReadModelDatabase } from '../database/open-read-model-database';
import { createProjector } from '../runtime/projector';
import { auditTrailDyingOnSecondBatch, childProcessLogger } from './doomed-projection';
import { CHILD_PROCESS_WAIT_MS } from './child-projector';
import { countingProjection } from './read-model-fixtures';

async function main(): Promise<void> {
  const [mode, url, eventSchema, readModelUrl, head] = process.argv.slice(2);
  const store = await createPostgresEventStore({ connectionString: url, schema: eventSchema, pollIntervalMs: 50 });
  const readModels = openReadModelDatabase(readModelUrl);
  const leases = readModels.openLeases?.();
  if (!leases) throw new Error('no leases on this READ_MODEL_URL');
  const projections = [mode === 'doomed' ? auditTrailDyingOnSecondBatch() : auditTrailProjection, countingProjection()];
  // A short control poll: that is how often a waiting worker retries the leases.
  const projector = createProjector({
    eventStore: store,
    db: readModels.db,
    projections,
    batchSize: 4,
    logger: childProcessLogger,
    controlPollMs: 50,
    leases,
  });
  await projector.start();
  process.stdout.write(`LEASE ${leases.holds(auditTrailProjection.name) ? 'held' : 'waiting'}\n`);
  await projector.waitForPosition(BigInt(head), CHILD_PROCESS_WAIT_MS);
  await projector.stop();
  await leases.close();
  await readModels.close();
  await store.close();
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
