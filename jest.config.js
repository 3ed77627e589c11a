/**
 * Six projects, chosen by file name: *.spec.ts (pure unit), *.int-spec.ts (needs a database),
 * *.e2e-spec.ts (whole app), *.browser-spec.ts (the web console in Chromium, test/browser), e2e-postgres (the API's
 * e2e suites on PostgreSQL) and *.fault-spec.ts (fault injection, test/faults: kill -9, store restarts, full disks,
 * damaged files, hostile requests). `npm test` runs them all.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type checking is `npm run typecheck`; tsconfig.json sets isolatedModules, so ts-jest transpiles file by file
  // without type checking, which keeps a 2-core CI fast.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/**
 * Per-test (and per-hook) timeout: a generous bound, not a budget. The suite must pass on two cores while another
 * full run goes on beside it, where a database or whole-app test can take many times its idle duration; jest's
 * default is 5 s. testTimeout is a global option (jest ignores it inside a project), so it is set once, below.
 */
const TEST_TIMEOUT_MS = 120_000;

/**
 * Whether the PostgreSQL of the e2e leg answers (POSTGRES_URL, default the CI server). Probed once when jest loads
 * this file, in a child process because the config is synchronous; 10 s connection timeout (a busy machine starts processes slowly).
 */
function postgresReachable() {
  const { spawnSync } = require('node:child_process');
  const url = process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const probe = `const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 10000 });
    client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));`;
  return (
    spawnSync(process.execPath, ['-e', probe], {
      env: { ...process.env, PROBE_URL: url },
      timeout: 30_000,
      stdio: 'ignore',
    }).status === 0
  );
}

/**
 * Two workers on a 2-core machine, where jest would pick one and run every file in its own process: most whole-app,
 * database and fault files spend their time waiting on fsync, PostgreSQL or child processes, so a second file fits
 * beside them. Workers also contain a file that leaves a handle open: jest stops the worker at the end of the run,
 * where a single in-band process would keep the run from exiting. The files never share state (each makes its own
 * data directory, PostgreSQL schemas, ports and builds), as two whole runs at once on one machine also require.
 */
const WORKERS = 2;

module.exports = {
  testTimeout: TEST_TIMEOUT_MS,
  maxWorkers: WORKERS,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'] },
    // The web console in Chromium over the seeded Hải Phòng demo (test/browser/browser-world.ts: CHROMIUM_PATH).
    // Its tests set their own, longer timeouts: the seeding alone takes minutes.
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
    // The API e2e suites again, on PostgreSQL events and read models (test/e2e/api/e2e-stores.ts). Without a
    // reachable server the project runs one skipped notice instead, which prints how to run the leg.
    {
      ...shared,
      displayName: 'e2e-postgres',
      setupFiles: ['<rootDir>/test/e2e/api/postgres-leg/e2e-postgres.setup.ts'],
      testMatch: postgresReachable()
        ? ['<rootDir>/test/e2e/api/**/*.e2e-spec.ts']
        : ['<rootDir>/test/e2e/api/postgres-leg/*.skip-notice.ts'],
    },
    // Seeded and replayable from the FAULT_SEED each case prints (test/faults/support/fault-log.ts).
    // One webpack build of the API and projector per run, shared by the spec files that need it.
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/faults-global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/faults-global-teardown.ts',
    },
  ],
};
