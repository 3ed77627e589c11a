/**
 * `npm run test:property -- --histories 20000 [--seed 1234]`: the read-side property test at any size, through jest
 * (read-side-agreement.int-spec.ts reads PROPERTY_HISTORIES and PROPERTY_SEED).
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const env = { ...process.env };
const histories = valueOf('histories');
const seed = valueOf('seed');
if (histories !== undefined) env.PROPERTY_HISTORIES = histories;
if (seed !== undefined) env.PROPERTY_SEED = seed;
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--selectProjects', 'int', '--', 'test/property'],
  { env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
