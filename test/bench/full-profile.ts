/**
 * The full profile (national-scenario.ts): about 1M cases over the 2025 structure, seeded office by office
 * (bulk-seed.ts), then every projection rebuilt from the first event and the national roll-up of the completion
 * report read at the first and the last month of the year, beside the Hải Phòng store (12k cases) seeded and
 * projected the same way in the same run (M6 flat from 12k to 1M). RSS is sampled in every phase (M7).
 * BENCH_FULL_OFFICES=N seeds only the first N offices (a short trial of the same code).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore, type SqliteEventStore } from '@thads/event-store';
import { completionReport, startProjectorRuntime, type ProjectorRuntime } from '@thads/read-models';
import { planScenario } from '../../apps/cli/src/demo/generator/case-plans';
import { seedOffices } from '../../apps/cli/src/demo/run/seed-commands';
import { scenarioWindow } from '../../apps/cli/src/demo/scenario/scenario-window';
import type { Scenario } from '../../apps/cli/src/demo/scenario/scenario';
import { b0ThousandRows } from './baselines';
import { bulkSeed } from './bulk-seed';
import { caseJobs, haiPhongScenario } from './caseload';
import { latencies } from './measure-reads';
import { NATIONAL_ROOT, nationalScenario, officeAlone } from './national-scenario';
import type { ProfileOutcome } from './quick-profile';
import { evaluate, median, percentile, type MetricResult } from './stats';

const REPORT_ROUNDS = 3;
const REPORT_READS = 30;

interface World {
  readonly store: SqliteEventStore;
  readonly dir: string;
  readonly cases: number;
  readonly events: number;
  readonly seedSeconds: number;
}

export async function runFullProfile(dir: string, log: (line: string) => void): Promise<ProfileOutcome> {
  const rss = new RssSampler();
  const limit = process.env.BENCH_FULL_OFFICES === undefined ? Infinity : Number(process.env.BENCH_FULL_OFFICES);
  const template = haiPhongScenario();
  const national = nationalScenario(template);
  log(`national scenario: ${national.offices.length} offices; seeding`);
  const nationalWorld = await seedWorld(join(dir, 'national'), national, limit, log, rss);
  log(`national: ${nationalWorld.cases} cases, ${nationalWorld.events} events in ${nationalWorld.seedSeconds} s`);
  const haiPhongWorld = await seedWorld(join(dir, 'hai-phong'), template, Infinity, log, rss);
  log(`Hải Phòng: ${haiPhongWorld.cases} cases, ${haiPhongWorld.events} events`);

  const b0k = [b0ThousandRows(dir, 2000)];
  log('rebuilding every projection of the national store from its first event');
  const rebuild = await project(nationalWorld, log, rss);
  b0k.push(b0ThousandRows(dir, 2000));
  const haiPhong = await project(haiPhongWorld, log, rss);
  const rebuildPeakMb = rss.peakMb;

  const s: Record<string, number[]> = { first: [], last: [], province: [], haiPhong: [] };
  for (let round = 1; round <= REPORT_ROUNDS; round++) {
    s.first.push(await reportP99(rebuild.runtime, NATIONAL_ROOT, '2025-10'));
    s.last.push(await reportP99(rebuild.runtime, NATIONAL_ROOT, national.period));
    s.province.push(await reportP99(rebuild.runtime, 'T01', national.period));
    s.haiPhong.push(await reportP99(haiPhong.runtime, 'HP', template.period));
    log(`round ${round}: report p99 national ${s.first.at(-1)} / ${s.last.at(-1)} ms, HP ${s.haiPhong.at(-1)} ms`);
    rss.sample();
  }
  const report = await completionReport(rebuild.runtime.readModels.db, { officeId: NATIONAL_ROOT, period: '2026-06' });
  await Promise.all([rebuild.runtime.close(), haiPhong.runtime.close()]);
  await Promise.all([nationalWorld.store.close(), haiPhongWorld.store.close()]);

  const scale = `${nationalWorld.cases.toLocaleString('en')} cases, ${nationalWorld.events.toLocaleString('en')} events`;
  const metrics: Record<string, MetricResult> = {
    M4: evaluate(
      `rebuild of all projections, ${scale} (vs B0 1,000-row)`,
      'events/s',
      [rebuild.eventsPerSecond],
      { kind: 'ratio-at-least', bound: 0.5 },
      median(b0k),
    ),
    M6: evaluate(`national roll-up ${national.period}, ${scale}, p99`, 'ms', s.last, { kind: 'at-most', bound: 50 }),
    M6flat: evaluate(
      'national p99 last month / first month',
      'x',
      s.last.map((value, index) => value / s.first[index]),
      { kind: 'at-most', bound: 2 },
    ),
    M6scale: evaluate(
      `national p99 / Hải Phòng (${haiPhongWorld.cases} cases) p99`,
      'x',
      s.last.map((value, index) => value / s.haiPhong[index]),
      { kind: 'at-most', bound: 2 },
    ),
    M7: evaluate('peak RSS of the bench process (seeding, rebuild, report)', 'MB', [rss.peakMb], {
      kind: 'at-most',
      bound: 512,
    }),
  };
  const details = {
    nationalCases: nationalWorld.cases,
    nationalEvents: nationalWorld.events,
    seedSeconds: nationalWorld.seedSeconds,
    rebuildSeconds: rebuild.seconds,
    rebuildPeakRssMb: rebuildPeakMb,
    peakRssByPhaseMb: rss.byPhase,
    b0ThousandRows: b0k,
    nationalFirstMonthP99Ms: s.first,
    nationalLastMonthP99Ms: s.last,
    provinceP99Ms: s.province,
    haiPhongP99Ms: s.haiPhong,
    nationalRates: {
      cases: report.rollUp.cases.completionRate,
      money: report.rollUp.money.completionRate,
      takenOn: String(report.rollUp.cases.takenOn),
    },
  };
  return { metrics, details };
}

/** Registers the offices, then plans and seeds one office at a time, so only one office's plans are ever held. */
async function seedWorld(
  dir: string,
  scenario: Scenario,
  officeLimit: number,
  log: (line: string) => void,
  rss: RssSampler,
): Promise<World> {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
  await seedOffices(store, scenario, scenarioWindow(scenario));
  const single = scenario.offices.length === 1 || scenario.offices.every((office) => office.id.startsWith('HP'));
  const units = single ? [scenario] : scenario.offices.slice(1, 1 + officeLimit).map((o) => officeAlone(scenario, o));
  let cases = 0;
  for (const [index, unit] of units.entries()) {
    const seeded = await bulkSeed(store, caseJobs(planScenario(unit), 'full'), 64);
    cases += seeded.cases;
    rss.sample(`seed ${dir}`);
    if (index % 25 === 24) log(`  ${index + 1}/${units.length} offices, ${cases} cases`);
  }
  const events = Number(await store.headPosition()) + 1;
  return { store, dir, cases, events, seedSeconds: Math.round((performance.now() - started) / 1000) };
}

async function project(world: World, log: (line: string) => void, rss: RssSampler) {
  const started = performance.now();
  const runtime: ProjectorRuntime = await startProjectorRuntime({
    eventStore: world.store,
    readModelUrl: `sqlite:${join(world.dir, 'read.db')}`,
    batchSize: 2000,
    logger: { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
  });
  const head = await world.store.headPosition();
  const sampling = setInterval(() => rss.sample(`rebuild ${world.dir}`), 1000);
  const progress = setInterval(() => log(`  projected ${slowest(runtime)} of ${head}`), 60_000);
  try {
    // Hours: the national rebuild at this machine's catch-up rate; a stall still ends the run.
    await runtime.projector.waitForPosition(head, 4 * 3600_000);
  } finally {
    clearInterval(sampling);
    clearInterval(progress);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`projected ${world.events} events in ${Math.round(seconds)} s`);
  return { runtime, seconds: Math.round(seconds), eventsPerSecond: world.events / seconds };
}

/** The position of the projection furthest behind. */
function slowest(runtime: ProjectorRuntime): bigint {
  return runtime.projector.status().reduce((low, { position }) => (position < low ? position : low), 2n ** 62n);
}

async function reportP99(runtime: ProjectorRuntime, officeId: string, period: string): Promise<number> {
  const samples = await latencies(() => completionReport(runtime.readModels.db, { officeId, period }), REPORT_READS, 3);
  return Math.round(percentile(samples, 99) * 100) / 100;
}

/** The process's peak RSS (the kernel's high-water mark), noted per phase. */
class RssSampler {
  readonly byPhase: Record<string, number> = {};
  get peakMb(): number {
    return Math.round(process.resourceUsage().maxRSS / 1024);
  }
  sample(phase = 'report'): void {
    this.byPhase[phase] = Math.max(this.byPhase[phase] ?? 0, Math.round(process.memoryUsage.rss() / 1048576));
  }
}
