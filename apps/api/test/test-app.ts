import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '@thads/application';
import type { EventStore } from '@thads/event-store';
import request from 'supertest';
import { loadApiConfig } from '../src/config/api-config';
import { createApp } from '../src/create-app';
import { e2eStores } from './e2e-stores';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: ReturnType<typeof request>;
  readonly store: EventStore;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The real API, built by the same createApp as `npm start`, on a fresh temporary data directory.
 * E2E_STORE=postgres runs the same tests on PostgreSQL events and read models (e2e-stores.ts); `env` overrides
 * settings for one test app.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-e2e-'));
  const stores = e2eStores(dataDir);
  // No deadline sweep unless a test asks: its events would land in the streams other tests count.
  const config = loadApiConfig({ ...process.env, DEADLINE_SWEEP_INTERVAL_MS: '0', ...env, DATA_DIR: dataDir, ...stores.env });
  const app = await createApp(config, { logger: false });
  return {
    app,
    http: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    async close() {
      await app.close();
      await stores.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
