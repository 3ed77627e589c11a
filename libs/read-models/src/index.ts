/**
 * @thads/read-models: the read-model database (kysely, dated migrations), the projector runtime, the projections
 * and their query functions (docs/architecture.md).
 */
export type {
  ProjectionCheckpointsTable,
  ProjectionDeadLettersTable,
  ProjectionRunStatus,
  ProjectionSkipsTable,
  ProjectionTableName,
  ProjectionTables,
  ReadModelDatabase,
} from './database/read-model-database';
export {
  InvalidReadModelUrl,
  openReadModelDatabase,
  openSqliteReadModelFile,
  readModelKysely,
  type ReadModelStore,
  type SqliteReadModelOptions,
} from './database/open-read-model-database';
export { migrateReadModels, ReadModelMigrationFailed } from './migrations/migrate-read-models';
export {
  generationTableName,
  projectionHandles,
  tableNamesFor,
  type ChangedKey,
  type Projection,
  type TableNames,
} from './projection';
export { findProjection, readModelProjections } from './registry';
export { eventStoreHistory, StreamHistoryIncomplete, type StreamHistory } from './stream-history';

export { CheckpointMoved, type Checkpoint } from './runtime/checkpoints';
export { applyBatch, type BatchOutcome } from './runtime/apply-batch';
export type { DeadLetter } from './runtime/dead-letters';
export { createProjector, type Projector, type ProjectorLogger, type ProjectorOptions } from './runtime/projector';
export { isInfrastructureError, isStorageFull } from './runtime/infrastructure-errors';
export { bindReadModelsToEventStore, ReadModelsOfAnotherLog } from './runtime/read-model-source';
export { ProjectionHalted, ProjectionWaitTimedOut, ProjectorStopped } from './runtime/position-waiters';
export {
  projectionHealth,
  readModelPosition,
  type ProjectionHealth,
  type ProjectionStatus,
} from './runtime/projection-status';
export {
  rebuildProjection,
  RebuildPoisoned,
  RebuildRefused,
  RebuildTakenOver,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './runtime/rebuild';
export { listSkips, skipPoisonEvent, SkipRefused, type SkipRecord, type SkipRequest } from './runtime/skip';
export {
  ReadModelStorageFull,
  startProjectorRuntime,
  type ProjectorRuntime,
  type ProjectorRuntimeOptions,
} from './runtime/embedded-projector';
export {
  ProjectorThreadFailed,
  startProjectorThread,
  type ProjectorThread,
  type ProjectorThreadOptions,
} from './runtime/projector-thread';
export { createProgressBar, type ProgressBar, type ProgressOutput } from './runtime/progress-bar';
export * from './change-feed';

export * from './audit-trail';
export * from './case-summary';
export * from './complaint-queue';
export * from './completion-stats';
export * from './deadlines';
