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

/** The append's one reading of the clock, or the client's pinned clock (a text parameter) when given. */
function clockCte(pinned: string): string {
  return `clock AS (
    SELECT coalesce(${pinned}::text, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS now
  )`;
}

/** Parameters $1–$5 of the batch and single statements: stream, category, pinned clock, expected-revision kind and exact revision. */
const CLOCK = clockCte('$3');

function headCte(ref: EventsTableRef): string {
  return `head AS (
    SELECT revision, position, metadata::json ->> 'hash' AS hash
      FROM ${ref.table} WHERE stream = $1 ORDER BY revision DESC LIMIT 1
  )`;
}

/**
 * The expected revision holds (planAppend's condition, append-rules.ts), as a boolean expression over the kind
 * ('any', 'no_stream', 'stream_exists' or 'exact'), the exact revision and the head's revision (null: no stream).
 */
function revisionMetSql(kind: string, exact: string, headRevision: string): string {
  return `CASE ${kind}
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN ${headRevision} IS NULL
      WHEN 'stream_exists' THEN ${headRevision} IS NOT NULL
      ELSE ${headRevision} = ${exact} END`;
}

const REVISION_MET = revisionMetSql('$4::text', '$5::bigint', '(SELECT revision FROM head)');

/** The stored events among the selected rows, as the JSON array append-statement.ts parses. */
const STORED_REFS = `coalesce(json_agg(json_build_object('id', id::text, 'stream', stream,
                                               'revision', revision::text, 'position', position::text)),
                    '[]'::json)`;

/**
 * sha256 hex of `prevHash ‖ hashMaterial` (hash-chain.ts), assembled from the client's texts: the same bytes
 * hashMaterialOfTexts writes, with prevHash, recordedAt and the revision filled in by the server.
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

/**
 * Several one-event appends to distinct streams in one statement, hence one transaction and one commit: the group
 * commit of appends that waited for a free statement slot (append-groups.ts). Each keeps its own gate, so an append
 * whose expected revision fails is left out while the others are written. $1 is the pinned clock; $2–$12 are arrays
 * with one element per append: stream, category, expected-revision kind, exact revision, then the event's texts.
 * Returns one row per append, in order, shaped like the other statements' row.
 */
export function groupAppendSql(ref: EventsTableRef): string {
  const l: EventTexts = {
    data: 'l.data',
    id: 'l.id::text',
    before: 'l.meta_before',
    between: 'l.meta_between',
    after: 'l.meta_after',
    tail: 'l.tail',
  };
  return `WITH
  ${clockCte('$1')},
  request AS (
    SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::uuid[], $7::text[], $8::text[],
                         $9::text[], $10::text[], $11::text[], $12::text[])
      WITH ORDINALITY AS r(stream, category, kind, exact, id, type, data, meta_before, meta_between, meta_after,
                           tail, ordinal)
  ),
  head AS (
    SELECT r.ordinal, h.revision, h.position, h.hash
      FROM request AS r LEFT JOIN LATERAL (
        SELECT revision, position, metadata::json ->> 'hash' AS hash
          FROM ${ref.table} WHERE stream = r.stream ORDER BY revision DESC LIMIT 1
      ) AS h ON true
  ),
  gated AS (
    SELECT r.*, coalesce(h.revision, -1) + 1 AS revision, coalesce(h.hash, '${GENESIS_HASH}') AS prev_hash
      FROM request AS r JOIN head AS h USING (ordinal)
     WHERE (${revisionMetSql('r.kind', 'r.exact', 'h.revision')}) IS TRUE
  ),
  link AS (
    SELECT l.*, ${hashSql('l.prev_hash', 'l.revision', l)} AS hash
      FROM gated AS l CROSS JOIN clock
  ),
  inserted AS (
    INSERT INTO ${ref.table} (position, id, stream, category, revision, type, data, metadata, recorded_at)
    SELECT ${positionSql('l.ordinal - 1')}, l.id, l.stream, l.category, l.revision, l.type, l.data,
           ${storedMetadataSql('l.hash', 'l.prev_hash', l)},
           clock.now
      FROM link AS l CROSS JOIN clock
    RETURNING stream, position, revision
  )
SELECT clock.now, h.revision::text AS revision, h.position::text AS position, h.hash,
       CASE WHEN i.position IS NOT NULL THEN '[]'::json
            ELSE (SELECT ${STORED_REFS} FROM ${ref.table} WHERE id = r.id) END AS existing,
       i.position::text AS last_position, i.revision::text AS last_revision
  FROM request AS r JOIN head AS h USING (ordinal) CROSS JOIN clock LEFT JOIN inserted AS i ON i.stream = r.stream
 ORDER BY r.ordinal`;
}
