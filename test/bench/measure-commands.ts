/**
 * M2 (commands in process, with and without the projector beside them, as `npm start` runs it) and M4 (catch-up of
 * all projections together from position 0 over the log M2 wrote).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { startProjectorRuntime } from '@thads/read-models';
import type { CaseJob } from './caseload';
import { runJobs } from './run-jobs';

const SILENT = { log: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) };

export interface CommandsRound {
  /** Commands/s, 64 cases in flight, no projector. */
  readonly withoutProjector: number;
  /** Commands/s with the projector running in the same process (ended when the commands end). */
  readonly withProjector: number;
  /** Events/s of a fresh projector catching up on the log of the run without the projector. */
  readonly catchUpEventsPerSecond: number;
  readonly events: number;
}

/** One interleaved round: the same jobs into two fresh stores, then a catch-up over the first. */
export async function commandsRound(dir: string, jobs: readonly CaseJob[]): Promise<CommandsRound> {
  const plainDir = join(dir, `m2-${randomUUID()}`);
  const withDir = join(dir, `m2p-${randomUUID()}`);
  mkdirSync(plainDir);
  mkdirSync(withDir);

  const plain = createSqliteEventStore({ filename: join(plainDir, 'events.db') });
  const without = await runJobs(plain, jobs, 64);

  const store = createSqliteEventStore({ filename: join(withDir, 'events.db') });
  const runtime = await startProjectorRuntime({
    eventStore: store,
    readModelUrl: `sqlite:${join(withDir, 'read.db')}`,
    logger: SILENT,
  });
  const withProjector = await runJobs(store, jobs, 64);
  await runtime.close();
  await store.close();

  const head = await plain.headPosition();
  const started = performance.now();
  const catchUp = await startProjectorRuntime({
    eventStore: plain,
    readModelUrl: `sqlite:${join(plainDir, 'read.db')}`,
    logger: SILENT,
  });
  await catchUp.projector.waitForPosition(head, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await catchUp.close();
  await plain.close();
  return {
    withoutProjector: without.commands / without.seconds,
    withProjector: withProjector.commands / withProjector.seconds,
    catchUpEventsPerSecond: Number(head) / seconds,
    events: Number(head),
  };
}
