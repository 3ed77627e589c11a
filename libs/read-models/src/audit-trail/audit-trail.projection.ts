/**
 * audit_trail: every event with who, what, under which command, why, when (recorded and legal) and
 * its hashes. It handles every event, so it is also the projection most exposed to odd payloads; it reads only
 * envelope fields and two optional data fields, and never throws on an unknown event type.
 */
import type { Insertable, Transaction } from 'kysely';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection, TableNames } from '../projection';
import type { AuditTrailTable } from './audit-trail.table';

/** SQLite's limit on bound parameters is 32 766; 19 columns × 500 rows stays well below it. */
const ROWS_PER_INSERT = 500;

/** The audit_trail projection. */
export const auditTrailProjection: Projection = {
  name: 'audit_trail',
  version: 1,
  handles: ['$all'],
  tables: ['audit_trail'],
  createTables: createAuditTrailTables,
  apply: applyAuditTrail,
};

async function createAuditTrailTables(trx: Transaction<ReadModelDatabase>, tables: TableNames): Promise<void> {
  const table = tables.physical('audit_trail');
  await trx.schema
    .createTable(table)
    .addColumn('position', 'bigint', (column) => column.primaryKey())
    .addColumn('event_id', 'text', (column) => column.notNull().unique())
    .addColumn('stream', 'text', (column) => column.notNull())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('case_id', 'text')
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text', (column) => column.notNull())
    .addColumn('actor_role', 'text', (column) => column.notNull())
    .addColumn('office_id', 'text')
    .addColumn('command_id', 'text', (column) => column.notNull())
    .addColumn('correlation_id', 'text', (column) => column.notNull())
    .addColumn('causation_id', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('schema_version', 'bigint', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  // Every query filters on one of these and pages by position, so each index ends with position.
  for (const column of ['case_id', 'actor_id', 'office_id', 'event_type', 'recorded_at'] as const) {
    await trx.schema.createIndex(`${table}_by_${column}`).on(table).columns([column, 'position']).execute();
  }
}

async function applyAuditTrail(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  const rows = events.map(auditTrailRow);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto(tables.physical('audit_trail'))
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      // Idempotent by position: a batch applied twice leaves the rows as they were (events never change).
      .onConflict((conflict) => conflict.column('position').doNothing())
      .execute();
  }
}

/** The audit row of one event; throws (a poison event) only if the envelope itself is malformed. */
export function auditTrailRow(event: RecordedEvent): Insertable<AuditTrailTable> {
  const { metadata } = event;
  if (!metadata?.actor?.id || !metadata.actor.role)
    throw new TypeError(`Event ${event.id} has no actor in its metadata`);
  return {
    position: event.position,
    event_id: event.id,
    stream: event.stream,
    revision: event.revision,
    case_id: caseIdOf(event),
    event_type: event.type,
    actor_id: metadata.actor.id,
    actor_role: metadata.actor.role,
    office_id: metadata.actor.officeId ?? null,
    command_id: metadata.commandId,
    correlation_id: metadata.correlationId,
    causation_id: metadata.causationId,
    reason: metadata.reason ?? null,
    recorded_at: metadata.recordedAt,
    effective_date: typeof event.data.effectiveDate === 'string' ? event.data.effectiveDate : null,
    schema_version: BigInt(metadata.schemaVersion),
    prev_hash: metadata.prevHash,
    hash: metadata.hash,
  };
}

function caseIdOf(event: RecordedEvent): string | null {
  const category = streamCategory(event.stream);
  if (category === 'case') return event.stream.slice('case-'.length) || null;
  if (typeof event.data.caseId === 'string') return event.data.caseId;
  return null;
}
