/**
 * The quick profile (a few minutes): the Hải Phòng caseload (12k cases, about 89k commands), N interleaved rounds
 * of baselines and metrics. docs/performance.md says what each metric means and its target.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { startApi } from './api-process';
import type { EngineAnswer } from './engine-child';
import { startEngineChild } from './engine-process';
import { startReadClient } from './read-client-process';
import { postgresUp } from './baselines';
import { buildCaseload, haiPhongScenario, hotCase, type CaseJob } from './caseload';
import { reportRouteP99, seedReportWorld } from './measure-report';
import {
  benchToken,
  foldCaseCold,
  getEventsLatency,
  httpCommandLoad,
  latencies,
  loadCase,
  type HttpLoad,
} from './measure-reads';
import { runJobs } from './run-jobs';
import { evaluate, median, percentile, type MetricResult } from './stats';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const M2_CASES = 1200;
/** Reports read per month and round: a p99 of 500 is not decided by one collection that spans two reads, as one of 200 was. */
const M6_READS = 500;
const HTTP_SECONDS = 8;

export interface ProfileOutcome {
  readonly metrics: Record<string, MetricResult>;
  readonly details: Record<string, unknown>;
}

export async function runQuickProfile(
  dir: string,
  runs: number,
  log: (line: string) => void,
  longCase = 5000,
): Promise<ProfileOutcome> {
  const scenario = haiPhongScenario();
  const caseload = buildCaseload(scenario, 'bench');
  const m2Jobs = caseload.slice(0, M2_CASES);
  const short = hotCase(scenario, 'bench', 40);
  const long = hotCase(scenario, 'bench', longCase, 1);
  const pg = await postgresUp(POSTGRES_URL);
  log(`caseload: ${caseload.length} cases; M2 rounds run ${M2_CASES} of them; PostgreSQL ${pg ? 'up' : 'down'}`);

  // The API's data directory holds the two hot cases before it starts, for M5's GET.
  const apiDir = join(dir, 'api');
  mkdirSync(apiDir);
  const seedStore = createSqliteEventStore({ filename: join(apiDir, 'events.db') });
  await runJobs(seedStore, [short, long], 2);
  const shortEvents = (await seedStore.readStream(`case-${short.caseId}`)).length;
  const longEvents = (await seedStore.readStream(`case-${long.caseId}`)).length;
  log(`hot cases: ${short.caseId} ${shortEvents} events, ${long.caseId} ${longEvents} events`);
  const api = await startApi(apiDir);
  const client = await startReadClient();
  const engine = await startEngineChild(m2Jobs);
  const measured = (answer: EngineAnswer<number>) => {
    enginePeakRss = Math.max(enginePeakRss, answer.peakRssMb);
    return answer.value;
  };
  const offices = [...new Set(caseload.map((job) => job.officeId)), 'HP-NGO-QUYEN'];
  const token = benchToken(apiDir, offices);

  const s: Record<string, number[]> = {};
  const add = (name: string, value: number) => {
    (s[name] ??= []).push(value);
    log(`  ${name} = ${Math.round(value * 1000) / 1000}`);
  };
  const http: HttpLoad[] = [];
  let apiPeakRss = 0;
  let enginePeakRss = 0;

  // The API child is stopped whatever happens, so a failed round never leaves it running.
  try {
    for (let round = 1; round <= runs; round++) {
      log(`round ${round}/${runs}: baselines`);
      add('b0', measured(await engine.measure({ task: 'b0', dir })));
      add('b0k', measured(await engine.measure({ task: 'b0k', dir })));
      log(`round ${round}/${runs}: M1 store appends`);
      add('m1', measured(await engine.measure({ task: 'm1', dir })));
      log(`round ${round}/${runs}: M2 commands, M4 catch-up`);
      const answer = await engine.commands(dir);
      enginePeakRss = Math.max(enginePeakRss, answer.peakRssMb);
      const commands = answer.value;
      add('m2', commands.withoutProjector);
      add('m2p', commands.withProjector);
      add('m2pBehind', commands.projectorBehindMs);
      add('m4', commands.catchUpEventsPerSecond);
      log(`round ${round}/${runs}: M3 HTTP, M5 reads`);
      api.resetStats();
      const load = await httpCommandLoad(api, token, HTTP_SECONDS, `${round}`);
      const stats = await api.stats();
      http.push(load);
      add('m3', load.requestsPerSecond);
      add('m3eld', stats.eventLoopDelayP99Ms);
      apiPeakRss = Math.max(apiPeakRss, stats.peakRssMb);
      // M5 measures reads, not reads beside the catch-up M3's writes leave behind: that wait is a detail.
      add('settle', await api.settle());
      // The same reads from the bench process too (a detail), first in every other round: its heap's collections show.
      const fromBench = () => getEventsLatency(api, token, short.caseId, 300, 99);
      if (round % 2 === 0) add('m5getBench', await fromBench());
      add('m5get', await getEventsLatency(api, token, short.caseId, 300, 99, client));
      if (round % 2 === 1) add('m5getBench', await fromBench());
      add('m5get5k', await getEventsLatency(api, token, long.caseId, 15, 50, client));
      add('m5fold', percentile(await latencies(() => loadCase(seedStore, short.caseId), 500), 99));
      add('m5fold5k', percentile(await latencies(() => loadCase(seedStore, long.caseId), 50, 3), 50));
      add('coldfold', percentile(await latencies(() => foldCaseCold(seedStore, short.caseId), 200), 99));
      add('coldfold5k', percentile(await latencies(() => foldCaseCold(seedStore, long.caseId), 10, 1), 50));
      if (pg) {
        log(`round ${round}/${runs}: B1, M8 PostgreSQL`);
        add('b1', measured(await engine.measure({ task: 'b1', postgresUrl: POSTGRES_URL })));
        add('m8', measured(await engine.measure({ task: 'm8', postgresUrl: POSTGRES_URL })));
      }
    }
  } finally {
    await engine.stop();
    await client.stop();
    await api.stop();
    await seedStore.close();
  }

  log('M6: seeding the whole caseload and projecting it');
  const reportDir = join(dir, 'report');
  const world = await seedReportWorld(reportDir, scenario, caseload);
  const worldEvents = world.events;
  await world.close();
  // The report is read as a statistician reads it: from the API, by a client of its own. Read in the bench process,
  // which holds the caseload, its collections decided the p99 (docs/performance.md, M6's measurement).
  log('M6: the report from the API on that store');
  const reportApi = await startApi(reportDir);
  const reportClient = await startReadClient();
  try {
    const reportToken = benchToken(reportDir, ['HP']);
    const read = (period: string) => reportRouteP99(reportApi, reportClient, reportToken, 'HP', period, M6_READS);
    const [first, last] = ['2017-10', scenario.period];
    // A new API finishes starting (its projector thread, its first sweeps) in the first second it listens.
    await reportApi.settle();
    for (const period of [first, last]) await read(period);
    for (let round = 1; round <= runs; round++) {
      add('m6first', await read(first));
      add('m6last', await read(last));
    }
    apiPeakRss = Math.max(apiPeakRss, (await reportApi.stats()).peakRssMb);
  } finally {
    await reportClient.stop();
    await reportApi.stop();
  }
  const benchPeakRss = process.resourceUsage().maxRSS / 1024;

  const m2 = median(s.m2);
  const metrics: Record<string, MetricResult> = {
    M1: evaluate(
      'SQLite store, 64 concurrent single-event appends (vs B0 single-row)',
      'appends/s',
      s.m1,
      ratio(5),
      median(s.b0),
    ),
    M2: evaluate('commands in process, 64 concurrent (vs B0 single-row)', 'commands/s', s.m2, ratio(2), median(s.b0)),
    M2p: evaluate('the same with the projector in the process (vs without)', 'commands/s', s.m2p, ratio(0.8), m2),
    M3: evaluate('HTTP POST /cases, autocannon 64 connections (vs M2)', 'req/s', s.m3, ratio(0.5), m2),
    M3eld: evaluate('API event-loop delay p99 under that load', 'ms', s.m3eld, atMost(20)),
    M4: evaluate('catch-up of all projections (vs B0 1,000-row)', 'events/s', s.m4, ratio(0.5), median(s.b0k)),
    M5fold: evaluate(`command path's load of a ${shortEvents}-event case, p99`, 'ms', s.m5fold, atMost(2)),
    M5get: evaluate(`GET /cases/{id}/events, ${shortEvents}-event case, p99`, 'ms', s.m5get, atMost(5)),
    M5fold5k: evaluate(`command path's load of a ${longEvents}-event case, p50`, 'ms', s.m5fold5k, atMost(10)),
    M6: evaluate(
      `completion report HP ${scenario.period} (${worldEvents} events), GET from the API, p99`,
      'ms',
      s.m6last,
      atMost(50),
    ),
    M6flat: evaluate(
      `report p99 last month / first month`,
      'x',
      s.m6last.map((value, index) => value / s.m6first[index]),
      atMost(2),
    ),
    M7: evaluate(
      'peak RSS, bench process, API child and engine child',
      'MB',
      [Math.max(benchPeakRss, apiPeakRss, enginePeakRss)],
      atMost(512),
    ),
  };
  if (pg)
    metrics.M8 = evaluate(
      'PostgreSQL store, 16 concurrent appends (vs B1)',
      'appends/s',
      s.m8,
      ratio(0.5),
      median(s.b1),
    );
  const details = {
    http: http.map((load) => ({ ...load })),
    getEvents5kP50Ms: median(s.m5get5k),
    getEventsFromBenchProcessP99Ms: s.m5getBench,
    apiCatchUpAfterM3Ms: s.settle,
    m2pProjectorBehindMs: s.m2pBehind,
    coldFoldP99Ms: median(s.coldfold),
    coldFold5kP50Ms: median(s.coldfold5k),
    b0SingleRow: s.b0,
    b0ThousandRows: s.b0k,
    b1: s.b1 ?? null,
    m6FirstMonthP99Ms: s.m6first,
    m6LastMonthP99Ms: s.m6last,
    apiPeakRssMb: apiPeakRss,
    enginePeakRssMb: enginePeakRss,
    benchPeakRssMb: benchPeakRss,
    caseloadCases: caseload.length,
    m2Cases: M2_CASES,
  };
  return { metrics, details };
}

function ratio(bound: number) {
  return { kind: 'ratio-at-least' as const, bound };
}

function atMost(bound: number) {
  return { kind: 'at-most' as const, bound };
}

export type { CaseJob };
