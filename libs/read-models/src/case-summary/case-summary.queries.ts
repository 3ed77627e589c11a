/**
 * Listing cases from case_summary: filter by office, status, officer and due date; sort by received date, next due
 * date, amount owed or case id; page with keyset cursors. Every page states the log position it reflects, read in
 * the same snapshot as the rows.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { isLocalDate, type LocalDate } from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';
import { NO_POSITION } from '../runtime/checkpoints';
import { CASE_SUMMARY_STATUSES, type CaseDeadlineKind, type CaseSummaryStatus } from '@thads/domain';
import type { CaseSummaryTable } from './case-summary.table';
import { vndFromText } from './vnd-text';

export const CASE_SUMMARY_SORTS = ['receivedOn', 'nextDueOn', 'owed', 'caseId'] as const;
export type CaseSummarySort = (typeof CASE_SUMMARY_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Largest page; the default is 50. */
export const MAX_CASE_SUMMARY_LIMIT = 200;

/** Filters (all given ones must match), ordering and paging of queryCaseSummaries. */
export interface CaseSummaryQuery {
  /** One case: the row a change-feed message names (`key` case-<caseId>). */
  readonly caseId?: string;
  /** The enforcing office. */
  readonly office?: string;
  readonly status?: string;
  readonly officer?: string;
  /** Only cases whose next open deadline falls strictly before this date (YYYY-MM-DD). */
  readonly dueBefore?: string;
  /** Default `caseId`. Cases with no open deadline sort after every date under `nextDueOn` (before them in desc). */
  readonly sort?: CaseSummarySort;
  /** Default `asc`. */
  readonly order?: SortOrder;
  /** 1 to 200; default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page, under the same sort and order. */
  readonly cursor?: string;
}

/** One case in a list. Money is bigint VND. */
export interface CaseSummaryItem {
  readonly caseId: string;
  readonly officeId: string;
  readonly source: string;
  readonly mode: string;
  readonly status: CaseSummaryStatus;
  readonly officerId: string | null;
  readonly owed: bigint;
  readonly collected: bigint;
  readonly disbursed: bigint;
  readonly receivedOn: LocalDate;
  readonly decisionOn: LocalDate | null;
  readonly nextDueOn: LocalDate | null;
  readonly nextDueKind: CaseDeadlineKind | null;
  readonly lastEventType: string;
  readonly lastEffectiveDate: LocalDate;
  readonly revision: bigint;
  readonly position: bigint;
}

/** A page of cases. */
export interface CaseSummaryPage {
  readonly items: readonly CaseSummaryItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** The log position the answer reflects (the projection's checkpoint); -1n before the first event. */
  readonly position: bigint;
}

/** A filter, sort or paging value the query cannot use; `field` names it as the API's query parameter. */
export class InvalidCaseSummaryQuery extends Error {
  override readonly name = 'InvalidCaseSummaryQuery';
  constructor(
    readonly field: keyof CaseSummaryQuery,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Sorts after every real date, so cases with nothing due come last in ascending order. */
const NOTHING_DUE = '9999-12-31';

type SummaryBuilder = ExpressionBuilder<ReadModelDatabase, 'case_summary'>;

/** The text each ordering sorts by; case_id breaks ties. */
function sortKey(eb: SummaryBuilder, sort: CaseSummarySort) {
  switch (sort) {
    case 'receivedOn':
      return eb.ref('received_on');
    case 'nextDueOn':
      return eb.fn.coalesce('next_due_on', eb.val(NOTHING_DUE));
    case 'owed':
      return eb.ref('owed_vnd');
    case 'caseId':
      return eb.ref('case_id');
  }
}

function sortKeyOf(row: Selectable<CaseSummaryTable>, sort: CaseSummarySort): string {
  if (sort === 'receivedOn') return row.received_on;
  if (sort === 'nextDueOn') return row.next_due_on ?? NOTHING_DUE;
  if (sort === 'owed') return row.owed_vnd;
  return row.case_id;
}

/** Lists cases. Throws InvalidCaseSummaryQuery naming a bad status, date, sort, order, limit or cursor. */
export async function queryCaseSummaries(
  db: Kysely<ReadModelDatabase>,
  query: CaseSummaryQuery = {},
): Promise<CaseSummaryPage> {
  const { sort, order, limit, after } = checkedQuery(query);
  const ordering = `${sort}:${order}`;
  const forward = order === 'asc' ? '>' : '<';
  // One read snapshot for rows and checkpoint, so `position` is exactly what the rows reflect.
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      let select = trx.selectFrom('case_summary').selectAll();
      if (query.caseId !== undefined) select = select.where('case_id', '=', query.caseId);
      if (query.office !== undefined) select = select.where('office_id', '=', query.office);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.officer !== undefined) select = select.where('officer_id', '=', query.officer);
      if (query.dueBefore !== undefined) select = select.where('next_due_on', '<', query.dueBefore);
      if (after) {
        select = select.where((eb) =>
          eb.or([
            eb(sortKey(eb, sort), forward, after.key),
            eb.and([eb(sortKey(eb, sort), '=', after.key), eb('case_id', forward, after.id)]),
          ]),
        );
      }
      // One row more than asked tells whether there is a next page without a count.
      const rows = await select
        .orderBy((eb) => sortKey(eb, sort), order)
        .orderBy('case_id', order)
        .limit(limit + 1)
        .execute();
      const checkpoint = await trx
        .selectFrom('projection_checkpoints')
        .select('position')
        .where('name', '=', 'case_summary')
        .executeTakeFirst();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toItem),
        nextCursor:
          rows.length > limit ? encodeKeysetCursor({ ordering, key: sortKeyOf(last, sort), id: last.case_id }) : null,
        position: checkpoint ? BigInt(checkpoint.position) : NO_POSITION,
      };
    });
}

function checkedQuery(query: CaseSummaryQuery) {
  const sort = query.sort ?? 'caseId';
  const order = query.order ?? 'asc';
  const limit = query.limit ?? 50;
  if (query.status !== undefined && !(CASE_SUMMARY_STATUSES as readonly string[]).includes(query.status)) {
    throw new InvalidCaseSummaryQuery('status', `must be one of ${CASE_SUMMARY_STATUSES.join(', ')}`);
  }
  if (query.dueBefore !== undefined && !isLocalDate(query.dueBefore))
    throw new InvalidCaseSummaryQuery('dueBefore', 'must be a calendar date written YYYY-MM-DD');
  if (!CASE_SUMMARY_SORTS.includes(sort))
    throw new InvalidCaseSummaryQuery('sort', `must be one of ${CASE_SUMMARY_SORTS.join(', ')}`);
  if (!SORT_ORDERS.includes(order)) throw new InvalidCaseSummaryQuery('order', 'must be asc or desc');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CASE_SUMMARY_LIMIT) {
    throw new InvalidCaseSummaryQuery(
      'limit',
      `must be a whole number from 1 to ${MAX_CASE_SUMMARY_LIMIT}, got ${limit}`,
    );
  }
  const after = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
  if (after === null) throw new InvalidCaseSummaryQuery('cursor', 'is not a cursor this API returned');
  if (after && after.ordering !== `${sort}:${order}`)
    throw new InvalidCaseSummaryQuery('cursor', `belongs to another sort or order (${after.ordering})`);
  return { sort, order, limit, after };
}

function toItem(row: Selectable<CaseSummaryTable>): CaseSummaryItem {
  return {
    caseId: row.case_id,
    officeId: row.office_id,
    source: row.source,
    mode: row.mode,
    status: row.status as CaseSummaryStatus,
    officerId: row.officer_id,
    owed: vndFromText(row.owed_vnd),
    collected: vndFromText(row.collected_vnd),
    disbursed: vndFromText(row.disbursed_vnd),
    receivedOn: row.received_on,
    decisionOn: row.decision_on,
    nextDueOn: row.next_due_on,
    nextDueKind: row.next_due_kind as CaseDeadlineKind | null,
    lastEventType: row.last_event_type,
    lastEffectiveDate: row.last_effective_date,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
  };
}
