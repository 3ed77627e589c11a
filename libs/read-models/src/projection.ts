/**
 * What a projection is (docs/architecture.md): data plus two functions. It owns a few base tables, creates them for a given
 * generation, and applies batches of recorded events to them inside the transaction that also moves its checkpoint.
 */
import type { Transaction } from 'kysely';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from './database/read-model-database';
import type { StreamHistory } from './stream-history';

/** The physical tables of one generation of a projection. */
export interface TableNames {
  readonly generation: number;
  /**
   * The generation's physical table for a base name (`audit_trail` → `audit_trail__g2`). It is typed as the base name
   * on purpose: the generation table has exactly the columns of the view kysely knows (ProjectionTables), so
   * queries on it stay typed.
   */
  physical<Base extends string>(base: Base): Base;
}

/**
 * A projection. `apply` must write only the projection's own tables and be idempotent by position (for example,
 * upsert keyed by position), so applying a batch twice gives the same rows; it may throw on an event it cannot
 * handle (bad payload), which halts this projection only and records a dead letter.
 */
export interface Projection {
  /** Lower-case snake case; also the prefix of its tables and checkpoint key. */
  readonly name: string;
  /** Bump when the rows or their shape change: the runner rebuilds into a new generation and swaps. */
  readonly version: number;
  /** Event types (`CaseReceived`), stream categories as `$ce-<category>` (`$ce-case`), or `$all`. */
  readonly handles: readonly string[];
  /** The base table names it owns; readers query views of these names. Declare their columns in ProjectionTables. */
  readonly tables: readonly string[];
  /** Creates the generation's tables and their indexes. Called once per generation, inside a transaction. */
  createTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void>;
  /**
   * Applies events (already filtered by `handles`, in position order) to the generation's tables. `history` reads a
   * stream's earlier events from the log, for a projection that must fold a case again (case-folds).
   */
  apply(
    events: readonly RecordedEvent[],
    trx: Transaction<ReadModelDatabase>,
    tables: TableNames,
    history: StreamHistory,
  ): Promise<void>;
  /**
   * The keys of the read model a batch of applied events changed, for the change feed (change-feed/change-log.ts).
   * Optional: by default, the stream of each event. Repeats are fine (the log keeps one row per key and batch, at
   * its last position). Must be pure: it runs inside the batch transaction.
   */
  changedKeys?(events: readonly RecordedEvent[]): readonly ChangedKey[];
}

/** A key of a read model that changed, and the log position of the event that changed it last. */
export interface ChangedKey {
  readonly key: string;
  readonly position: bigint;
}

const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Whether the projection wants this event, by its `handles` list. */
export function projectionHandles(projection: Projection, event: RecordedEvent): boolean {
  return projection.handles.some(
    (handle) => handle === '$all' || handle === event.type || handle === `$ce-${streamCategory(event.stream)}`,
  );
}

/** The physical name of a base table in a generation. */
export function generationTableName(base: string, generation: number): string {
  return `${base}__g${generation}`;
}

/** The TableNames of one generation of a projection. */
export function tableNamesFor(projection: Projection, generation: number): TableNames {
  return {
    generation,
    physical: (base) => {
      if (!projection.tables.includes(base))
        throw new Error(`Projection ${projection.name} does not own table ${base}`);
      return generationTableName(base, generation) as typeof base;
    },
  };
}

/**
 * Checks a set of projections before the runner uses their names in SQL: names and tables are safe identifiers,
 * unique, and no two projections own the same table. Throws an Error naming the offender.
 */
export function assertValidProjections(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of projections) {
    if (!NAME_PATTERN.test(projection.name))
      throw new Error(`Projection name "${projection.name}" must be lower-case snake case`);
    if (names.has(projection.name)) throw new Error(`Projection ${projection.name} is registered twice`);
    names.add(projection.name);
    if (!Number.isSafeInteger(projection.version) || projection.version < 1) {
      throw new Error(`Projection ${projection.name}: version must be a positive integer, got ${projection.version}`);
    }
    for (const table of projection.tables) {
      if (!NAME_PATTERN.test(table) || table.includes('__'))
        throw new Error(`Projection ${projection.name}: bad table name "${table}"`);
      const owner = owners.get(table);
      if (owner) throw new Error(`Table ${table} is owned by both ${owner} and ${projection.name}`);
      owners.set(table, projection.name);
    }
  }
}
