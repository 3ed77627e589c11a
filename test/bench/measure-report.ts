/**
 * M6: the completion report of the root office for one period, read from the completion_stats read model of a
 * store holding the whole caseload, at the first and the last month of the reporting year.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore, type SqliteEventStore } from '@thads/event-store';
import { completionReport, startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import type { CaseJob } from './caseload';
import { latencies } from './measure-reads';
import type { ApiProcess } from './api-process';
import type { ReadClient } from './read-client-process';
import { runJobs } from './run-jobs';
import { seedOffices } from '../../apps/cli/src/demo/run/seed-commands';
import { scenarioWindow } from '../../apps/cli/src/demo/scenario/scenario-window';
import type { Scenario } from '../../apps/cli/src/demo/scenario/scenario';
import { percentile } from './stats';

export interface ReportWorld {
  readonly store: SqliteEventStore;
  readonly runtime: ProjectorRuntime;
  readonly events: number;
  close(): Promise<void>;
}

/** Seeds offices, targets and every job into `dir`, then projects to the head. */
export async function seedReportWorld(dir: string, scenario: Scenario, jobs: readonly CaseJob[]): Promise<ReportWorld> {
  mkdirSync(dir, { recursive: true });
  const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
  await seedOffices(store, scenario, scenarioWindow(scenario));
  await runJobs(store, jobs, 64);
  const head = await store.headPosition();
  const runtime = await startBenchProjector(store, dir);
  await runtime.projector.waitForPosition(head, 1_200_000);
  return {
    store,
    runtime,
    events: Number(head),
    close: async () => {
      await runtime.close();
      await store.close();
    },
  };
}

/** Every projection, as the engine runs them, into `dir`/read.db, in batches of 2,000, logging only errors. */
export function startBenchProjector(store: SqliteEventStore, dir: string): Promise<ProjectorRuntime> {
  return startProjectorRuntime({
    eventStore: store,
    readModelUrl: `sqlite:${join(dir, 'read.db')}`,
    batchSize: 2000,
    logger: { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
  });
}

/** p99 in ms of the report of `officeId` for `period` over `runs` sequential reads. */
export async function reportP99(
  runtime: ProjectorRuntime,
  officeId: string,
  period: string,
  runs: number,
): Promise<number> {
  const samples = await latencies(() => completionReport(runtime.readModels.db, { officeId, period }), runs, 3);
  return percentile(samples, 99);
}

/**
 * p99 in ms of GET /api/v1/reports/completion of `officeId` for `period` over `runs` sequential requests, sent by
 * `client` (a process of its own) to `api`, after 50 unmeasured ones: the first reads of a new process run colder code.
 */
export async function reportRouteP99(
  api: ApiProcess,
  client: ReadClient,
  token: string,
  officeId: string,
  period: string,
  runs: number,
): Promise<number> {
  const query = new URLSearchParams({ office: officeId, period });
  return percentile(await client.latencies(`${api.baseUrl}/api/v1/reports/completion?${query}`, token, runs, 50), 99);
}
