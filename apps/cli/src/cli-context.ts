/**
 * What a CLI command works with: its output streams and the stores named by the environment. Commands receive it
 * as an argument, so the int-spec runs them in-process against temp files.
 */
import { checkDurability } from '@thads/config';
import { openEventStore } from '@thads/event-store';
import type { EventStore } from '@thads/event-store';
import { loadProjectorConfig, type ProjectorConfig } from '@thads/config';
import type { Logger } from '@thads/observability';
import { migrateReadModels, openReadModelDatabase, type ProgressOutput, type ReadModelStore } from '@thads/read-models';

/**
 * Where the CLI writes: results on stdout (JSON with --json), progress and errors on stderr, log lines (JSON or
 * pretty, LOG_FORMAT) through `log` on stderr too, so stdout stays the command's answer alone.
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressOutput;
  readonly env: NodeJS.ProcessEnv;
  /** Ends a long-running command (`follow`) cleanly; without it, such a command stops on SIGINT and SIGTERM. */
  readonly signal?: AbortSignal;
  /** The process logger (main.ts); without one (tests) log lines go to stderr as plain text. */
  readonly log?: Logger;
}

/** The stores a command needs, opened from the environment and migrated. */
export interface CliStores {
  readonly config: ProjectorConfig;
  readonly eventStore: EventStore;
  readonly readModels: ReadModelStore;
  /** Migrations this opening applied (the `migrate` command reports them). */
  readonly migrationsApplied: readonly string[];
}

/** Opens the event store and the read-model database named by the environment, runs `work`, closes both. */
export async function withStores<T>(io: CliIo, work: (stores: CliStores) => Promise<T>): Promise<T> {
  const config = loadProjectorConfig(io.env, 'cli');
  const allowUnsafe = config.allowUnsafeDurability;
  const eventStore = await openEventStore(config.eventStoreUrl);
  try {
    const readModels = openReadModelDatabase(config.readModelUrl);
    try {
      // Every command writes (migrations at least), so every command checks first; the WARN goes to stderr.
      await checkDurability({
        eventStore: { store: eventStore, url: config.eventStoreUrl },
        readModels: { db: readModels.db, url: readModels.url },
        allowUnsafe,
        logger: logLinesOf(io),
      });
      const migrationsApplied = await migrateReadModels(readModels.db);
      return await work({ config, eventStore, readModels, migrationsApplied });
    } finally {
      await readModels.close();
    }
  } finally {
    await eventStore.close();
  }
}

/** The CLI's log lines: through the process logger when there is one, else plain text on stderr. */
export function logLinesOf(io: CliIo): { log(line: string): void; warn(line: string): void } {
  const { log } = io;
  if (log !== undefined) return { log: (line) => log.info(line), warn: (line) => log.warn(line) };
  return { log: (line) => io.stderr.write(`${line}\n`), warn: (line) => io.stderr.write(`WARN ${line}\n`) };
}

/** JSON with bigint positions written as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner), 2);
}
