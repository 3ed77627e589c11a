/**
 * An append as one statement: one round trip, run in autocommit by the store (so it is its own transaction) or
 * inside a transaction a test holds open. The statement (append-sql.ts) reads the clock and the stream head, checks
 * the expected revision, and only then inserts; the hash chain is computed by the server from the texts the client
 * prepared (metadata-template.ts), so the append needs no earlier round trip to learn the head.
 *
 * Visibility (visibility.ts) holds: the statement takes RowExclusiveLock on the table when it is parsed, before it
 * executes, and its first write is the INSERT, where the transaction gets its xid.
 */
import type { ClientBase } from 'pg';
import { planAppend, streamCategory, type StoredEventRef, type StreamHead } from '../append-rules';
import type { AppendResult } from '../event-store';
import type { ValidatedAppend } from '../metadata';
import { metadataTemplate } from '../metadata-template';
import { batchAppendSql, groupAppendSql, singleAppendSql } from './append-sql';
import type { EventsTableRef } from './schema';

/** What an append did: `wrote` is false for an empty batch, an idempotent retry or a refusal. */
export interface AppendOutcome {
  readonly result: AppendResult;
  readonly wrote: boolean;
}

/** Options of appendInOneStatement. */
export interface AppendStatementOptions {
  /** Clock for recordedAt. Default: the server's clock_timestamp(), read once per append inside the statement. */
  readonly now?: () => Date;
  /**
   * Refuse to write when one of the batch's ids is already stored, and say which (the batch statement). Without it a
   * one-event append leaves that check to the id's unique key (isStoredIdClash), which is cheaper on the common path.
   */
  readonly checkStoredIds?: boolean;
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

type StatementKind = 'single' | 'batch' | 'group';

const SQL_OF_KIND: Record<StatementKind, (ref: EventsTableRef) => string> = {
  single: singleAppendSql,
  batch: batchAppendSql,
  group: groupAppendSql,
};

/** The statement texts per table and kind: built once, so pg and PostgreSQL see the same text every time. */
const statements = new Map<string, string>();

function statementText(ref: EventsTableRef, kind: StatementKind): string {
  const key = `${kind} ${ref.table}`;
  let text = statements.get(key);
  if (!text) statements.set(key, (text = SQL_OF_KIND[kind](ref)));
  return text;
}

/** The events' texts as columns (one array per parameter), in the order the statements take them. */
function eventColumns(stream: string, events: ValidatedAppend['events']): string[][] {
  const templates = events.map((event) => metadataTemplate(event.metadata));
  const streamJson = JSON.stringify(stream);
  return [
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => event.dataJson),
    templates.map((template) => template.before),
    templates.map((template) => template.between),
    templates.map((template) => template.after),
    events.map((event) => `,"stream":${streamJson},"type":${JSON.stringify(event.type)}}`),
  ];
}

/** The expected revision as the statements take it: a kind and, for 'exact', the revision. */
function expectedParams(request: ValidatedAppend): [string, string | null] {
  const { expectedRevision } = request;
  return typeof expectedRevision === 'bigint' ? ['exact', expectedRevision.toString()] : [expectedRevision, null];
}

/**
 * Runs the append's one statement. When it wrote, returns the result; when it did not, the shared append rules
 * decide from the head and stored ids it read (idempotent original result, or WrongExpectedRevision thrown). Does
 * not commit. A concurrent writer that took the same revision or id makes the INSERT fail with SQLSTATE 23505
 * (possibly after waiting for that writer's commit); the caller runs the append again (isAppendRace), with
 * `checkStoredIds` after an id clash (isStoredIdClash).
 */
export async function appendInOneStatement(
  client: Pick<ClientBase, 'query'>,
  ref: EventsTableRef,
  request: ValidatedAppend,
  options: AppendStatementOptions = {},
): Promise<AppendOutcome> {
  const { stream, events } = request;
  const kind = events.length === 1 && !options.checkStoredIds ? 'single' : 'batch';
  const columns = eventColumns(stream, events);
  const { rows } = await client.query<AppendRow>({
    name: `${statementName(ref)}_${kind}`,
    text: statementText(ref, kind),
    values: [
      stream,
      streamCategory(stream),
      options.now ? options.now().toISOString() : null,
      ...expectedParams(request),
      // The single statement takes the one event's texts as scalars, the batch statement arrays of them.
      ...(kind === 'single' ? columns.map((column) => column[0]) : columns),
    ],
  });
  return outcomeOf(request, rows[0]);
}

/**
 * Runs one-event appends to distinct streams as one statement (one transaction: the caller commits or runs it in
 * autocommit). Each append is decided as appendInOneStatement decides it, and settles alone (a refusal is one
 * rejected element). A thrown error fails them all: a unique violation of one aborts the statement, and the caller
 * runs them again one by one.
 */
export async function appendGroupInOneStatement(
  client: Pick<ClientBase, 'query'>,
  ref: EventsTableRef,
  requests: readonly ValidatedAppend[],
  options: Pick<AppendStatementOptions, 'now'> = {},
): Promise<PromiseSettledResult<AppendOutcome>[]> {
  const expected = requests.map(expectedParams);
  // Each append carries one event: its texts, one per column, are the group's element of that column.
  const texts = requests.map((request) => eventColumns(request.stream, request.events).map((column) => column[0]));
  const { rows } = await client.query<AppendRow>({
    name: `${statementName(ref)}_group`,
    text: statementText(ref, 'group'),
    values: [
      options.now ? options.now().toISOString() : null,
      requests.map((request) => request.stream),
      requests.map((request) => streamCategory(request.stream)),
      expected.map(([kind]) => kind),
      expected.map(([, exact]) => exact),
      ...texts[0].map((_, column) => texts.map((append) => append[column])),
    ],
  });
  return requests.map((request, index) => {
    try {
      return { status: 'fulfilled', value: outcomeOf(request, rows[index]) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  });
}

/** What the statement's row says of one append: its result when it wrote, else the shared rules' decision. */
function outcomeOf(request: ValidatedAppend, row: AppendRow): AppendOutcome {
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
  if (plan.kind === 'write') {
    throw new Error(`PostgreSQL append to ${request.stream}: the statement wrote nothing it should`);
  }
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

/** True when an event id of the append is stored already: the next attempt must check the ids (checkStoredIds). */
export function isStoredIdClash(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'events_id_key';
}

function statementName(ref: EventsTableRef): string {
  return `thads_append_${ref.schema}`;
}
