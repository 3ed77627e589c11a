/**
 * The point of the typed client, checked on a real caller: the web console (apps/console, which calls the API only
 * through libs/api-client) is type-checked against types generated from a copy of docs/openapi.json in which the
 * completion report's `period` parameter is renamed. The console must stop compiling, naming the call; the same
 * copy with the document unchanged must compile (so the failure is the API change, not the set-up).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_TYPES, generateApiTypes, OPENAPI_DOCUMENT, REPO_ROOT } from './api-types';

interface Parameter {
  name: string;
  in: string;
}

/** The console and the client copied under `dir`, the client's types generated from `document`. */
function consoleAgainst(dir: string, document: object): { status: number | null; output: string } {
  cpSync(join(REPO_ROOT, 'apps/console/src'), join(dir, 'apps/console/src'), { recursive: true });
  cpSync(join(REPO_ROOT, 'apps/console/tsconfig.json'), join(dir, 'apps/console/tsconfig.json'));
  cpSync(join(REPO_ROOT, 'libs/api-client/src'), join(dir, 'libs/api-client/src'), { recursive: true });
  const documentFile = join(dir, 'openapi.json');
  writeFileSync(documentFile, JSON.stringify(document));
  writeFileSync(join(dir, GENERATED_TYPES), generateApiTypes(documentFile));
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(dir, 'apps/console/tsconfig.json'), '--noEmit'],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
}

/** Generation and a type-check of the console, twice per test on a busy machine: generous, not a budget. */
const TSC_TEST_TIMEOUT_MS = 300_000;

describe('a change to the API breaks the type-check of its callers', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-change-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const document = () => JSON.parse(readFileSync(join(REPO_ROOT, OPENAPI_DOCUMENT), 'utf8'));

  it(
    'the console compiles against the document as it is',
    () => {
      const unchanged = consoleAgainst(scratch(), document());
      expect(unchanged.output).toBe('');
      expect(unchanged.status).toBe(0);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it(
    'and not once the completion report renames its period parameter',
    () => {
      const changed = document();
      const parameters: Parameter[] = changed.paths['/api/v1/reports/completion'].get.parameters;
      const period = parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'period');
      expect(period).toBeDefined();
      if (period) period.name = 'month';
      const broken = consoleAgainst(scratch(), changed);
      expect(broken.status).not.toBe(0);
      expect(broken.output).toMatch(/apps\/console\/src\/api\.ts\(\d+,\d+\): error TS\d+:.*period/);
    },
    TSC_TEST_TIMEOUT_MS,
  );
});
