/**
 * A projector in a separate process, for tests that need a real second process: a runner that is SIGKILLed in the
 * middle of a batch, or a second runner competing for the same checkpoints. Started by child-projector.ts.
 *
 *   argv: <mode: doomed | count> <events file> <read-model file> <head position>
 *   doomed: applies audit_trail; on its second batch it writes the rows, prints MID_BATCH and never commits.
 *   count:  runs countingProjection until <head>, prints DONE and exits.
 */
import { createSqliteEventStore } from '@thads/event-store';
import { openSqliteReadModelFile, readModelKysely } from '../database/open-read-model-database';
import { createProjector } from '../runtime/projector';
import { CHILD_PROCESS_WAIT_MS } from './child-projector';
import { auditTrailDyingOnSecondBatch, childProcessLogger } from './doomed-projection';
import { countingProjection } from './read-model-fixtures';

async function main(): Promise<void> {
  const [mode, eventsFile, readModelFile, head] = process.argv.slice(2);
  const store = createSqliteEventStore({ filename: eventsFile, pollIntervalMs: 50 });
  const db = readModelKysely(openSqliteReadModelFile(readModelFile));
  const projections = mode === 'doomed' ? [auditTrailDyingOnSecondBatch()] : [countingProjection()];
  const projector = createProjector({
    eventStore: store,
    db,
    projections,
    batchSize: 4,
    logger: childProcessLogger,
    controlPollMs: 0,
  });
  await projector.start();
  await projector.waitForPosition(BigInt(head), CHILD_PROCESS_WAIT_MS);
  await projector.stop();
  await db.destroy();
  await store.close();
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
