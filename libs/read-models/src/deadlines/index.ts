export {
  caseDeadlineChangesOf,
  COMPLAINT_DEADLINE_EVENT_TYPES,
  complaintDeadlineChangesOf,
  type DeadlineChange,
  type DeadlineEventChanges,
} from './deadline-changes';
export { deadlinesProjection } from './deadlines.projection';
export { overdueDeadlines, type OverdueDeadline } from './deadlines.queries';
export { DEADLINE_KINDS, type DeadlineClosedBy, type DeadlineKind, type DeadlinesTable } from './deadlines.table';
