export { caseSummaryProjection } from './case-summary.projection';
export type { CaseSummaryTable } from './case-summary.table';
export { CASE_DEADLINE_KINDS, type CaseDeadlineKind } from './case-deadlines';
export { CASE_SUMMARY_STATUSES, type CaseSummaryStatus } from './case-summary.fold';
export { VND_TEXT_WIDTH } from './vnd-text';
export {
  CASE_SUMMARY_SORTS,
  InvalidCaseSummaryQuery,
  MAX_CASE_SUMMARY_LIMIT,
  queryCaseSummaries,
  SORT_ORDERS,
  type CaseSummaryItem,
  type CaseSummaryPage,
  type CaseSummaryQuery,
  type CaseSummarySort,
  type SortOrder,
} from './case-summary.queries';
