/**
 * What the runner and GET /health report about each projection.
 */
import type { Kysely } from 'kysely';
import type { ProjectionRunStatus, ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import { loadCheckpoints, NO_POSITION, type Checkpoint } from './checkpoints';
import { openDeadLetters, type DeadLetter } from './dead-letters';

/** One projection as the runner sees it. */
export interface ProjectionStatus {
  readonly name: string;
  /** `not started` until the runner has created its checkpoint row. */
  readonly status: ProjectionRunStatus | 'not started';
  readonly position: bigint;
  /** Event-store head minus position, as of the runner's last look at the head; never negative. */
  readonly lag: bigint;
  /** Code version that built the active generation, and the version of the code running now. */
  readonly version: number;
  readonly codeVersion: number;
  readonly generation: number;
  /** A rebuild is filling a new generation (in this or another process). */
  readonly rebuilding: boolean;
  /** Unresolved dead letters: why it halted. */
  readonly deadLetters: readonly DeadLetter[];
}

/** Builds the status list from checkpoint rows, open dead letters and the event-store head. */
export function describeProjections(
  projections: readonly Projection[],
  checkpoints: ReadonlyMap<string, Checkpoint>,
  deadLetters: readonly DeadLetter[],
  headPosition: bigint,
): ProjectionStatus[] {
  return projections.map((projection) => {
    const checkpoint = checkpoints.get(projection.name);
    const position = checkpoint?.position ?? NO_POSITION;
    return {
      name: projection.name,
      status: checkpoint?.status ?? 'not started',
      position,
      lag: headPosition > position ? headPosition - position : 0n,
      version: checkpoint?.version ?? 0,
      codeVersion: projection.version,
      generation: checkpoint?.activeGeneration ?? 0,
      rebuilding: checkpoint?.rebuildGeneration != null,
      deadLetters: deadLetters.filter((letter) => letter.projection === projection.name),
    };
  });
}

/** The JSON-ready health of the projections: positions as decimal strings, `degraded` when any is halted. */
export interface ProjectionHealth {
  readonly status: 'ok' | 'degraded';
  readonly projections: readonly {
    readonly name: string;
    readonly status: ProjectionRunStatus;
    readonly position: string;
    readonly lag: string | null;
    readonly version: number;
    readonly generation: number;
    readonly rebuilding: boolean;
    readonly deadLetters: readonly {
      position: string;
      eventId: string;
      eventType: string;
      stream: string;
      reason: string;
      recordedAt: string;
    }[];
  }[];
}

/**
 * Health of every projection in the read-model database, for GET /health. Reads the tables, so it also sees
 * projections run by another process. Pass the event-store head to get lags; without it lag is null.
 */
export async function projectionHealth(
  db: Kysely<ReadModelDatabase>,
  headPosition?: bigint,
): Promise<ProjectionHealth> {
  const [checkpoints, deadLetters] = await Promise.all([loadCheckpoints(db), openDeadLetters(db)]);
  const projections = [...checkpoints.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((checkpoint) => ({
      name: checkpoint.name,
      status: checkpoint.status,
      position: checkpoint.position.toString(),
      lag:
        headPosition === undefined
          ? null
          : (headPosition > checkpoint.position ? headPosition - checkpoint.position : 0n).toString(),
      version: checkpoint.version,
      generation: checkpoint.activeGeneration,
      rebuilding: checkpoint.rebuildGeneration !== null,
      deadLetters: deadLetters
        .filter((letter) => letter.projection === checkpoint.name)
        .map((letter) => ({
          position: letter.position.toString(),
          eventId: letter.eventId,
          eventType: letter.eventType,
          stream: letter.stream,
          reason: letter.reason,
          recordedAt: letter.recordedAt,
        })),
    }));
  return { status: projections.some((projection) => projection.status === 'halted') ? 'degraded' : 'ok', projections };
}

/**
 * The log position a projection's rows reflect (its checkpoint), -1n if it has not started. Queries return it so
 * callers can tell how fresh an answer is and wait for their own writes.
 */
export async function readModelPosition(db: Kysely<ReadModelDatabase>, projection: string): Promise<bigint> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select('position')
    .where('name', '=', projection)
    .executeTakeFirst();
  return row ? BigInt(row.position) : NO_POSITION;
}
