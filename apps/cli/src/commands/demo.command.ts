import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJson, type CliIo } from '../cli-context';
import { prepareDataDir } from '../demo/run/demo-data-dir';
import { assertHeapFitsScenario } from '../demo/run/demo-memory';
import { runDemo } from '../demo/run/demo-runner';
import { reportTable, withThousands } from '../demo/run/report-table';
import { parseScenarioText } from '../demo/scenario/scenario-validation';

/** The scenario `npm run demo` runs without --scenario: Hải Phòng, 8 months of 2018 (docs/domain.md). */
export const DEFAULT_SCENARIO = 'scenarios/hai-phong-2018.json';

/** Options of the demo command. */
export interface DemoCommandOptions {
  readonly scenario?: string;
  readonly dataDir?: string;
  readonly force: boolean;
  readonly json: boolean;
}

/**
 * `demo [--scenario <file>] [--data-dir <dir>] [--force] [--json]`: seeds a scenario through the real command path,
 * projects it and prints the completion report of its root office (JSON with --json). The scenario is validated
 * before anything is written; the data goes to a fresh temporary directory unless --data-dir names an empty one.
 * Environment settings (DATA_DIR, EVENT_STORE_URL) are ignored on purpose: the demo never writes into ./data.
 */
export async function demoCommand(io: CliIo, options: DemoCommandOptions): Promise<number> {
  const file = resolve(options.scenario ?? DEFAULT_SCENARIO);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Not `instanceof Error`: fs errors may come from another realm (jest's sandbox), and the message is what matters.
    const reason =
      typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    throw new Error(`Cannot read the scenario ${file}: ${reason}`);
  }
  const scenario = parseScenarioText(text, file);
  assertHeapFitsScenario(scenario);
  const dataDir = prepareDataDir(options.dataDir, options.force);
  io.stderr.write(
    `Scenario: ${scenario.name} (${file})\nData: ${dataDir.path}${dataDir.temporary ? ' (temporary)' : ''}\n`,
  );
  const started = Date.now();
  const result = await runDemo({ scenario, dataDir: dataDir.path, progress: io.stderr });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const count = (value: number) => withThousands(BigInt(value));
  io.stderr.write(
    `Done in ${seconds} s: ${count(result.cases)} cases planned in ${(result.planningMs / 1000).toFixed(1)} s, ${count(result.commands)} commands in ` +
      `${(result.seedingMs / 1000).toFixed(1)} s (${count(result.commandsPerSecond)} commands/s), projected in ${(result.projectionMs / 1000).toFixed(1)} s\n` +
      `Group commit: ${count(result.groupCommit.appends)} appends in ${count(result.groupCommit.transactions)} transactions (largest ${result.groupCommit.largestGroup})\n` +
      `Explore it: DATA_DIR=${dataDir.path} npm start\n`,
  );
  io.stdout.write(options.json ? `${toJson(result.report)}\n` : reportTable(result.report));
  return 0;
}
