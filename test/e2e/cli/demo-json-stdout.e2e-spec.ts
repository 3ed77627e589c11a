/**
 * `npm run -s demo -- --json` as an operator types it: the script builds the CLI when its sources changed (build
 * output on stderr), runs the built dist/apps/cli/main.js, and standard output is the report as JSON and nothing
 * else (progress, timing and log lines go to stderr). The small formula-traps scenario keeps it short; the default
 * scenario takes the same path with more commands (demo.e2e-spec.ts checks its figures in-process).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
/** A generous bound for a webpack build plus the run on a busy 2-core machine: a hang fails, slowness does not. */
const CHILD_TIMEOUT_MS = 1_200_000;

function npm(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: CHILD_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run -s demo -- --json', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'thads-demo-json-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'prints only the JSON report on stdout, everything else on stderr',
    async () => {
      const run = await npm([
        'run',
        '-s',
        'demo',
        '--',
        '--json',
        '--scenario',
        'scenarios/formula-traps.json',
        '--data-dir',
        dataDir,
      ]);
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      // The check an operator runs: `… | node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))'`.
      const report = JSON.parse(run.stdout) as { officeId?: unknown; period?: unknown };
      expect(report).toMatchObject({ officeId: expect.any(String), period: expect.any(String) });
      expect(run.stdout).not.toContain('\u001b[');
      expect(run.stderr).toMatch(/^Scenario: /m);
      expect(run.stderr).toMatch(/^Done in /m);
    },
    CHILD_TIMEOUT_MS + 60_000,
  );
});
