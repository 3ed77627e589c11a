/**
 * An append as one statement: one round trip, run in autocommit by the store (so it is its own transaction) or
 * inside a transaction a test holds open. The statement reads the clock, the stream head and any already-stored ids
 * of the batch, checks the expected revision, and only then inserts; the hash chain is computed by the server from
 * the texts the client prepared (metadata-template.ts), so the append needs no earlier round trip to learn the head.
 *
 * Visibility (visibility.ts) holds: the statement takes RowExclusiveLock on the table when it is parsed, before it
 * executes, and its first write is the INSERT, where the transaction gets its xid.
 */
import type { ClientBase } from 'pg';
import { planAppend, streamCategory, type StoredEventRef, type StreamHead } from '../append-rules';
import type { AppendResult } from '../event-store';
import { GENESIS_HASH } from '../hash-chain';
import type { ValidatedAppend } from '../metadata';
import { metadataTemplate } from '../metadata-template';
import type { EventsTableRef } from './schema';
import { positionSql } from './visibility';

/** What an append did: `wrote` is false for an empty batch, an idempotent retry or a refusal. */
export interface AppendOutcome {
  readonly result: AppendResult;
  readonly wrote: boolean;
}

/** Options of appendInOneStatement. */
export interface AppendStatementOptions {
  /** Clock for recordedAt. Default: the server's clock_timestamp(), read once per append inside the statement. */
  readonly now?: () => Date;
}

interface AppendRow {
  readonly now: string;
  readonly revision: string | null;
  readonly position: string | null;
  readonly hash: string | null;
  /** Already-stored events with one of the batch's ids (json_agg, parsed by pg). */
  readonly existing: readonly StoredRow[];
  /** Highest position and revision written, null when the statement wrote nothing. */
  readonly last_position: string | null;
  readonly last_revision: string | null;
}

interface StoredRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
}

/**
 * sha256 hex of `prevHash ‖ hashMaterial` (hash-chain.ts), assembled from the client's texts: the same bytes
 * hashMaterialOfCanonicalData writes, with prevHash, recordedAt and the revision filled in by the server.
 */
function hashSql(prev: string, revision: string): string {
  return `encode(sha256(convert_to(${prev} || '{"data":' || b.data || ',"id":"' || b.id::text || '","metadata":'
    || b.meta_before || ',"prevHash":"' || ${prev} || '"' || b.meta_between || ',"recordedAt":"' || clock.now || '"'
    || b.meta_after || ',"revision":"' || ${revision}::text || '"' || b.tail, 'UTF8')), 'hex')`;
}

function appendSql(ref: EventsTableRef): string {
  return `WITH RECURSIVE
  clock AS (
    SELECT coalesce($3::text, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS now
  ),
  head AS (
    SELECT revision, position, metadata::json ->> 'hash' AS hash
      FROM ${ref.table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1
  ),
  existing AS (
    SELECT coalesce(json_agg(json_build_object('id', id::text, 'stream', stream,
                                               'revision', revision::text, 'position', position::text)),
                    '[]'::json) AS refs,
           count(*) AS n
      FROM ${ref.table} WHERE id = ANY($6::uuid[])
  ),
  -- The write condition of planAppend (append-rules.ts): no id of the batch stored yet, expected revision met.
  gate AS (
    SELECT ((SELECT n FROM existing) = 0 AND CASE $4::text
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN NOT EXISTS (SELECT 1 FROM head)
      WHEN 'stream_exists' THEN EXISTS (SELECT 1 FROM head)
      ELSE (SELECT revision FROM head) = $5::bigint END) IS TRUE AS ok
  ),
  batch AS (
    SELECT * FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
      WITH ORDINALITY AS e(id, type, data, meta_before, meta_between, meta_after, tail, ordinal)
  ),
  chain (ordinal, revision, prev_hash, hash) AS (
    SELECT b.ordinal, first.revision, first.prev_hash, ${hashSql('first.prev_hash', 'first.revision')}
      FROM batch AS b CROSS JOIN clock
      CROSS JOIN (SELECT coalesce((SELECT revision FROM head), -1) + 1 AS revision,
                         coalesce((SELECT hash FROM head), '${GENESIS_HASH}') AS prev_hash) AS first
     WHERE b.ordinal = 1 AND (SELECT ok FROM gate)
    UNION ALL
    SELECT b.ordinal, c.revision + 1, c.hash, ${hashSql('c.hash', '(c.revision + 1)')}
      FROM chain AS c JOIN batch AS b ON b.ordinal = c.ordinal + 1 CROSS JOIN clock
  ),
  inserted AS (
    INSERT INTO ${ref.table} (position, id, stream, category, revision, type, data, metadata, recorded_at)
    SELECT ${positionSql('c.ordinal - 1')}, b.id, $1, $2, c.revision, b.type, b.data,
           b.meta_before || ',"hash":"' || c.hash || '","prevHash":"' || c.prev_hash || '"' || b.meta_between
             || ',"recordedAt":"' || clock.now || '"' || b.meta_after,
           clock.now
      FROM chain AS c JOIN batch AS b USING (ordinal) CROSS JOIN clock
    RETURNING position, revision
  )
SELECT clock.now, head.revision::text AS revision, head.position::text AS position, head.hash,
       existing.refs AS existing,
       (SELECT max(position)::text FROM inserted) AS last_position,
       (SELECT max(revision)::text FROM inserted) AS last_revision
  FROM clock CROSS JOIN existing LEFT JOIN head ON true`;
}

/** The statement text per table: built once, so pg and PostgreSQL see the same text every time. */
const statements = new Map<string, string>();

/**
 * Runs the append's one statement. When it wrote, returns the result; when it did not, the shared append rules
 * decide from the head and stored ids it read (idempotent original result, or WrongExpectedRevision thrown). Does
 * not commit. A concurrent writer that took the same revision or id makes the INSERT fail with SQLSTATE 23505
 * (possibly after waiting for that writer's commit); the caller runs the append again (isAppendRace).
 */
export async function appendInOneStatement(
  client: Pick<ClientBase, 'query'>,
  ref: EventsTableRef,
  request: ValidatedAppend,
  options: AppendStatementOptions = {},
): Promise<AppendOutcome> {
  const { stream, events, expectedRevision } = request;
  let text = statements.get(ref.table);
  if (!text) statements.set(ref.table, (text = appendSql(ref)));
  const templates = events.map((event) => metadataTemplate(event.metadata));
  const streamJson = JSON.stringify(stream);
  const { rows } = await client.query<AppendRow>({
    name: statementName(ref),
    text,
    values: [
      stream,
      streamCategory(stream),
      options.now ? options.now().toISOString() : null,
      typeof expectedRevision === 'bigint' ? 'exact' : expectedRevision,
      typeof expectedRevision === 'bigint' ? expectedRevision.toString() : null,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.dataJson),
      templates.map((template) => template.before),
      templates.map((template) => template.between),
      templates.map((template) => template.after),
      events.map((event) => `,"stream":${streamJson},"type":${JSON.stringify(event.type)}}`),
    ],
  });
  const row = rows[0];
  if (row.last_position !== null) {
    return {
      result: { nextRevision: BigInt(row.last_revision as string), position: BigInt(row.last_position) },
      wrote: true,
    };
  }
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
  const plan = planAppend(request, head, existing, row.now);
  // The statement's gate is planAppend's write condition, so a plan to write here would be a bug in one of them.
  if (plan.kind === 'write') throw new Error(`PostgreSQL append to ${stream}: the statement wrote nothing it should`);
  return { result: plan.result, wrote: false };
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

function statementName(ref: EventsTableRef): string {
  return `thads_append_${ref.schema}`;
}
