import { resolve } from 'node:path';
import { InvalidAuthSettings, loadAuthSettings, type AuthSettings } from '@thads/auth';
import type { RateLimitConfig } from '../rate-limit/command-rate-limits';
import { InvalidConfiguration, projectorConfigOf, readEngineEnvironment, type ProjectorConfig } from '@thads/config';

export { InvalidConfiguration } from '@thads/config';

/** Where the API applies events to its read models (EMBEDDED_PROJECTOR). */
export type EmbeddedProjector = 'thread' | 'event-loop' | 'none';

const EMBEDDED_PROJECTOR_MODES: Record<string, EmbeddedProjector> = {
  thread: 'thread',
  true: 'event-loop',
  false: 'none',
};

/** Settings read from the environment at start-up (the schema in libs/config; docs/configuration.md). */
export interface ApiConfig extends ProjectorConfig {
  readonly port: number;
  readonly host: string;
  readonly minPositionWaitMs: number;
  readonly bodyLimitBytes: number;
  /** TURN_BUDGET_MS: request work per turn of the event loop before later requests wait (http/turn-budget.ts). */
  readonly turnBudgetMs: number;
  /**
   * EMBEDDED_PROJECTOR: `thread` (default) applies events on a worker thread of this process, `event-loop` on the
   * event loop, `none` leaves it to a projector service that keeps the read models current.
   */
  readonly embeddedProjector: EmbeddedProjector;
  /** PROJECTOR_THREAD_NICENESS: the projector thread's nice value (0 leaves it at the process's). */
  readonly projectorThreadNiceness: number;
  /** DISK_MIN_FREE_BYTES: readiness fails below this much free space in DATA_DIR (0: not checked). */
  readonly diskMinFreeBytes: number;
  /** METRICS_TOKEN: the bearer token a scraper sends to GET /metrics. */
  readonly metricsToken?: string;
  /** How bearer tokens are verified (AUTH_* variables; default: HS256 with a development secret under DATA_DIR). */
  readonly auth: AuthSettings;
  /** CONSOLE_DIR, resolved: the built web console served at `/`. */
  readonly consoleDir: string;
  /** RATE_LIMIT_*: commands and refused commands per subject and window. */
  readonly rateLimits: RateLimitConfig;
}

/** Validates the API's variables; a bad one throws InvalidConfiguration naming it. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const settings = readEngineEnvironment(env, 'api');
  const stores = projectorConfigOf(settings);
  return {
    ...stores,
    port: settings.PORT,
    host: settings.HOST,
    minPositionWaitMs: settings.MIN_POSITION_WAIT_MS,
    bodyLimitBytes: settings.BODY_LIMIT_BYTES,
    turnBudgetMs: settings.TURN_BUDGET_MS,
    embeddedProjector: EMBEDDED_PROJECTOR_MODES[settings.EMBEDDED_PROJECTOR],
    projectorThreadNiceness: settings.PROJECTOR_THREAD_NICENESS,
    diskMinFreeBytes: settings.DISK_MIN_FREE_BYTES,
    ...(settings.METRICS_TOKEN !== undefined ? { metricsToken: settings.METRICS_TOKEN } : {}),
    auth: authSettings(settings, stores.dataDir),
    consoleDir: resolve(settings.CONSOLE_DIR),
    rateLimits: {
      windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
      commands: settings.RATE_LIMIT_COMMANDS,
      refusedCommands: settings.RATE_LIMIT_REFUSED_COMMANDS,
    },
  };
}

function authSettings(settings: Parameters<typeof loadAuthSettings>[0], dataDir: string): AuthSettings {
  try {
    return loadAuthSettings(settings, dataDir);
  } catch (error) {
    if (error instanceof InvalidAuthSettings) throw new InvalidConfiguration(error.message);
    throw error;
  }
}
