export { caseSummaryProjection } from './case-summary.projection';
export type { CaseSummaryTable } from './case-summary.table';
export {
  CASE_DEADLINE_KINDS,
  CASE_SUMMARY_STATUSES,
  type CaseDeadlineKind,
  type CaseSummaryStatus,
} from '@thads/domain';
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
