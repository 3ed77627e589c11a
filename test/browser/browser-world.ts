/**
 * One seeded world for the browser suite: the Hải Phòng demo (scenarios/hai-phong-2018.json) seeded through the real
 * demo runner into a temporary directory, the console built by the project's own script, the real API (createApp, as
 * `npm start` runs it) listening on a free port, and Debian's Chromium driven by playwright-core.
 *
 * Elsewhere: install Chromium (Debian/Ubuntu `apt-get install chromium`) or point CHROMIUM_PATH at any Chromium or
 * Chrome binary, then `npm run test:browser`. Screenshots, the XLSX and the evidence PDF land in
 * test/browser/screenshots (git-ignored; CI keeps the folder). BROWSER_SEEDED_DATA_DIR=<dir> copies a directory seeded
 * before by `npm run demo -- --data-dir <dir>` instead of seeding again (the seeding takes minutes).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser } from 'playwright-core';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import type { RouteAccess } from '../../apps/api/src/auth/route-table';
import { createApp } from '../../apps/api/src/create-app';
import { ROUTE_TABLE } from '../../apps/api/src/session/session.controller';
import { runCliCaptured } from '../../apps/cli/src/testing/run-cli-captured';

const ROOT = join(__dirname, '../..');
export const SCREENSHOTS = join(__dirname, 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserWorld {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly browser: Browser;
  /** The app's routes with the `@Access` policies its guard enforces: what the console's controls are checked against. */
  readonly routes: readonly RouteAccess[];
  /** A development token and its console sign-in link, from the real `token` CLI command. */
  signIn(roles: string, options?: { office?: string; sub?: string }): Promise<{ token: string; link: string }>;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('npm', ['run', '-s', 'build:console'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });

  const dataDir = mkdtempSync(join(tmpdir(), 'thads-browser-'));
  const seeded = process.env.BROWSER_SEEDED_DATA_DIR;
  if (seeded) {
    // While working on the suite: a copy of a directory `npm run demo -- --data-dir <dir>` seeded before (no API on it).
    cpSync(seeded, dataDir, { recursive: true });
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o600); // the stores insist on owner-only
  } else {
    const demo = await runCliCaptured(['demo', '--data-dir', dataDir, '--force'], { PATH: process.env.PATH });
    if (demo.code !== 0) throw new Error(`The demo failed:\n${demo.stderr}`);
  }

  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEADLINE_SWEEP_INTERVAL_MS: '0' };
  const app: NestFastifyApplication = await createApp(
    loadApiConfig({ ...env, CONSOLE_DIR: join(ROOT, 'dist/console') }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('The API did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });

  return {
    baseUrl,
    dataDir,
    browser,
    routes: app.get<readonly RouteAccess[]>(ROUTE_TABLE),
    async signIn(roles, options = {}) {
      const argv = ['token', '--role', roles, ...(options.office ? ['--office', options.office] : [])];
      const run = await runCliCaptured([...argv, '--sub', options.sub ?? `browser-${roles}`], {
        DATA_DIR: dataDir,
        PORT: String(address.port),
      });
      if (run.code !== 0) throw new Error(run.stderr);
      const link = /^Console: (\S+)$/m.exec(run.stderr)?.[1];
      if (!link) throw new Error(`token printed no console link:\n${run.stderr}`);
      return { token: run.stdout.trim(), link: link.replace('http://localhost:', 'http://127.0.0.1:') };
    },
    async close() {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
