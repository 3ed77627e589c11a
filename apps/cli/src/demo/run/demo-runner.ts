/**
 * The demo end to end: plan the scenario's cases, register its offices and targets, run every
 * command through handleCommand into an SQLite event store, start the projector runtime, wait until it has applied
 * the head position, and read the completion report from the completion_stats projection. Nothing in the report
 * comes from the scenario file: only the events reach it.
 */
import { createSqliteEventStore, type GroupCommitStats } from '@thads/event-store';
import {
  completionReport,
  createProgressBar,
  startProjectorRuntime,
  type CompletionReport,
  type ProgressOutput,
  type ProjectorRuntime,
} from '@thads/read-models';
import { planScenario } from '../generator/case-plans';
import type { Scenario } from '../scenario/scenario';
import { holderOn } from '../scenario/scenario-successions';
import { scenarioWindow } from '../scenario/scenario-window';
import { storeFilesIn } from './demo-data-dir';
import { withThousands } from './report-table';
import { seedCases, seedOffices } from './seed-commands';

/** What runDemo needs. */
export interface DemoOptions {
  readonly scenario: Scenario;
  /** A prepared directory (prepareDataDir): events.db and read.db are written there. */
  readonly dataDir: string;
  /** Progress bars and warnings (stderr). */
  readonly progress: ProgressOutput;
  /** Cases in flight at once. Default 64: enough for group commit to batch appends, few enough to keep reads cheap. */
  readonly concurrency?: number;
  /** Events per projector batch. Default 2000: the demo replays a long log at once. */
  readonly projectorBatchSize?: number;
  /** How long to wait for the projection to reach the head. Default 10 minutes. */
  readonly projectionTimeoutMs?: number;
}

/** The report and how the run went. */
export interface DemoResult {
  readonly report: CompletionReport;
  readonly rootOfficeId: string;
  readonly cases: number;
  readonly commands: number;
  readonly headPosition: bigint;
  readonly planningMs: number;
  readonly seedingMs: number;
  readonly projectionMs: number;
  readonly commandsPerSecond: number;
  /** How the SQLite store grouped the appends into transactions (one fsync each). */
  readonly groupCommit: GroupCommitStats;
}

const DEFAULT_CONCURRENCY = 64;
const DEFAULT_PROJECTOR_BATCH = 2000;
/** Progress steps while the projection catches up: positions the store returned, never invented ones. */
const PROJECTION_STEPS = 20;

/** Runs the scenario into `dataDir` and returns the completion report of its root office for its period. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { scenario, progress } = options;
  const root = scenario.offices.find((office) => office.parent === undefined);
  if (!root) throw new Error('A scenario has exactly one root office (validateScenario checks it)');
  const window = scenarioWindow(scenario);

  const planningStarted = Date.now();
  const plans = planScenario(scenario);
  const planningMs = Date.now() - planningStarted;

  const files = storeFilesIn(options.dataDir);
  // Always the embedded SQLite store: the demo measures its group commit, and never touches a configured server.
  const store = createSqliteEventStore({ filename: files.events });
  try {
    const seedingStarted = Date.now();
    const officeCommands = await seedOffices(store, scenario, window);
    const bar = createProgressBar(progress, 'Seeding cases');
    const step = Math.max(1, Math.floor(plans.length / 100));
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const seeded = await seedCases(
      store,
      scenario.seed,
      window.periodEndsOn,
      plans,
      concurrency,
      (done) => {
        if (done % step === 0 || done === plans.length) bar.update(BigInt(done), BigInt(plans.length));
      },
      (officeId, date) => holderOn(scenario.successions ?? [], officeId, date),
    );
    const seedingMs = Date.now() - seedingStarted;
    const commands = officeCommands + seeded.commands;
    const commandsPerSecond = Math.round(commands / Math.max(seedingMs / 1000, 0.001));
    bar.done(
      `${withThousands(BigInt(plans.length))} cases, ${withThousands(BigInt(commands))} commands in ${(seedingMs / 1000).toFixed(1)} s (${withThousands(BigInt(commandsPerSecond))} commands/s)`,
    );

    const headPosition = await store.headPosition();
    const projectionStarted = Date.now();
    const runtime = await startProjectorRuntime({
      eventStore: store,
      readModelUrl: `sqlite:${files.readModels}`,
      batchSize: options.projectorBatchSize ?? DEFAULT_PROJECTOR_BATCH,
      logger: {
        log: () => undefined,
        warn: (message) => progress.write(`projector: ${message}\n`),
        error: (message) => progress.write(`projector: ${message}\n`),
      },
    });
    try {
      await followProjection(
        runtime,
        headPosition,
        seeded.lastPositions,
        progress,
        options.projectionTimeoutMs ?? 600_000,
      );
      const projectionMs = Date.now() - projectionStarted;
      const report = await completionReport(runtime.readModels.db, { officeId: root.id, period: scenario.period });
      const groupCommit = store.groupCommitStats();
      return {
        report,
        rootOfficeId: root.id,
        cases: plans.length,
        commands,
        headPosition,
        planningMs,
        seedingMs,
        projectionMs,
        commandsPerSecond,
        groupCommit,
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}

/**
 * Waits until every projection has applied the head position, drawing a progress bar at positions the cases' last
 * commands returned (waitForPosition resolves on each; nothing polls or sleeps). A halted projection rejects with
 * ProjectionHalted naming it.
 */
async function followProjection(
  runtime: ProjectorRuntime,
  head: bigint,
  positions: readonly bigint[],
  progress: ProgressOutput,
  timeoutMs: number,
): Promise<void> {
  const bar = createProgressBar(progress, 'Projecting');
  const started = Date.now();
  const sorted = [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const milestones = Array.from(
    { length: PROJECTION_STEPS },
    (_, index) => sorted[Math.floor(((index + 1) * sorted.length) / (PROJECTION_STEPS + 1))],
  ).filter((position) => position !== undefined);
  for (const position of [...milestones, head]) {
    await runtime.projector.waitForPosition(position, timeoutMs - (Date.now() - started));
    bar.update(position < 0n ? 0n : position, head < 0n ? 0n : head);
  }
  bar.done(`position ${head} reached in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
