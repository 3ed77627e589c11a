/**
 * `npm run bench [-- --profile quick|full|soak] [--json] [--runs N] [--minutes M]`: the performance suite
 * (docs/performance.md). Every figure is the median of N (default 3) interleaved rounds, each round measuring the
 * baselines beside the metrics, so ratios hold on a busy or a quiet machine alike. Writes
 * test/bench/results/<timestamp>.json; prints a table, or with --json only `{ machine, metrics }`. Not part of
 * `npm test`: tests never depend on the machine's speed.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runQuickProfile } from './quick-profile';
import { machineInfo } from './machine';
import { formatTable } from './table';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'quick' },
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      'long-case': { type: 'string', default: '5000' },
      minutes: { type: 'string', default: '10' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);
  if (!['quick', 'full', 'soak'].includes(values.profile ?? ''))
    throw new Error(`--profile must be quick, full or soak, got ${values.profile}`);
  const minutes = Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 3)
    throw new Error(`--minutes must be a whole number ≥ 3, got ${values.minutes}`);

  const resultsDir = join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  // The engine's files and the baselines' files live on the same disk: a work directory beside the results.
  const workDir = mkdtempSync(join(resultsDir, '.work-'));
  // Progress goes to stderr, so --json leaves stdout to the JSON alone.
  // Each line carries the process's RSS at that moment: M7's peak is the max over every phase.
  const log = (line: string) =>
    process.stderr.write(`${line}  [rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB]\n`);
  try {
    const machine = machineInfo(workDir);
    const started = Date.now();
    const outcome =
      values.profile === 'full'
        ? await (await import('./full-profile')).runFullProfile(workDir, log)
        : values.profile === 'soak'
          ? await (await import('./soak-profile')).runSoakProfile(workDir, minutes, log)
          : await runQuickProfile(workDir, runs, log, Number(values['long-case']));
    const result = {
      machine: { ...machine, profile: values.profile, runs, seconds: Math.round((Date.now() - started) / 1000) },
      metrics: outcome.metrics,
      details: outcome.details,
    };
    const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify({ machine: result.machine, metrics: result.metrics })}\n`);
    else
      process.stdout.write(
        `${formatTable(result.metrics)}\nDetails: ${JSON.stringify(outcome.details)}\nWritten to ${file}\n`,
      );
  } finally {
    if (!values.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
