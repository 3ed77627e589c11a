/**
 * Test fixtures for read-model specs: temp SQLite files for events and read models, a realistic little history,
 * and projections that count or fail on purpose. Test-only (imports the conformance fixtures, which use jest).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { createSqliteEventStore, type EventStore, type RecordedEvent, type SqliteEventStore } from '@thads/event-store';
import { testEvent } from '@thads/event-store/conformance';
import { openSqliteReadModelFile, readModelKysely } from '../database/open-read-model-database';
import type { ReadModelDatabase } from '../database/read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import type { Projection } from '../projection';
import type { ProjectorLogger } from '../runtime/projector';

/** A temp directory with an event file and a read-model file; `remove()` deletes it. */
export interface TempFiles {
  readonly eventsFile: string;
  readonly readModelFile: string;
  remove(): void;
}

export function tempFiles(): TempFiles {
  const dir = mkdtempSync(join(tmpdir(), 'thads-read-models-'));
  return {
    eventsFile: join(dir, 'events.db'),
    readModelFile: join(dir, 'read.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An SQLite event store on the temp file. A short poll lets a second process's (connection's) commits show fast. */
export function openEvents(files: TempFiles): SqliteEventStore {
  return createSqliteEventStore({ filename: files.eventsFile, subscriptionPageSize: 3, pollIntervalMs: 50 });
}

/** A migrated read-model database on the temp file (a new connection each call). */
export async function openReadModels(files: TempFiles): Promise<Kysely<ReadModelDatabase>> {
  const db = readModelKysely(openSqliteReadModelFile(files.readModelFile));
  await migrateReadModels(db);
  return db;
}

/** Collects what the projector logs, so a test can assert on it and the output stays quiet. */
export function recordingLogger(): ProjectorLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (message) => lines.push(message),
    warn: (message) => lines.push(message),
    error: (message) => lines.push(message),
  };
}

/**
 * A small history across a case, a complaint and an administrative stream: different actors and offices, a reason
 * on a corrective event, effectiveDate on decision events. Returns the head position.
 */
export async function appendHistory(store: EventStore, tag = 'A'): Promise<bigint> {
  const officer = { actor: { id: 'chv-tran', role: 'officer', officeId: 'HP-NGO-QUYEN' } };
  const head = { actor: { id: 'head-le', role: 'head', officeId: 'HP-NGO-QUYEN' } };
  const admin = { actor: { id: 'admin-1', role: 'admin' }, reason: 'Clerical error in the judgment number' };
  const caseStream = `case-HP-${tag}-0001`;
  await store.append(
    caseStream,
    [
      testEvent(
        'CaseReceived',
        { caseId: `HP-${tag}-0001`, officeId: 'HP-NGO-QUYEN', effectiveDate: '2018-03-01' },
        officer,
      ),
    ],
    { expectedRevision: 'no_stream' },
  );
  await store.append(
    caseStream,
    [testEvent('EnforcementDecisionIssued', { decisionNumber: '101/QĐ', effectiveDate: '2018-03-05' }, head)],
    { expectedRevision: 0n },
  );
  await store.append(
    `complaint-KN-${tag}-1`,
    [
      testEvent(
        'ComplaintFiled',
        { complaintId: `KN-${tag}-1`, caseId: `HP-${tag}-0001`, effectiveDate: '2018-03-12' },
        officer,
      ),
    ],
    { expectedRevision: 'no_stream' },
  );
  await store.append(
    caseStream,
    [testEvent('ClericalFactCorrected', { field: 'judgment.number', effectiveDate: '2018-03-20' }, admin)],
    { expectedRevision: 1n },
  );
  await store.append(
    `complaint-KN-${tag}-1`,
    [
      testEvent(
        'ComplaintAccepted',
        { complaintId: `KN-${tag}-1`, caseId: `HP-${tag}-0001`, effectiveDate: '2018-03-14' },
        head,
      ),
    ],
    { expectedRevision: 0n },
  );
  const result = await store.append(`office-HP-NGO-QUYEN`, [testEvent('TargetSet', { year: 2018 }, admin)], {
    expectedRevision: 'any',
  });
  return result.position;
}

/** `count` plain events on one stream; returns the head position. */
export async function appendMany(store: EventStore, count: number, stream = 'case-BULK-1'): Promise<bigint> {
  let position = -1n;
  for (let n = 0; n < count; n += 1)
    position = (
      await store.append(stream, [testEvent('Noted', { n, effectiveDate: '2018-04-01' })], { expectedRevision: 'any' })
    ).position;
  return position;
}

/** Every row of a read model (through its view), in position order, for comparing runs. */
export async function rowsOf(db: Kysely<ReadModelDatabase>, view: string): Promise<unknown[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(view)} order by 1`.execute(db);
  // Tables keyed by more than their first column come back in any order among equal firsts: sort by the whole row.
  const text = (row: unknown) =>
    JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  return result.rows
    .map((row) => ({ row, key: text(row) }))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
    .map(({ row }) => row);
}

/**
 * A deliberately non-idempotent projection: it adds one per event to a counter row. If any batch were applied twice,
 * the count would exceed the number of events, so it proves exactly-once where an upsert would hide a duplicate.
 */
export function countingProjection(name = 'event_count', overrides: Partial<Projection> = {}): Projection {
  return {
    name,
    version: 1,
    handles: ['$all'],
    tables: [`${name}_counter`],
    createTables: async (trx, tables) => {
      await sql`create table ${sql.table(tables.physical(`${name}_counter`))} (id integer primary key, events integer not null, last_position bigint)`.execute(
        trx,
      );
      await sql`insert into ${sql.table(tables.physical(`${name}_counter`))} values (1, 0, null)`.execute(trx);
    },
    apply: async (events, trx, tables) => countEvents(events, trx, tables.physical(`${name}_counter`)),
    ...overrides,
  };
}

async function countEvents(
  events: readonly RecordedEvent[],
  trx: Transaction<ReadModelDatabase>,
  table: string,
): Promise<void> {
  const last = events[events.length - 1].position;
  await sql`update ${sql.table(table)} set events = events + ${events.length}, last_position = ${last} where id = 1`.execute(
    trx,
  );
}

/** The counter of a countingProjection. */
export async function countedEvents(db: Kysely<ReadModelDatabase>, name = 'event_count'): Promise<bigint> {
  const result = await sql<{ events: bigint }>`select events from ${sql.table(`${name}_counter`)} where id = 1`.execute(
    db,
  );
  return result.rows[0].events;
}
