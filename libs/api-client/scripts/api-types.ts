/**
 * The generated types of the API (libs/api-client/src/openapi.generated.ts) from docs/openapi.json, by
 * openapi-typescript, formatted with the repository's Prettier settings. `npm run api:types` writes them; the drift
 * spec beside this file fails when the committed file is not what docs/openapi.json generates. Both tools run as
 * child processes: openapi-typescript is an ES module and Prettier loads plugins by dynamic import, neither of which
 * jest's CommonJS runtime can load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../..');
export const OPENAPI_DOCUMENT = 'docs/openapi.json';
export const GENERATED_TYPES = 'libs/api-client/src/openapi.generated.ts';

function run(args: string[], input?: string): string {
  const outcome = spawnSync(process.execPath, args, { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: 120_000 });
  if (outcome.status !== 0) throw new Error(`${args.join(' ')} failed: ${outcome.stderr || outcome.error?.message}`);
  return outcome.stdout;
}

/** What `npm run api:types` would write now. */
export function generateApiTypes(document = OPENAPI_DOCUMENT): string {
  const types = run([join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js'), document]);
  return run([require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', GENERATED_TYPES], types);
}

export function committedApiTypes(): string {
  return readFileSync(join(REPO_ROOT, GENERATED_TYPES), 'utf8');
}

if (require.main === module) writeFileSync(join(REPO_ROOT, GENERATED_TYPES), generateApiTypes());
