/**
 * The full profile (national-scenario.ts): about 1M cases over the 2025 structure, seeded office by office
 * (bulk-seed.ts), then every projection rebuilt from the first event and the national roll-up of the completion
 * report read at the first and the last month of the year, beside the same tree holding 1 in 83 of those cases
 * (about 12k, in every office) seeded and projected the same way in the same run (M6 flat from 12k to 1M). RSS is
 * sampled in every phase (M7); the two worlds are all the process holds.
 * BENCH_FULL_OFFICES=N seeds only the first N offices (a short trial of the same code).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteEventStore, type SqliteEventStore } from '@thads/event-store';
import { completionReport, type ProjectorRuntime } from '@thads/read-models';
import { planScenario } from '../../apps/cli/src/demo/generator/case-plans';
import { seedOffices } from '../../apps/cli/src/demo/run/seed-commands';
import { scenarioWindow } from '../../apps/cli/src/demo/scenario/scenario-window';
import type { Scenario } from '../../apps/cli/src/demo/scenario/scenario';
import { b0ThousandRows } from './baselines';
import { bulkSeed } from './bulk-seed';
import { caseJobs, haiPhongScenario } from './caseload';
import { reportP99, startBenchProjector } from './measure-report';
import { NATIONAL_ROOT, nationalScenario, officeAlone } from './national-scenario';
import type { ProfileOutcome } from './quick-profile';
import { evaluate, median, type MetricResult } from './stats';

const REPORT_ROUNDS = 3;
const REPORT_READS = 30;
/** The 12k world keeps every 83rd case of each office: the national tree with about 1M / 83 ≈ 12k cases. */
const SMALL_WORLD_EVERY = 83;

interface World {
  readonly store: SqliteEventStore;
  readonly dir: string;
  readonly cases: number;
  readonly events: number;
  readonly seedSeconds: number;
}

export async function runFullProfile(dir: string, log: (line: string) => void): Promise<ProfileOutcome> {
  const rss = new RssSampler();
  const limit = officeLimit(process.env.BENCH_FULL_OFFICES);
  const national = nationalScenario(haiPhongScenario());
  // Every office planned alone, below the root (which has no cases of its own).
  const units = national.offices.slice(1, 1 + limit).map((office) => officeAlone(national, office));
  log(`national scenario: ${national.offices.length} offices; seeding`);
  const nationalWorld = await seedWorld(join(dir, 'national'), national, units, log, rss);
  log(`national: ${nationalWorld.cases} cases, ${nationalWorld.events} events in ${nationalWorld.seedSeconds} s`);
  const smallWorld = await seedWorld(join(dir, 'national-12k'), national, units, log, rss, SMALL_WORLD_EVERY);
  log(`national, 1 case in ${SMALL_WORLD_EVERY}: ${smallWorld.cases} cases, ${smallWorld.events} events`);

  const b0k = [b0ThousandRows(dir, 2000)];
  log('rebuilding every projection of the national store from its first event');
  const rebuild = await project(nationalWorld, log, rss);
  const rebuildPeakMb = rss.peakMb;
  b0k.push(b0ThousandRows(dir, 2000));
  const small = await project(smallWorld, log, rss);

  const firstMonth = scenarioWindow(national).yearStartsOn.slice(0, 7);
  const p99 = async (runtime: ProjectorRuntime, officeId: string, period: string) =>
    Math.round((await reportP99(runtime, officeId, period, REPORT_READS)) * 100) / 100;
  const s: Record<string, number[]> = { first: [], last: [], small: [], province: [] };
  for (let round = 1; round <= REPORT_ROUNDS; round++) {
    s.first.push(await p99(rebuild.runtime, NATIONAL_ROOT, firstMonth));
    s.last.push(await p99(rebuild.runtime, NATIONAL_ROOT, national.period));
    s.small.push(await p99(small.runtime, NATIONAL_ROOT, national.period));
    s.province.push(await p99(rebuild.runtime, national.offices[1].id, national.period));
    log(
      `round ${round}: report p99 national ${s.first.at(-1)} / ${s.last.at(-1)} ms, ` +
        `12k national ${s.small.at(-1)} ms, province ${s.province.at(-1)} ms`,
    );
    rss.sample();
  }
  const report = await completionReport(rebuild.runtime.readModels.db, {
    officeId: NATIONAL_ROOT,
    period: national.period,
  });
  await Promise.all([rebuild.runtime.close(), small.runtime.close()]);
  await Promise.all([nationalWorld.store.close(), smallWorld.store.close()]);

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
      `national p99 / the same tree holding ${smallWorld.cases} cases, p99`,
      'x',
      s.last.map((value, index) => value / s.small[index]),
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
    smallWorldCases: smallWorld.cases,
    smallWorldP99Ms: s.small,
    provinceP99Ms: s.province,
    nationalRates: {
      cases: report.rollUp.cases.completionRate,
      money: report.rollUp.money.completionRate,
      takenOn: String(report.rollUp.cases.takenOn),
    },
  };
  return { metrics, details };
}

/**
 * Registers the scenario's offices, then plans and seeds one unit at a time, so only one unit's plans are held;
 * `everyNth` keeps every nth planned case of each unit (the same tree with fewer cases).
 */
async function seedWorld(
  dir: string,
  scenario: Scenario,
  units: readonly Scenario[],
  log: (line: string) => void,
  rss: RssSampler,
  everyNth = 1,
): Promise<World> {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const store = createSqliteEventStore({ filename: join(dir, 'events.db') });
  await seedOffices(store, scenario, scenarioWindow(scenario));
  let cases = 0;
  for (const [index, unit] of units.entries()) {
    const plans = planScenario(unit).filter((_, planIndex) => planIndex % everyNth === 0);
    const seeded = await bulkSeed(store, caseJobs(plans, 'full'), 64);
    cases += seeded.cases;
    rss.sample(`seed ${dir}`);
    if (index % 25 === 24) log(`  ${index + 1}/${units.length} offices, ${cases} cases`);
  }
  const events = Number(await store.headPosition()) + 1;
  return { store, dir, cases, events, seedSeconds: Math.round((performance.now() - started) / 1000) };
}

async function project(world: World, log: (line: string) => void, rss: RssSampler) {
  const started = performance.now();
  const head = await world.store.headPosition();
  const runtime = await startBenchProjector(world.store, world.dir);
  // Hours: the national rebuild at this machine's catch-up rate; a stall still ends the run.
  await runtime.projector.waitForPosition(head, 4 * 3600_000);
  // The catch-up holds the event loop (no timer fires inside it), so the phase's figure is the kernel's high-water mark.
  rss.notePeak(`rebuild ${world.dir}`);
  const seconds = (performance.now() - started) / 1000;
  log(`projected ${world.events} events in ${Math.round(seconds)} s`);
  return { runtime, seconds: Math.round(seconds), eventsPerSecond: world.events / seconds };
}

/** BENCH_FULL_OFFICES: how many offices to seed (a trial), all when unset. */
function officeLimit(value: string | undefined): number {
  if (value === undefined) return Infinity;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`BENCH_FULL_OFFICES must be a whole number ≥ 1, got ${value}`);
  return limit;
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
  notePeak(phase: string): void {
    this.byPhase[phase] = this.peakMb;
  }
}
