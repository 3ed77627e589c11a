import { join } from 'node:path';
import { assertEventStoreUrl } from '@thads/application';

/**
 * Settings of every process that opens the stores and runs projections: the projector worker, the CLI and the API
 * (whose own config adds its HTTP settings on top of these), so the store variables are validated in one place.
 */
export interface ProjectorConfig {
  readonly dataDir: string;
  /** EVENT_STORE_URL, default `sqlite:<DATA_DIR>/events.db`. */
  readonly eventStoreUrl: string;
  /** READ_MODEL_URL, default `sqlite:<DATA_DIR>/read.db` (read models in their own file), or `postgres://…`. */
  readonly readModelUrl: string;
  /** PROJECTOR_BATCH_SIZE, default 500. */
  readonly batchSize: number;
  /** DEADLINE_SWEEP_INTERVAL_MS, default 60 000; 0 turns the deadline sweep off in this process. */
  readonly deadlineSweepIntervalMs: number;
}

/** A bad setting; the message names the variable. */
export class InvalidProjectorConfiguration extends Error {
  override readonly name = 'InvalidProjectorConfiguration';
}

/** Reads and validates DATA_DIR, EVENT_STORE_URL, READ_MODEL_URL, PROJECTOR_BATCH_SIZE and DEADLINE_SWEEP_INTERVAL_MS. */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const dataDir = setting(env, 'DATA_DIR') ?? './data';
  const readModelUrl = setting(env, 'READ_MODEL_URL') ?? `sqlite:${join(dataDir, 'read.db')}`;
  if (!/^(sqlite:.|postgres(ql)?:\/\/)/.test(readModelUrl)) {
    const shown = readModelUrl.replace(/\/\/[^@/]*@/, '//***@');
    throw new InvalidProjectorConfiguration(
      `READ_MODEL_URL must be sqlite:<path> (or sqlite::memory:) or postgres://…[?schema=name], got "${shown}"`,
    );
  }
  const batchText = setting(env, 'PROJECTOR_BATCH_SIZE') ?? '500';
  const batchSize = Number(batchText);
  if (!/^\d+$/.test(batchText) || batchSize < 1 || batchSize > 10_000) {
    throw new InvalidProjectorConfiguration(
      `PROJECTOR_BATCH_SIZE must be a whole number from 1 to 10000, got "${batchText}"`,
    );
  }
  return {
    dataDir,
    eventStoreUrl: eventStoreUrl(setting(env, 'EVENT_STORE_URL') ?? `sqlite:${join(dataDir, 'events.db')}`),
    readModelUrl,
    batchSize,
    deadlineSweepIntervalMs: deadlineSweepInterval(env),
  };
}

/** EVENT_STORE_URL: a scheme openEventStore can open; the message names the variable, never a password. */
function eventStoreUrl(url: string): string {
  try {
    assertEventStoreUrl(url);
  } catch (error) {
    throw new InvalidProjectorConfiguration((error as Error).message);
  }
  return url;
}

/** DEADLINE_SWEEP_INTERVAL_MS: 0 (off) or 1 s to 1 day; default a minute. */
function deadlineSweepInterval(env: NodeJS.ProcessEnv): number {
  const text = setting(env, 'DEADLINE_SWEEP_INTERVAL_MS') ?? '60000';
  const value = Number(text);
  if (!/^\d+$/.test(text) || (value !== 0 && (value < 1_000 || value > 86_400_000))) {
    throw new InvalidProjectorConfiguration(
      `DEADLINE_SWEEP_INTERVAL_MS must be 0 (off) or a whole number from 1000 to 86400000, got "${text}"`,
    );
  }
  return value;
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (value.trim() === '')
    throw new InvalidProjectorConfiguration(`${name} is set but empty; unset it to use the default`);
  return value.trim();
}
