import { InvalidAuthSettings, loadAuthSettings, type AuthSettings } from '@thads/application';
import { parseAllowUnsafeDurability } from '@thads/application/durability';
import { InvalidProjectorConfiguration, loadProjectorConfig, type ProjectorConfig } from '@thads/read-models';

/** Settings read from the environment at start-up. */
export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStoreUrl: string;
  readonly readModelUrl: string;
  readonly minPositionWaitMs: number;
  readonly bodyLimitBytes: number;
  /** Pause between deadline sweeps of the embedded projector; 0 turns the sweep off in this process. */
  readonly deadlineSweepIntervalMs: number;
  /** How bearer tokens are verified (AUTH_* variables; default: HS256 with a development secret under DATA_DIR). */
  readonly auth: AuthSettings;
  /** ALLOW_UNSAFE_DURABILITY=true: start despite unsafe durability settings, with a WARN line and a /health note. */
  readonly allowUnsafeDurability: boolean;
}

/** A bad setting; the message names the variable. The process stops on it. */
export class InvalidConfiguration extends Error {
  override readonly name = 'InvalidConfiguration';
}

/**
 * Validates the environment: PORT (default 3000), HOST (default 0.0.0.0), DATA_DIR (default ./data),
 * EVENT_STORE_URL (default sqlite:<DATA_DIR>/events.db), READ_MODEL_URL (default sqlite:<DATA_DIR>/read.db),
 * MIN_POSITION_WAIT_MS (default 5000), BODY_LIMIT_BYTES (default 1 MiB), DEADLINE_SWEEP_INTERVAL_MS (default 60000;
 * 0 turns it off), the AUTH_* variables (see loadAuthSettings), ALLOW_UNSAFE_DURABILITY (unset, or exactly `true`).
 */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const { dataDir, eventStoreUrl, readModelUrl, deadlineSweepIntervalMs } = storeSettings(env);
  return {
    port: integerIn(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    eventStoreUrl,
    readModelUrl,
    minPositionWaitMs: integerIn(env, 'MIN_POSITION_WAIT_MS', 5_000, 0, 120_000),
    bodyLimitBytes: integerIn(env, 'BODY_LIMIT_BYTES', 1_048_576, 1_024, 104_857_600),
    deadlineSweepIntervalMs,
    auth: authSettings(env, dataDir),
    allowUnsafeDurability: allowUnsafeDurability(env),
  };
}

/** The store settings every process shares (DATA_DIR, EVENT_STORE_URL, READ_MODEL_URL, DEADLINE_SWEEP_INTERVAL_MS). */
function storeSettings(env: NodeJS.ProcessEnv): ProjectorConfig {
  try {
    return loadProjectorConfig(env);
  } catch (error) {
    if (error instanceof InvalidProjectorConfiguration) throw new InvalidConfiguration(error.message);
    throw error;
  }
}

function allowUnsafeDurability(env: NodeJS.ProcessEnv): boolean {
  try {
    return parseAllowUnsafeDurability(env);
  } catch (error) {
    throw new InvalidConfiguration((error as Error).message);
  }
}

function authSettings(env: NodeJS.ProcessEnv, dataDir: string): AuthSettings {
  try {
    return loadAuthSettings(env, dataDir);
  } catch (error) {
    if (error instanceof InvalidAuthSettings) throw new InvalidConfiguration(error.message);
    throw error;
  }
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new InvalidConfiguration(`${name} is set but empty; unset it to use the default`);
  return value.trim();
}

function integerIn(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidConfiguration(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}
