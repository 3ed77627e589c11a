import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The layer rules of eslint.config.mjs fire: the fixture imports libs/application from libs/read-models, once
 * through the entry point and once through a deep path. `npm run lint` never sees the fixture (it is ignored); here
 * ESLint's Node API lints its text as if it were a file of the lib named (lint-as.cjs, in a child process because
 * ESLint loads its flat config with a dynamic import that jest's sandbox refuses).
 */
const ROOT = join(__dirname, '../..');
const FIXTURE = 'test/lint/fixtures/wrong-way-import.ts';
/** ESLint loads its plugins and the TypeScript parser on start: seconds idle, many more on a busy machine. */
const CHILD_TIMEOUT_MS = 120_000;

interface LintOutcome {
  readonly ignored: boolean;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number; readonly message: string }[];
}

async function lintFixtureAs(filePath: string): Promise<LintOutcome> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'lint-as.cjs'), FIXTURE, filePath], {
    cwd: ROOT,
    timeout: CHILD_TIMEOUT_MS,
  });
  return JSON.parse(stdout) as LintOutcome;
}

const boundaryErrorLines = (outcome: LintOutcome) =>
  outcome.messages.filter((message) => message.ruleId === 'boundaries/dependencies').map((message) => message.line);

describe('layer rules (eslint-plugin-boundaries)', () => {
  it(
    'refuse libs/application in libs/read-models, by entry point and by deep path; the fixture is not linted by npm run lint',
    async () => {
      const outcome = await lintFixtureAs('libs/read-models/src/wrong-way-import.ts');
      expect(boundaryErrorLines(outcome)).toEqual([3, 4]);
      expect(outcome.messages[0].message).toMatch(/read-models may not import this from application/);
      expect(outcome.ignored).toBe(true);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'let an app import a lib through its entry point, not through a path into it',
    async () => {
      const outcome = await lintFixtureAs('apps/cli/src/wrong-way-import.ts');
      expect(boundaryErrorLines(outcome)).toEqual([4]);
    },
    CHILD_TIMEOUT_MS,
  );
});
