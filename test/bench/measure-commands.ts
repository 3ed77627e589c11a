/**
 * M2 (commands in process, with and without the projector beside them, as `npm start` runs it) and M4 (catch-up of
 * all projections together from position 0 over the log M2 wrote).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEngineEnvironment } from '@thads/config';
import { createSqliteEventStore } from '@thads/event-store';
import { startProjectorRuntime, startProjectorThread } from '@thads/read-models';
import type { CaseJob } from './caseload';
import { runJobs } from './run-jobs';

const SILENT = { log: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) };

export interface CommandsRound {
  /** Commands/s, 64 cases in flight, no projector. */
  readonly withoutProjector: number;
  /** Commands/s with the projector running in the same process, on its thread as `npm start` runs it. */
  readonly withProjector: number;
  /** How long after the last command the projector had applied everything (it may fall behind under this load). */
  readonly projectorBehindMs: number;
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

  // As `npm start` runs it (EMBEDDED_PROJECTOR=thread, at the API's PROJECTOR_THREAD_NICENESS): this process's runtime
  // follows a projector thread.
  const store = createSqliteEventStore({ filename: join(withDir, 'events.db') });
  const readModelUrl = `sqlite:${join(withDir, 'read.db')}`;
  const runtime = await startProjectorRuntime({ eventStore: store, readModelUrl, logger: SILENT, applyEvents: false });
  const thread = await startProjectorThread({
    eventStoreUrl: `sqlite:${join(withDir, 'events.db')}`,
    readModelUrl,
    niceness: readEngineEnvironment(process.env, 'api').PROJECTOR_THREAD_NICENESS,
    logger: SILENT,
  });
  const withProjector = await runJobs(store, jobs, 64);
  const commandsEnded = performance.now();
  await runtime.projector.waitForPosition(await store.headPosition(), 600_000);
  const projectorBehindMs = performance.now() - commandsEnded;
  await thread.close();
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
    projectorBehindMs,
    catchUpEventsPerSecond: Number(head) / seconds,
    events: Number(head),
  };
}
