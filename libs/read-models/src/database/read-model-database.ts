/**
 * The kysely schema of the read-model database: the projector's own bookkeeping tables (created by the dated
 * migrations) and the projections' read models. A projection's rows live in generation tables
 * (`audit_trail__g3`); readers query the view of the base name (`audit_trail`), which always points at the active
 * generation. Kysely sees only the base names; see `TableNames.physical` for how writers reach a generation table.
 */
import type { Generated } from 'kysely';
import type { AuditTrailTable } from '../audit-trail/audit-trail.table';
import type { CaseFoldTables } from '../case-folds/case-folds.table';
import type { CaseSummaryTable } from '../case-summary/case-summary.table';
import type { ReadModelChangesTable } from '../change-feed/read-model-changes.table';
import type { ComplaintQueueStatesTable, ComplaintQueueTable } from '../complaint-queue/complaint-queue.table';
import type { CompletionStatsTables } from '../completion-stats/completion-stats.tables';
import type { DeadlinesTable } from '../deadlines/deadlines.table';

/** What the live runner does with a projection. */
export type ProjectionRunStatus = 'running' | 'halted' | 'rebuilding';

/** One row per projection: how far it got, in which generation, at which code version. */
export interface ProjectionCheckpointsTable {
  name: string;
  /** Position of the last event applied (or passed over); -1 before the first. */
  position: bigint;
  /** The projection's code version that built the active generation. */
  version: bigint;
  status: ProjectionRunStatus;
  /** The generation whose tables the views point at. */
  active_generation: bigint;
  /** The generation a rebuild is filling, or null when none runs. */
  rebuild_generation: bigint | null;
  /** Refreshed by the rebuild after every batch; a stale value means its process died and may be taken over. */
  rebuild_heartbeat_at: string | null;
  updated_at: string;
}

/** An event a projection could not apply: the reason it halted. Resolved by a skip or a rebuild. */
export interface ProjectionDeadLettersTable {
  id: Generated<bigint>;
  projection: string;
  /** The generation being fed when the event failed (the active one, or a rebuild's). */
  generation: bigint;
  position: bigint;
  event_id: string;
  event_type: string;
  stream: string;
  reason: string;
  recorded_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

/** The audit fact of an operator passing over a poison event; rebuilds pass over the same positions. */
export interface ProjectionSkipsTable {
  id: Generated<bigint>;
  projection: string;
  position: bigint;
  event_id: string;
  event_type: string;
  reason: string;
  actor: string;
  skipped_at: string;
}

/** The event store the read models were built from (runtime/read-model-source.ts): one row once bound. */
export interface ReadModelSourceTable {
  event_store_id: string;
  bound_at: string;
}

/** Read models by base name (the view readers query). Add a projection's table type here. */
export interface ProjectionTables extends CompletionStatsTables, CaseFoldTables {
  audit_trail: AuditTrailTable;
  case_summary: CaseSummaryTable;
  complaint_queue: ComplaintQueueTable;
  complaint_queue_states: ComplaintQueueStatesTable;
  deadlines: DeadlinesTable;
}

/** A base table name a projection may own. */
export type ProjectionTableName = keyof ProjectionTables;

/** The whole read-model database as kysely sees it. */
export interface ReadModelDatabase extends ProjectionTables {
  projection_checkpoints: ProjectionCheckpointsTable;
  projection_dead_letters: ProjectionDeadLettersTable;
  projection_skips: ProjectionSkipsTable;
  read_model_changes: ReadModelChangesTable;
  read_model_source: ReadModelSourceTable;
}
