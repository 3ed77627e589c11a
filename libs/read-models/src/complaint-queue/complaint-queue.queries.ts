/**
 * Reading the complaint queue: complaints in the order their next due date falls, filtered by level, office, status
 * and whether they are overdue on a given day. "Overdue" depends on today, which a read model must not read: the
 * caller passes `asOf` (the API defaults it to today in Asia/Ho_Chi_Minh), and the flag is computed in the query.
 */
import type { Kysely, Selectable } from 'kysely';
import { isLocalDate, type LocalDate } from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';
import { NO_POSITION } from '../runtime/checkpoints';
import { COMPLAINT_QUEUE_STATUSES } from './complaint-queue.fold';
import type { ComplaintQueueTable } from './complaint-queue.table';

/** Largest page; the default is 50. */
export const MAX_COMPLAINT_QUEUE_LIMIT = 200;

/** Filters (all given ones must match) and paging of queryComplaintQueue. */
export interface ComplaintQueueQuery {
  /** The day against which "overdue" is judged (YYYY-MM-DD): a due date strictly before it has passed. */
  readonly asOf: string;
  /** true: only complaints whose open acceptance or resolution is past due; false: only the others. */
  readonly overdue?: boolean;
  readonly level?: number;
  /** The respondent's office. */
  readonly office?: string;
  readonly status?: string;
  /** 1 to 200; default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/** The step the deciding authority is late with. */
export type OverdueStep = 'ACCEPTANCE' | 'RESOLUTION';

/** One complaint in the queue. */
export interface ComplaintQueueItem {
  readonly complaintId: string;
  readonly caseId: string;
  readonly officeId: string;
  readonly respondentRole: string;
  readonly group: string;
  readonly level: number;
  readonly status: string;
  readonly decidingAuthority: string;
  readonly filedOn: LocalDate;
  readonly acceptanceDueOn: LocalDate;
  readonly resolutionDueOn: LocalDate | null;
  readonly escalationDeadline: LocalDate | null;
  /** The due date of the act owed now (acceptance or resolution); null when none is owed. */
  readonly nextDueOn: LocalDate | null;
  readonly lastActOn: LocalDate;
  /** The open acceptance or resolution is past due on `asOf`. */
  readonly overdue: boolean;
  readonly overdueStep: OverdueStep | null;
  /** The deadline sweep recorded a missed deadline for this complaint (it stays recorded). */
  readonly deadlineMissed: boolean;
  readonly lastEventType: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/** A page of the queue, soonest due first; complaints owing nothing come last. */
export interface ComplaintQueuePage {
  readonly items: readonly ComplaintQueueItem[];
  readonly nextCursor: string | null;
  /** The log position the answer reflects (the projection's checkpoint); -1n before the first event. */
  readonly position: bigint;
  readonly asOf: LocalDate;
}

/** A filter or paging value the query cannot use; `field` names it as the API's query parameter. */
export class InvalidComplaintQueueQuery extends Error {
  override readonly name = 'InvalidComplaintQueueQuery';
  constructor(
    readonly field: keyof ComplaintQueueQuery,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Sorts after every real date. */
const NOTHING_DUE = '9999-12-31';
const ORDERING = 'nextDueOn:asc';

/** Reads the queue. Throws InvalidComplaintQueueQuery naming a bad asOf, level, status, limit or cursor. */
export async function queryComplaintQueue(
  db: Kysely<ReadModelDatabase>,
  query: ComplaintQueueQuery,
): Promise<ComplaintQueuePage> {
  const { asOf, limit, after } = checkedQuery(query);
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      let select = trx.selectFrom('complaint_queue').selectAll();
      if (query.level !== undefined) select = select.where('level', '=', BigInt(query.level));
      if (query.office !== undefined) select = select.where('office_id', '=', query.office);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      // next_due_on is set only while an acceptance or resolution is owed, so "past due" is one comparison.
      if (query.overdue === true) select = select.where('next_due_on', '<', asOf);
      if (query.overdue === false)
        select = select.where((eb) => eb.or([eb('next_due_on', 'is', null), eb('next_due_on', '>=', asOf)]));
      if (after) {
        select = select.where((eb) => {
          const due = eb.fn.coalesce('next_due_on', eb.val(NOTHING_DUE));
          return eb.or([eb(due, '>', after.key), eb.and([eb(due, '=', after.key), eb('complaint_id', '>', after.id)])]);
        });
      }
      const rows = await select
        .orderBy((eb) => eb.fn.coalesce('next_due_on', eb.val(NOTHING_DUE)))
        .orderBy('complaint_id')
        .limit(limit + 1)
        .execute();
      const checkpoint = await trx
        .selectFrom('projection_checkpoints')
        .select('position')
        .where('name', '=', 'complaint_queue')
        .executeTakeFirst();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => toItem(row, asOf)),
        nextCursor:
          rows.length > limit
            ? encodeKeysetCursor({ ordering: ORDERING, key: last.next_due_on ?? NOTHING_DUE, id: last.complaint_id })
            : null,
        position: checkpoint ? BigInt(checkpoint.position) : NO_POSITION,
        asOf,
      };
    });
}

function checkedQuery(query: ComplaintQueueQuery) {
  if (!isLocalDate(query.asOf))
    throw new InvalidComplaintQueueQuery('asOf', 'must be a calendar date written YYYY-MM-DD');
  if (query.level !== undefined && query.level !== 1 && query.level !== 2)
    throw new InvalidComplaintQueueQuery('level', 'must be 1 or 2');
  if (query.status !== undefined && !(COMPLAINT_QUEUE_STATUSES as readonly string[]).includes(query.status)) {
    throw new InvalidComplaintQueueQuery('status', `must be one of ${COMPLAINT_QUEUE_STATUSES.join(', ')}`);
  }
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMPLAINT_QUEUE_LIMIT) {
    throw new InvalidComplaintQueueQuery(
      'limit',
      `must be a whole number from 1 to ${MAX_COMPLAINT_QUEUE_LIMIT}, got ${limit}`,
    );
  }
  const after = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
  if (after === null || (after && after.ordering !== ORDERING))
    throw new InvalidComplaintQueueQuery('cursor', 'is not a cursor this API returned');
  return { asOf: query.asOf, limit, after };
}

function toItem(row: Selectable<ComplaintQueueTable>, asOf: LocalDate): ComplaintQueueItem {
  const overdue = row.next_due_on !== null && row.next_due_on < asOf;
  return {
    complaintId: row.complaint_id,
    caseId: row.case_id,
    officeId: row.office_id,
    respondentRole: row.respondent_role,
    group: row.complaint_group,
    level: Number(row.level),
    status: row.status,
    decidingAuthority: row.deciding_authority,
    filedOn: row.filed_on,
    acceptanceDueOn: row.acceptance_due_on,
    resolutionDueOn: row.resolution_due_on,
    escalationDeadline: row.escalation_deadline,
    nextDueOn: row.next_due_on,
    lastActOn: row.last_act_on,
    overdue,
    overdueStep: overdue ? (row.status === 'accepted' ? 'RESOLUTION' : 'ACCEPTANCE') : null,
    deadlineMissed: Number(row.deadline_missed) !== 0,
    lastEventType: row.last_event_type,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
  };
}
