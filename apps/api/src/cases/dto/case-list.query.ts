import {
  CASE_SUMMARY_SORTS,
  CASE_SUMMARY_STATUSES,
  MAX_CASE_SUMMARY_LIMIT,
  SORT_ORDERS,
  type CaseSummarySort,
  type SortOrder,
} from '@thads/read-models';
import { IsIdentifier, IsLocalDateString, IsOneOf } from '../../http/validators';
import { IsCursorParam, IsMinPositionParam, IsWholeNumberParam } from '../../http/query-params';

/** Query string of GET /cases: filters, ordering and paging of the case_summary read model. */
export class CaseListQueryDto {
  /** The enforcing office. */
  @IsIdentifier({ optional: true }) office?: string;
  @IsOneOf(CASE_SUMMARY_STATUSES, { optional: true }) status?: string;
  /** The assigned enforcement officer (chấp hành viên). */
  @IsIdentifier({ optional: true }) officer?: string;
  @IsLocalDateString({
    optional: true,
    description: 'Only cases whose next open legal deadline falls strictly before this date',
  })
  dueBefore?: string;
  @IsOneOf(CASE_SUMMARY_SORTS, { optional: true }) sort?: CaseSummarySort;
  @IsOneOf(SORT_ORDERS, { optional: true }) order?: SortOrder;
  @IsWholeNumberParam(1, MAX_CASE_SUMMARY_LIMIT, `Page size, 1 to ${MAX_CASE_SUMMARY_LIMIT}; default 50`)
  limit?: string;
  @IsCursorParam() cursor?: string;
  @IsMinPositionParam() minPosition?: string;
}

/** Query string of GET /cases/{caseId}/summary. */
export class CaseSummaryQueryDto {
  @IsMinPositionParam() minPosition?: string;
}
