import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '@thads/application';
import { ROLES, signJwt, type AuthSettings, type Role } from '@thads/auth';
import { streamCategory, type EventStore } from '@thads/event-store';
import type { Logger } from '@thads/observability';
import request from 'supertest';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { createApp } from '../../../apps/api/src/create-app';
import { e2eStores } from './e2e-stores';
import { checkAgainstDocument } from './openapi-contract';

type Agent = ReturnType<typeof request>;

/** The `sub` of the default token: the actor id on events written by suites that do not test authorization. */
export const DEFAULT_TEST_SUBJECT = 'e2e-default';
/** The offices the default token may act for: every office the suites use. A suite needing another uses `t.as`. */
export const DEFAULT_TEST_OFFICES = ['TC', 'HP', 'HP-NGO-QUYEN', 'HP-LE-CHAN', 'DN', 'HN'];

/** Claims of a test token; `exp` defaults to a day from now. */
export interface TestClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly offices?: readonly string[];
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** Requests with the default token: every role, for DEFAULT_TEST_OFFICES. For suites that do not test access. */
  readonly http: Agent;
  /** Requests without an Authorization header. */
  readonly anonymous: Agent;
  /** `Bearer <default token>`, for clients other than supertest (the SSE client). */
  readonly authorization: string;
  readonly store: EventStore;
  readonly dataDir: string;
  /** The EVENT_STORE_URL the app runs on (`sqlite:<file>`, or PostgreSQL with its schema on the e2e-postgres leg). */
  readonly eventStoreUrl: string;
  /** Requests as one role for the given offices, e.g. `t.as('head', 'HP-NGO-QUYEN')`; `sub` defaults to `<role>-test`. */
  as(role: Role, offices: string | readonly string[], sub?: string): Agent;
  /**
   * Position of the last event outside the rejection log (`rejection-*` streams), -1n for none. Refused commands are
   * recorded there as CommandRejected and write nothing anywhere else: tests of refusals compare this.
   */
  headOutsideRejections(): Promise<bigint>;
  /** Signs any claims with the server's HS256 secret (the development secret unless AUTH_JWT_SECRET is set). */
  token(claims: TestClaims): string;
  close(): Promise<void>;
}

/**
 * The real API, built by the same createApp as `npm start`, on a fresh temporary data directory.
 * E2E_STORE=postgres runs the same tests on PostgreSQL events and read models (e2e-stores.ts); `env` overrides
 * settings for one test app, `options.logger` receives its log lines (the default logs nothing).
 * Authentication is the embedded default: HS256 with a development secret the app generates in its data directory;
 * the harness reads it back to sign tokens, exactly as `npm run cli -- token` does.
 */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  options: { readonly logger?: Logger } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-e2e-'));
  const stores = e2eStores(dataDir);
  // No deadline sweep unless a test asks: its events would land in the streams other tests count. Reads with
  // minPosition wait as long as a busy machine may need (the test's own timeout bounds it). Events are applied on
  // the event loop unless a test asks for the default thread, which loads its sources through ts-node (seconds per
  // app here); projector-thread.e2e-spec.ts and the browser tests run the default.
  const config = loadApiConfig({
    ...process.env,
    DEADLINE_SWEEP_INTERVAL_MS: '0',
    MIN_POSITION_WAIT_MS: '60000',
    EMBEDDED_PROJECTOR: 'true',
    ...env,
    DATA_DIR: dataDir,
    ...stores.env,
  });
  const app = await createApp(config, { logger: options.logger ?? false });
  const server = app.getHttpServer();
  const secret = hs256Secret(config.auth);
  const token = (claims: TestClaims): string => {
    if (secret === undefined)
      throw new Error(`The test harness signs HS256 only; with ${config.auth.mode} the test signs its own tokens`);
    return signJwt({ exp: Math.floor(Date.now() / 1000) + 86_400, ...claims }, { algorithm: 'HS256', secret });
  };
  const bearer = (claims: TestClaims) => `Bearer ${token(claims)}`;
  const authorization =
    secret === undefined ? '' : bearer({ sub: DEFAULT_TEST_SUBJECT, roles: ROLES, offices: DEFAULT_TEST_OFFICES });
  return {
    app,
    http: checked(authorization ? request.agent(server).set('authorization', authorization) : request(server)),
    anonymous: checked(request(server)),
    authorization,
    store: app.get<EventStore>(EVENT_STORE),
    dataDir,
    eventStoreUrl: stores.env.EVENT_STORE_URL,
    headOutsideRejections: headOutsideRejectionsOf(app.get<EventStore>(EVENT_STORE)),
    as: (role, offices, sub = `${role}-test`) =>
      checked(
        request
          .agent(server)
          .set(
            'authorization',
            bearer({ sub, roles: [role], offices: typeof offices === 'string' ? [offices] : offices }),
          ),
      ),
    token,
    async close() {
      await app.close();
      await stores.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/**
 * An agent whose every request is also checked against docs/openapi.json (openapi-contract.ts) once its response
 * arrives: the check is one more supertest assertion, so a response the document does not describe fails the request.
 */
function checked<A extends object>(agent: A): A {
  return new Proxy(agent, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !HTTP_METHODS.has(key) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) =>
        (value as (url: string, ...rest: unknown[]) => request.Test)
          .call(target, url, ...rest)
          .expect((response) => checkAgainstDocument(key === 'del' ? 'delete' : key, url, response));
    },
  });
}

function hs256Secret(settings: AuthSettings): string | undefined {
  if (settings.mode === 'shared-secret') return settings.secret;
  if (settings.mode === 'development-secret') return readFileSync(settings.secretFile, 'utf8').trim();
  return undefined;
}

/** Reads the log incrementally, remembering how far it looked, so a suite asking after every request stays cheap. */
function headOutsideRejectionsOf(store: EventStore): () => Promise<bigint> {
  let readUpTo: bigint | undefined;
  let head = -1n;
  return async () => {
    for (;;) {
      const page = await store.readAll({ fromPosition: readUpTo, maxCount: 500 });
      if (!page.length) return head;
      for (const event of page) if (streamCategory(event.stream) !== 'rejection') head = event.position;
      readUpTo = page[page.length - 1].position;
    }
  };
}
