/**
 * The soak (`npm run bench -- --profile soak [--minutes 10]`): the API as `npm start` runs it, under a steady mixed
 * load for N minutes (new cases, reads of a case's events, completion reports), its memory sampled every 20 s after a
 * full collection. M7 asks for no growth: the live heap and RSS of the last third of the soak are compared with the
 * first third after the warm-up (the first two minutes, while the bounded caches fill).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createSqliteEventStore } from '@thads/event-store';
import type { ApiChildMemory } from './api-child';
import { startApi, type ApiProcess } from './api-process';
import { haiPhongScenario, hotCase } from './caseload';
import { benchToken, receiveCaseBody } from './measure-reads';
import { runJobs } from './run-jobs';
import { seedOffices } from '../../apps/cli/src/demo/run/seed-commands';
import { scenarioWindow } from '../../apps/cli/src/demo/scenario/scenario-window';
import { evaluate, type MetricResult } from './stats';
import type { ProfileOutcome } from './quick-profile';

const SAMPLE_SECONDS = 20;
const WARM_UP_SECONDS = 120;
/** Requests per second over all connections: a busy office's day, steady, not a saturation test (that is M3). */
const RATE = 150;

interface MemorySample extends ApiChildMemory {
  readonly second: number;
}

export async function runSoakProfile(
  dir: string,
  minutes: number,
  log: (line: string) => void,
): Promise<ProfileOutcome> {
  const scenario = haiPhongScenario();
  const short = hotCase(scenario, 'soak', 40);
  const apiDir = join(dir, 'api');
  mkdirSync(apiDir);
  const seed = createSqliteEventStore({ filename: join(apiDir, 'events.db') });
  // The scenario's offices, so the completion report of the hot case's office answers.
  await seedOffices(seed, scenario, scenarioWindow(scenario));
  await runJobs(seed, [short], 1);
  await seed.close();
  const api = await startApi(apiDir, {}, true);
  const token = benchToken(apiDir, ['HP-NGO-QUYEN', short.officeId]);
  const samples: MemorySample[] = [];
  try {
    const started = performance.now();
    const load = steadyLoad(api, token, short, minutes * 60);
    while (performance.now() - started < minutes * 60_000) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_SECONDS * 1000));
      const memory = await api.memory();
      const second = Math.round((performance.now() - started) / 1000);
      samples.push({ second, ...memory });
      log(`  ${second} s: API RSS ${memory.rssMb.toFixed(0)} MB, live heap ${memory.heapUsedMb.toFixed(1)} MB`);
    }
    const result = await load;
    const errors = result.errors + result.non2xx;
    log(`load: ${result.requests.total} requests, ${errors} errors`);
    // Memory under a load that fails is not the memory of the work: a refused request does less.
    if (errors > 0) throw new Error(`the soak's load had ${errors} failed requests of ${result.requests.total}`);
    const stats = await api.stats();
    return outcome(samples, stats.peakRssMb, {
      minutes,
      requests: result.requests.total,
      errors,
      latencyP99Ms: result.latency.p99,
      samples,
    });
  } finally {
    await api.stop();
  }
}

function steadyLoad(api: ApiProcess, token: string, hot: { caseId: string; officeId: string }, seconds: number) {
  let n = 0;
  const headers = { authorization: `Bearer ${token}` };
  return autocannon({
    url: api.baseUrl,
    connections: 8,
    overallRate: RATE,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/cases',
        setupRequest: (request) => ({
          ...request,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(receiveCaseBody(`HP-SOAK-${n++}`)),
        }),
      },
      { method: 'GET', path: `/api/v1/cases/${hot.caseId}/events`, headers },
      { method: 'GET', path: `/api/v1/reports/completion?office=${hot.officeId}&period=2018-05`, headers },
    ],
  });
}

function outcome(
  samples: readonly MemorySample[],
  peakRssMb: number,
  details: Record<string, unknown>,
): ProfileOutcome {
  const settled = samples.filter((sample) => sample.second >= WARM_UP_SECONDS);
  if (settled.length < 3) throw new Error(`the soak needs at least ${WARM_UP_SECONDS / 60 + 1} minutes of samples`);
  const third = Math.max(1, Math.floor(settled.length / 3));
  const [first, last] = [settled.slice(0, third), settled.slice(-third)];
  const peak = (list: readonly MemorySample[], key: 'rssMb' | 'heapUsedMb') => Math.max(...list.map((s) => s[key]));
  const metrics: Record<string, MetricResult> = {
    M7: evaluate('peak RSS of the API over the soak', 'MB', [peakRssMb], { kind: 'at-most', bound: 512 }),
    M7heap: evaluate(
      'live heap: last third of the soak over its first third (after the warm-up)',
      'x',
      [peak(last, 'heapUsedMb') / peak(first, 'heapUsedMb')],
      { kind: 'at-most', bound: 1.1 },
    ),
    M7rss: evaluate(
      'RSS: last third of the soak over its first third (after the warm-up)',
      'x',
      [peak(last, 'rssMb') / peak(first, 'rssMb')],
      { kind: 'at-most', bound: 1.1 },
    ),
  };
  return { metrics, details };
}
