/**
 * `node --cpu-prof -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/profile-m2p.ts [cases]`:
 * M2p's workload alone (the caseload's first cases through executeCommand with the projector in the same process),
 * for a CPU profile of the command path and the in-process projector (docs/performance.md).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { startProjectorRuntime } from '@thads/read-models';
import { buildCaseload, haiPhongScenario } from './caseload';
import { runJobs } from './run-jobs';

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 600);
  const withProjector = process.argv[3] === undefined;
  const dir = mkdtempSync(join(tmpdir(), 'thads-profile-'));
  try {
    const jobs = buildCaseload(haiPhongScenario(), 'profile').slice(0, cases);
    const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
    const runtime = withProjector
      ? await startProjectorRuntime({
          eventStore: store,
          readModelUrl: `sqlite:${join(dir, 'read.db')}`,
          logger: { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
        })
      : undefined;
    const run = await runJobs(store, jobs, 64);
    process.stderr.write(
      `${run.commands} commands in ${run.seconds.toFixed(1)} s: ${(run.commands / run.seconds).toFixed(0)}/s\n`,
    );
    await runtime?.close();
    if (process.argv[3] === 'catchup') {
      const head = await store.headPosition();
      const started = performance.now();
      const catchUp = await startProjectorRuntime({
        eventStore: store,
        readModelUrl: `sqlite:${join(dir, 'catch-up.db')}`,
        logger: { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
      });
      await catchUp.projector.waitForPosition(head, 600_000);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`catch-up: ${Number(head) + 1} events in ${seconds.toFixed(1)} s\n`);
      await catchUp.close();
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
