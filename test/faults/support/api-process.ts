/**
 * The real API in its own process, so a fault case can SIGKILL it, watch it refuse to start, or see whether it exits.
 * Built once per suite by webpack (`buildApi`, the same bundle as `npm start`) into a directory of its own, because a
 * start of the bundle takes a second where ts-node takes half a minute on a busy machine.
 * Waiting is on conditions (the port answering, the process exiting), bounded by generous timeouts, never on sleeps.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
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

/** A webpack build of the API; `remove()` deletes it. */
export interface ApiBuild {
  readonly entry: string;
  remove(): void;
}

/**
 * Builds the API bundle under dist/ in a directory named for this process (inside the repository, so the bundle finds
 * node_modules; never dist/apps, which `npm start` and other runs write).
 */
export async function buildApi(): Promise<ApiBuild> {
  const dir = join(ROOT, 'dist', `faults-${process.pid}`);
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
      { cwd: ROOT, env: { ...process.env, FAULTS_BUILD_DIR: dir }, timeout: 900_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`nest build api failed: ${stdout}${stderr}`)) : resolve()),
    ),
  );
  return { entry: join(dir, 'apps/api/main.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Spawns the API from a build; does not wait for it (see `startApi`). */
export function spawnApi(build: ApiBuild, port: number, env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawn(process.execPath, [build.entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEADLINE_SWEEP_INTERVAL_MS: '0',
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
    url: `http://127.0.0.1:${port}`,
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
