/**
 * The real API in its own process, so a fault case can SIGKILL it, watch it refuse to start, or see whether it exits.
 * Built once per suite by webpack (`buildApi`, the same bundle as `npm start`) into a directory of its own, because a
 * start of the bundle takes a second where ts-node takes half a minute on a busy machine.
 * Waiting is on conditions (the port answering, the process exiting), bounded by generous timeouts, never on sleeps.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { ROLES, signJwt } from '@thads/auth';

const ROOT = join(__dirname, '../../..');
/** A start of the API under load on 2 busy cores. */
const START_TIMEOUT_MS = 180_000;

export interface ApiProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code or signal once the process has gone. */
  exited(): Promise<number | NodeJS.Signals | null>;
  /** Whether the process has exited. */
  hasExited(): boolean;
  /** SIGKILL (kill -9) and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean shutdown) and wait for the exit. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The fault suite's webpack build of the API and the stand-alone projector; `remove()` deletes a build of its own. */
export interface ApiBuild {
  readonly entry: string;
  readonly projectorEntry: string;
  remove(): void;
}

/** A build of one suite run: jest's global setup names it, so every spec file of the run reuses one build. */
const SHARED_BUILD_DIR = process.env.FAULTS_SHARED_BUILD_DIR;
/** A whole build of the API and projector on 2 busy cores (about 10 s idle). */
const BUILD_TIMEOUT_MS = 900_000;

/**
 * Builds the API and projector bundles under dist/ (inside the repository, so the bundles find node_modules; never
 * dist/apps, which `npm start` and other runs write). Under `npm run test:faults` the first spec file to ask builds
 * into the run's directory (faults-global-setup.ts) while the others wait for it; a spec run without that setup
 * builds into dist/faults-<pid> and removes it.
 */
export async function buildApi(): Promise<ApiBuild> {
  if (!SHARED_BUILD_DIR) {
    const dir = join(ROOT, 'dist', `faults-${process.pid}`);
    await webpack(dir);
    return { ...entries(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const done = join(SHARED_BUILD_DIR, '.built');
  const failed = `${SHARED_BUILD_DIR}.failed`;
  let builder = false;
  // dist/ is absent in a fresh clone until something builds.
  mkdirSync(dirname(SHARED_BUILD_DIR), { recursive: true });
  try {
    mkdirSync(`${SHARED_BUILD_DIR}.lock`);
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (builder) {
    try {
      await webpack(SHARED_BUILD_DIR);
      writeFileSync(done, '');
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  } else {
    // Another spec file of this run is building: wait for its marker (a file, so polled).
    const deadline = Date.now() + BUILD_TIMEOUT_MS;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`the shared fault build failed: ${readFileSync(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the shared fault build did not finish in ${BUILD_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { ...entries(SHARED_BUILD_DIR), remove: () => undefined };
}

function entries(dir: string): { entry: string; projectorEntry: string } {
  return { entry: join(dir, 'apps/api/main.js'), projectorEntry: join(dir, 'apps/projector/main.js') };
}

async function webpack(dir: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [
        join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'),
        'build',
        'api',
        '--webpackPath',
        'test/faults/support/api-build.webpack.js',
      ],
      { cwd: ROOT, env: { ...process.env, FAULTS_BUILD_DIR: dir }, timeout: BUILD_TIMEOUT_MS },
      (error, stdout, stderr) => (error ? reject(new Error(`nest build api failed: ${stdout}${stderr}`)) : resolve()),
    ),
  );
}

/** Spawns the API from a build; does not wait for it (see `startApi`). */
export function spawnApi(build: ApiBuild, port: number, env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawnBundle(build.entry, { PORT: String(port), HOST: '127.0.0.1', ...env });
  return { ...child, url: `http://127.0.0.1:${port}` };
}

/** A bundle of the build running in its own process. */
export type BundleProcess = Omit<ApiProcess, 'url'>;

/** Spawns a bundle (`build.entry`, `build.projectorEntry`) with the deadline sweep off unless `env` sets it. */
export function spawnBundle(entry: string, env: NodeJS.ProcessEnv): BundleProcess {
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    // The command loads are one subject sending hundreds of commands a minute: rate limits (their own e2e suite)
    // would refuse them, so they are off unless a case sets them.
    env: {
      ...process.env,
      DEADLINE_SWEEP_INTERVAL_MS: '0',
      RATE_LIMIT_COMMANDS: '0',
      RATE_LIMIT_REFUSED_COMMANDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitedYet = false;
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => {
      exitedYet = true;
      resolve(signal ?? code);
    }),
  );
  const signal = async (name: NodeJS.Signals) => {
    if (!exitedYet) child.kill(name);
    await exit;
  };
  return {
    process: child,
    output: () => output,
    exited: () => exit,
    hasExited: () => exitedYet,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Spawns the API and resolves once GET /health answers at all; rejects with its output if it exits first. */
export async function startApi(build: ApiBuild, port: number, env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const api = spawnApi(build, port, env);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (api.hasExited()) throw new Error(`the API exited during start-up:\n${api.output()}`);
    if (Date.now() > deadline) {
      await api.kill9();
      throw new Error(`the API did not answer within ${START_TIMEOUT_MS} ms:\n${api.output()}`);
    }
    const answered = await fetch(`${api.url}/health`).then(
      () => true,
      () => false,
    );
    if (answered) return api;
    await Promise.race([api.exited(), new Promise((resolve) => setTimeout(resolve, 100))]);
  }
}

/** `Bearer <token>` for every role and the given offices, signed with the development secret of `dataDir`. */
export function developmentBearer(dataDir: string, offices: readonly string[], sub = 'fault-tester'): string {
  const secret = readFileSync(join(dataDir, 'dev-jwt-secret'), 'utf8').trim();
  const exp = Math.floor(Date.now() / 1000) + 86_400;
  return `Bearer ${signJwt({ sub, roles: ROLES, offices, exp }, { algorithm: 'HS256', secret })}`;
}
