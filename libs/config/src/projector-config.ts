import { readEngineEnvironment, type EngineEnvironment } from './engine-environment';
import type { EngineApp } from './setting';

/**
 * Settings of every process that opens the stores and runs projections: the projector worker, the CLI and the API
 * (whose own config adds its HTTP and auth settings on top of these).
 */
export interface ProjectorConfig {
  readonly production: boolean;
  readonly dataDir: string;
  /** EVENT_STORE_URL, default `sqlite:<DATA_DIR>/events.db`. */
  readonly eventStoreUrl: string;
  /** READ_MODEL_URL, default `sqlite:<DATA_DIR>/read.db` (read models in their own file), or `postgres://…`. */
  readonly readModelUrl: string;
  /** PROJECTOR_BATCH_SIZE, default 2000. */
  readonly batchSize: number;
  /** DEADLINE_SWEEP_INTERVAL_MS, default 60 000; 0 turns the deadline sweep off in this process. */
  readonly deadlineSweepIntervalMs: number;
  /** ALLOW_UNSAFE_DURABILITY=true: start despite unsafe durability settings, with a WARN line and a health note. */
  readonly allowUnsafeDurability: boolean;
  /** LOG_LEVEL and LOG_FORMAT: how this process logs. */
  readonly log: LogSettings;
}

export interface LogSettings {
  readonly level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  readonly format: 'json' | 'pretty';
}

/**
 * LOG_LEVEL and LOG_FORMAT for a process that must log before the rest of its configuration is judged (the CLI
 * reports a bad setting of its command on its own terms): a bad or missing value falls back to the default.
 */
export function logSettingsOf(env: NodeJS.ProcessEnv, app: EngineApp): LogSettings {
  try {
    return projectorConfigOf(readEngineEnvironment(env, app)).log;
  } catch {
    return { level: 'info', format: env.NODE_ENV?.trim() === 'production' ? 'json' : 'pretty' };
  }
}

/** Validates the environment for a projector or CLI process (a bad value throws InvalidConfiguration naming it). */
export function loadProjectorConfig(
  env: NodeJS.ProcessEnv = process.env,
  app: EngineApp = 'projector',
): ProjectorConfig {
  return projectorConfigOf(readEngineEnvironment(env, app));
}

/** The store and projector part of a validated environment. */
export function projectorConfigOf(env: EngineEnvironment): ProjectorConfig {
  return {
    production: env.NODE_ENV === 'production',
    dataDir: env.DATA_DIR,
    eventStoreUrl: env.EVENT_STORE_URL,
    readModelUrl: env.READ_MODEL_URL,
    batchSize: env.PROJECTOR_BATCH_SIZE,
    deadlineSweepIntervalMs: env.DEADLINE_SWEEP_INTERVAL_MS,
    allowUnsafeDurability: env.ALLOW_UNSAFE_DURABILITY === 'true',
    log: { level: env.LOG_LEVEL as LogSettings['level'], format: env.LOG_FORMAT as LogSettings['format'] },
  };
}
