import { COMPLAINT_QUEUE_STATUSES, MAX_COMPLAINT_QUEUE_LIMIT } from '@thads/read-models';
import { IsIdentifier, IsLocalDateString, IsOneOf } from '../../http/validators';
import { IsBooleanParam, IsCursorParam, IsMinPositionParam, IsWholeNumberParam } from '../../http/query-params';

/** Query string of GET /complaints: filters and paging of the complaint_queue read model. */
export class ComplaintQueueQueryDto {
  @IsBooleanParam(
    'true: only complaints whose open acceptance or resolution is past due on asOf; false: only the others',
  )
  overdue?: string;
  @IsOneOf(['1', '2'], { optional: true }) level?: string;
  /** The respondent's office. */
  @IsIdentifier({ optional: true }) office?: string;
  @IsOneOf(COMPLAINT_QUEUE_STATUSES, { optional: true }) status?: string;
  @IsLocalDateString({ optional: true, description: 'The day overdue is judged on; default today in Asia/Ho_Chi_Minh' })
  asOf?: string;
  @IsWholeNumberParam(1, MAX_COMPLAINT_QUEUE_LIMIT, `Page size, 1 to ${MAX_COMPLAINT_QUEUE_LIMIT}; default 50`)
  limit?: string;
  @IsCursorParam() cursor?: string;
  @IsMinPositionParam() minPosition?: string;
}
