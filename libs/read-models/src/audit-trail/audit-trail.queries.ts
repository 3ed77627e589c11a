/**
 * Reading the audit trail: by case, actor, office, event type and recorded-time range, paged by position.
 * Every page states the log position it reflects, read in the same snapshot as the rows.
 */
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { NO_POSITION } from '../runtime/checkpoints';
import type { AuditTrailTable } from './audit-trail.table';

/** Filters of queryAuditTrail; all given ones must match. */
export interface AuditTrailQuery {
  readonly caseId?: string;
  readonly actorId?: string;
  /** The acting user's office. */
  readonly officeId?: string;
  readonly eventType?: string;
  /** recordedAt at or after: an ISO date (`2026-03-01`, a UTC day) or date-time. */
  readonly from?: string;
  /** recordedAt strictly before: an ISO date or date-time. */
  readonly to?: string;
  /** 1 to 1000; default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/** One event in the audit trail. */
export interface AuditTrailEntry {
  readonly position: bigint;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly caseId: string | null;
  readonly eventType: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly officeId: string | null;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** A page of the audit trail, oldest first. */
export interface AuditTrailPage {
  readonly entries: readonly AuditTrailEntry[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** The log position the answer reflects (the projection's checkpoint); -1n before the first event. */
  readonly position: bigint;
}

/** A filter value the query cannot use; `field` names it. */
export class InvalidAuditTrailQuery extends Error {
  override readonly name = 'InvalidAuditTrailQuery';
  constructor(
    readonly field: keyof AuditTrailQuery,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Queries the audit trail. Throws InvalidAuditTrailQuery for a bad limit, cursor or time bound. */
export async function queryAuditTrail(
  db: Kysely<ReadModelDatabase>,
  query: AuditTrailQuery = {},
): Promise<AuditTrailPage> {
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InvalidAuditTrailQuery('limit', `must be a whole number from 1 to 1000, got ${limit}`);
  if (query.cursor !== undefined && !/^\d{1,19}$/.test(query.cursor))
    throw new InvalidAuditTrailQuery('cursor', 'is not a cursor this API returned');
  const from = query.from === undefined ? undefined : timeBound('from', query.from);
  const to = query.to === undefined ? undefined : timeBound('to', query.to);

  // One read snapshot for rows and checkpoint, so `position` is exactly what the rows reflect.
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      let select = trx.selectFrom('audit_trail').selectAll();
      if (query.caseId !== undefined) select = select.where('case_id', '=', query.caseId);
      if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
      if (query.officeId !== undefined) select = select.where('office_id', '=', query.officeId);
      if (query.eventType !== undefined) select = select.where('event_type', '=', query.eventType);
      if (from !== undefined) select = select.where('recorded_at', '>=', from);
      if (to !== undefined) select = select.where('recorded_at', '<', to);
      if (query.cursor !== undefined) select = select.where('position', '>', BigInt(query.cursor));
      // One row more than asked tells whether there is a next page without a count.
      const rows = await select
        .orderBy('position')
        .limit(limit + 1)
        .execute();
      const checkpoint = await trx
        .selectFrom('projection_checkpoints')
        .select('position')
        .where('name', '=', 'audit_trail')
        .executeTakeFirst();
      const entries = rows.slice(0, limit).map(toEntry);
      const more = rows.length > limit;
      return {
        entries,
        nextCursor: more ? entries[entries.length - 1].position.toString() : null,
        position: checkpoint ? BigInt(checkpoint.position) : NO_POSITION,
      };
    });
}

function timeBound(field: 'from' | 'to', value: string): string {
  if (DATE_ONLY.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time))
    throw new InvalidAuditTrailQuery(field, `must be an ISO date or date-time, got "${value}"`);
  // recordedAt is stored as UTC ISO with milliseconds; normalising makes the text comparison a time comparison.
  return new Date(time).toISOString();
}

function toEntry(row: AuditTrailTable): AuditTrailEntry {
  return {
    position: BigInt(row.position),
    eventId: row.event_id,
    stream: row.stream,
    revision: BigInt(row.revision),
    caseId: row.case_id,
    eventType: row.event_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    officeId: row.office_id,
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    reason: row.reason,
    recordedAt: row.recorded_at,
    effectiveDate: row.effective_date,
    schemaVersion: Number(row.schema_version),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
