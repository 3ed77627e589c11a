/**
 * The projections this build runs. A new read model adds its projection here (and its table type to
 * ProjectionTables in database/read-model-database.ts).
 */
import { auditTrailProjection } from './audit-trail/audit-trail.projection';
import { caseSummaryProjection } from './case-summary/case-summary.projection';
import { complaintQueueProjection } from './complaint-queue/complaint-queue.projection';
import { completionStatsProjection } from './completion-stats/completion-stats.projection';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import type { Projection } from './projection';

/** Every projection of the engine, in the order the runner applies a batch to them. */
export const readModelProjections: readonly Projection[] = [
  auditTrailProjection,
  completionStatsProjection,
  caseSummaryProjection,
  complaintQueueProjection,
  deadlinesProjection,
];

/** The registered projection of that name, or undefined. */
export function findProjection(
  name: string,
  projections: readonly Projection[] = readModelProjections,
): Projection | undefined {
  return projections.find((projection) => projection.name === name);
}
