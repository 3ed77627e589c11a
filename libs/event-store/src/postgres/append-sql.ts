/**
 * The texts of the append's statements (append-statement.ts runs them). Each reads the clock and the stream head,
 * checks the expected revision and only then inserts, computing the hash chain from the client's texts; each returns
 * the same row: the clock, the head it read, the stored events carrying the batch's ids and what it wrote.
 *
 * - `batchAppendSql`: any number of events (a recursive CTE chains the hashes), and no event written when one of the
 *   batch's ids is already stored. Its id probe is a planner choice frozen into the connection's generic plan, made
 *   while the table may still be small (a sequential scan then).
 * - `singleAppendSql`: one event, the common append, a third of the batch statement's server time. Its gate does not
 *   probe the id: a stored id makes the INSERT fail on the id's unique key, and the store retries with the batch
 *   statement, which decides. The id is read only when nothing was written, to decide a refusal or a replay.
 */
import { GENESIS_HASH } from '../hash-chain';
import type { EventsTableRef } from './schema';
import { positionSql } from './visibility';

/** SQL expressions of one event's client texts: the canonical data, the id, the metadata cut and the tail. */
interface EventTexts {
  readonly data: string;
  readonly id: string;
  readonly before: string;
  readonly between: string;
  readonly after: string;
  readonly tail: string;
}

/** Parameters $1–$5, shared: stream, category, pinned clock, expected-revision kind and exact revision. */
const CLOCK = `clock AS (
    SELECT coalesce($3::text, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS now
  )`;

function headCte(ref: EventsTableRef): string {
  return `head AS (
    SELECT revision, position, metadata::json ->> 'hash' AS hash
      FROM ${ref.table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1
  )`;
}

/** The expected revision holds (planAppend's condition, append-rules.ts), as a boolean expression. */
const REVISION_MET = `CASE $4::text
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN NOT EXISTS (SELECT 1 FROM head)
      WHEN 'stream_exists' THEN EXISTS (SELECT 1 FROM head)
      ELSE (SELECT revision FROM head) = $5::bigint END`;

/** The stored events among the selected rows, as the JSON array append-statement.ts parses. */
const STORED_REFS = `coalesce(json_agg(json_build_object('id', id::text, 'stream', stream,
                                               'revision', revision::text, 'position', position::text)),
                    '[]'::json)`;

/**
 * sha256 hex of `prevHash ‖ hashMaterial` (hash-chain.ts), assembled from the client's texts: the same bytes
 * hashMaterialOfCanonicalData writes, with prevHash, recordedAt and the revision filled in by the server.
 */
function hashSql(prev: string, revision: string, e: EventTexts): string {
  return `encode(sha256(convert_to(${prev} || '{"data":' || ${e.data} || ',"id":"' || ${e.id} || '","metadata":'
    || ${e.before} || ',"prevHash":"' || ${prev} || '"' || ${e.between} || ',"recordedAt":"' || clock.now || '"'
    || ${e.after} || ',"revision":"' || ${revision}::text || '"' || ${e.tail}, 'UTF8')), 'hex')`;
}

/** The stored metadata: the client's cut with hash, prevHash and recordedAt filled in. */
function storedMetadataSql(hash: string, prev: string, e: EventTexts): string {
  return `${e.before} || ',"hash":"' || ${hash} || '","prevHash":"' || ${prev} || '"' || ${e.between}
             || ',"recordedAt":"' || clock.now || '"' || ${e.after}`;
}

/** $6–$12: arrays of ids, types, data texts and the metadata cuts and tails, one element per event. */
export function batchAppendSql(ref: EventsTableRef): string {
  const b: EventTexts = {
    data: 'b.data',
    id: 'b.id::text',
    before: 'b.meta_before',
    between: 'b.meta_between',
    after: 'b.meta_after',
    tail: 'b.tail',
  };
  return `WITH RECURSIVE
  ${CLOCK},
  ${headCte(ref)},
  existing AS (
    SELECT ${STORED_REFS} AS refs, count(*) AS n
      FROM ${ref.table} WHERE id = ANY($6::uuid[])
  ),
  -- The write condition of planAppend (append-rules.ts): no id of the batch stored yet, expected revision met.
  gate AS (
    SELECT ((SELECT n FROM existing) = 0 AND ${REVISION_MET}) IS TRUE AS ok
  ),
  batch AS (
    SELECT * FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
      WITH ORDINALITY AS e(id, type, data, meta_before, meta_between, meta_after, tail, ordinal)
  ),
  chain (ordinal, revision, prev_hash, hash) AS (
    SELECT b.ordinal, first.revision, first.prev_hash, ${hashSql('first.prev_hash', 'first.revision', b)}
      FROM batch AS b CROSS JOIN clock
      CROSS JOIN (SELECT coalesce((SELECT revision FROM head), -1) + 1 AS revision,
                         coalesce((SELECT hash FROM head), '${GENESIS_HASH}') AS prev_hash) AS first
     WHERE b.ordinal = 1 AND (SELECT ok FROM gate)
    UNION ALL
    SELECT b.ordinal, c.revision + 1, c.hash, ${hashSql('c.hash', '(c.revision + 1)', b)}
      FROM chain AS c JOIN batch AS b ON b.ordinal = c.ordinal + 1 CROSS JOIN clock
  ),
  inserted AS (
    INSERT INTO ${ref.table} (position, id, stream, category, revision, type, data, metadata, recorded_at)
    SELECT ${positionSql('c.ordinal - 1')}, b.id, $1, $2, c.revision, b.type, b.data,
           ${storedMetadataSql('c.hash', 'c.prev_hash', b)},
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

/** $6–$12: the one event's id, type, data text, metadata cuts and tail. */
export function singleAppendSql(ref: EventsTableRef): string {
  const e: EventTexts = {
    data: '$8::text',
    id: '$6::text',
    before: '$9::text',
    between: '$10::text',
    after: '$11::text',
    tail: '$12::text',
  };
  return `WITH
  ${CLOCK},
  ${headCte(ref)},
  link AS (
    SELECT first.revision, first.prev_hash, ${hashSql('first.prev_hash', 'first.revision', e)} AS hash
      FROM clock CROSS JOIN (SELECT coalesce((SELECT revision FROM head), -1) + 1 AS revision,
                                    coalesce((SELECT hash FROM head), '${GENESIS_HASH}') AS prev_hash) AS first
     WHERE (${REVISION_MET}) IS TRUE
  ),
  inserted AS (
    INSERT INTO ${ref.table} (position, id, stream, category, revision, type, data, metadata, recorded_at)
    SELECT ${positionSql('0')}, $6::text::uuid, $1, $2, l.revision, $7::text, $8::text,
           ${storedMetadataSql('l.hash', 'l.prev_hash', e)},
           clock.now
      FROM link AS l CROSS JOIN clock
    RETURNING position, revision
  )
SELECT clock.now, head.revision::text AS revision, head.position::text AS position, head.hash,
       CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN '[]'::json
            ELSE (SELECT ${STORED_REFS} FROM ${ref.table} WHERE id = $6::text::uuid) END AS existing,
       (SELECT max(position)::text FROM inserted) AS last_position,
       (SELECT max(revision)::text FROM inserted) AS last_revision
  FROM clock LEFT JOIN head ON true`;
}
