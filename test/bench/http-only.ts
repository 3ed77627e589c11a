/**
 * M3 and M5get alone: the API child on a store holding the two hot cases, GET /cases/{id}/events before and after
 * autocannon's command load (right after it and once the API's projector has caught up), for work on the HTTP path
 * and for `BENCH_CPU_PROF=<dir>` profiles of the API
 * (`node -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/http-only.ts [rounds]`).
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { startApi } from './api-process';
import { haiPhongScenario, hotCase } from './caseload';
import { benchToken, getEventsLatency, httpCommandLoad } from './measure-reads';
import { startReadClient } from './read-client-process';
import { runJobs } from './run-jobs';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 2);
  mkdirSync(join(__dirname, 'results'), { recursive: true }); // git-ignored, so absent from a fresh clone
  const dir = mkdtempSync(join(__dirname, 'results', '.http-only-'));
  const scenario = haiPhongScenario();
  const short = hotCase(scenario, 'bench', 40);
  const long = hotCase(scenario, 'bench', 400, 1);
  const apiDir = join(dir, 'api');
  mkdirSync(apiDir);
  const seed = createSqliteEventStore({ filename: join(apiDir, 'events.db') });
  await runJobs(seed, [short, long], 2);
  await seed.close();
  const api = await startApi(apiDir);
  const client = await startReadClient();
  const token = benchToken(apiDir, ['HP-NGO-QUYEN', short.officeId, long.officeId]);
  try {
    for (let round = 1; round <= rounds; round++) {
      const quiet = await getEventsLatency(api, token, short.caseId, 300, 99, client);
      api.resetStats();
      const load = await httpCommandLoad(api, token, 8, `${round}`);
      const stats = await api.stats();
      const after = await getEventsLatency(api, token, short.caseId, 300, 99, client);
      const settledMs = await api.settle();
      const settled = await getEventsLatency(api, token, short.caseId, 300, 99, client);
      console.log(
        `round ${round}: M5get p99 quiet ${quiet.toFixed(1)} ms, right after load ${after.toFixed(1)} ms, ` +
          `settled (${settledMs.toFixed(0)} ms later) ${settled.toFixed(1)} ms; M3 ${load.requestsPerSecond.toFixed(0)} req/s ` +
          `(p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, errors ${load.errors}); eld p99 ${stats.eventLoopDelayP99Ms.toFixed(1)} ms`,
      );
    }
  } finally {
    await client.stop();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
