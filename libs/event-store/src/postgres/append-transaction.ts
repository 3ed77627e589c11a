/**
 * The statements of one append, run inside a transaction the caller opened on one client. Raw pg statements rather
 * than kysely, for the same reason as the SQLite writer: the caller owns BEGIN and COMMIT on a single connection, so
 * a test can hold a real append open between them (the out-of-order commit test does exactly that).
 *
 * Order matters for visibility.ts: only SELECTs before the INSERT, so the transaction gets its xid at the INSERT,
 * while it holds the table lock that the visibility horizon looks for.
 */
import type { ClientBase } from 'pg';
import { planAppend, streamCategory, type StoredEventRef, type StreamHead } from '../append-rules';
import { canonicalJson } from '../canonical-json';
import type { AppendResult } from '../event-store';
import type { ValidatedAppend } from '../metadata';
import type { EventsTableRef } from './schema';
import { positionSql } from './visibility';

/** What an append did: `wrote` is false for an empty batch or an idempotent retry. */
export interface AppendOutcome {
  readonly result: AppendResult;
  readonly wrote: boolean;
}

/** Options of appendWithinTransaction. */
export interface AppendStatementsOptions {
  /** Clock for recordedAt. Default: the server's clock_timestamp(), read once in the append's first statement. */
  readonly now?: () => Date;
  /** Called just before the INSERT: from then on a rollback must wake subscribers (see postgres-event-store.ts). */
  readonly onInsert?: () => void;
}

interface HeadRow {
  readonly now: string;
  readonly revision: string | null;
  readonly position: string | null;
  readonly hash: string | null;
  /** Already-stored events with one of the batch's ids (json_agg, parsed by pg). */
  readonly existing: readonly StoredRow[];
}

interface StoredRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
}

/**
 * Loads the stream head and any already-stored batch ids (one statement), lets the shared append rules decide
 * (expected revision, idempotent retry, sealing), and inserts the sealed events with a NOTIFY that PostgreSQL
 * delivers on commit (a second statement). With the caller's BEGIN and COMMIT an append is four round trips.
 * Does not commit. A concurrent writer that took the same revision or id makes the INSERT fail with SQLSTATE 23505
 * (possibly after waiting for that writer's commit); the caller rolls back and runs the append again.
 */
export async function appendWithinTransaction(
  client: Pick<ClientBase, 'query'>,
  ref: EventsTableRef,
  request: ValidatedAppend,
  options: AppendStatementsOptions = {},
): Promise<AppendOutcome> {
  const { stream, events } = request;
  // One round trip before the INSERT: the clock reading, the stream head and any already-stored batch ids.
  const headResult = await client.query<HeadRow>(
    `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now,
            head.revision::text AS revision, head.position::text AS position, head.hash,
            (SELECT coalesce(json_agg(json_build_object('id', id::text, 'stream', stream,
                                                        'revision', revision::text, 'position', position::text)),
                             '[]'::json)
               FROM ${ref.table} WHERE id = ANY($2::uuid[])) AS existing
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT revision, position, metadata::json ->> 'hash' AS hash
           FROM ${ref.table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1
       ) AS head ON true`,
    [stream, events.map((event) => event.id)],
  );
  const row = headResult.rows[0];
  const head: StreamHead | undefined =
    row.revision === null
      ? undefined
      : { revision: BigInt(row.revision), position: BigInt(row.position as string), hash: row.hash as string };
  const existing: StoredEventRef[] = row.existing.map((stored) => ({
    id: stored.id,
    stream: stored.stream,
    revision: BigInt(stored.revision),
    position: BigInt(stored.position),
  }));
  const recordedAt = options.now ? options.now().toISOString() : row.now;

  const plan = planAppend(request, head, existing, recordedAt);
  if (plan.kind === 'done') return { result: plan.result, wrote: false };

  options.onInsert?.();
  const inserted = await client.query<{ position: string }>(
    // The NOTIFY rides in the same statement (PostgreSQL delivers it at commit): one round trip fewer per append.
    `WITH inserted AS (
       INSERT INTO ${ref.table} (position, id, stream, category, revision, type, data, metadata, recorded_at)
       SELECT ${positionSql('e.ordinal - 1')}, e.id, $1, $2, e.revision, e.type, e.data, e.metadata, $3
         FROM unnest($4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::text[])
              WITH ORDINALITY AS e(id, revision, type, data, metadata, ordinal)
       RETURNING position
     ), notified AS (SELECT pg_notify($9, '') AS done)
     SELECT inserted.position::text AS position FROM inserted CROSS JOIN notified`,
    [
      stream,
      streamCategory(stream),
      recordedAt,
      plan.events.map((event) => event.id),
      plan.events.map((event) => event.revision.toString()),
      plan.events.map((event) => event.type),
      plan.events.map((event) => event.dataJson),
      plan.events.map((event) => canonicalJson(event.metadata)),
      ref.channel,
    ],
  );
  const position = inserted.rows.reduce((max, { position: value }) => (BigInt(value) > max ? BigInt(value) : max), -1n);
  return { result: { nextRevision: plan.events[plan.events.length - 1].revision, position }, wrote: true };
}

/** The unique constraints whose violation means "a concurrent writer got there first": re-plan and decide again. */
const RACE_CONSTRAINTS = new Set(['events_stream_revision_key', 'events_id_key']);

/**
 * True for a unique violation (23505) on (stream, revision) or on the event id, and for a deadlock (40P01): two
 * appends carrying the same ids in opposite orders can wait on each other's uncommitted keys, and PostgreSQL aborts
 * one of them; re-planned, it is a retry or a conflict like any other.
 */
export function isAppendRace(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code === '40P01') return true;
  return code === '23505' && typeof constraint === 'string' && RACE_CONSTRAINTS.has(constraint);
}
