/**
 * The one way a projection folds cases: every case event is folded into its case's state with the domain's evolve,
 * exactly as the command side folds it, and a FactRetracted folds the case again from its history in the log with the
 * retractions applied (the domain's foldCaseHistory). Projections then compute their rows from the domain's views of
 * the state (libs/domain case/views), never from event types.
 *
 * Each projection keeps its own table of each case's state after its last applied event (case-folds.table.ts), keyed
 * by stream revision, so an event at or below it is passed over and a batch applied twice folds nothing. It is written
 * in the batch transaction beside the projection's rows. The events themselves are read from the log
 * (stream-history.ts), not copied.
 */
import type { Transaction } from 'kysely';
import {
  evolveStoredCaseEvent,
  FACT_RETRACTED,
  foldCaseHistory,
  initialCaseState,
  type CaseState,
} from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import type { StreamHistory } from '../stream-history';
import type { CaseFoldTableNames } from './case-folds.table';
import { decodeCaseState, encodeCaseState } from './case-state-json';

/** 3 columns × 1 000 rows = 3 000 bound parameters, far below SQLite's 32 766 (and PostgreSQL's 65 535). */
const ROWS_PER_STATEMENT = 1_000;

/** One case event folded: the case's state before and after it. */
export interface FoldedCaseEvent {
  readonly caseId: string;
  readonly event: RecordedEvent;
  readonly before: CaseState;
  readonly after: CaseState;
}

/** Creates the generation's table of case states. */
export async function createCaseFoldTables(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  names: CaseFoldTableNames,
): Promise<void> {
  await trx.schema
    .createTable(tables.physical(names.states))
    .addColumn('case_id', 'text', (column) => column.primaryKey())
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .execute();
}

/**
 * Folds the case events of a batch (stream order within each case, as the log delivers them) and keeps each case's
 * state for the next batch. Returns one entry per event not folded before, in batch order. Throws, halting the
 * projection, on a payload the codec cannot read, a history the decider cannot have written (an event before
 * CaseReceived) or a history the log does not hold (StreamHistoryIncomplete).
 */
export async function foldCaseEvents(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  names: CaseFoldTableNames,
  events: readonly RecordedEvent[],
  history: StreamHistory,
): Promise<FoldedCaseEvent[]> {
  const states = await loadStates(trx, tables, names, [...new Set(events.map(caseIdOf))]);
  const folded: FoldedCaseEvent[] = [];
  for (const event of events) {
    const caseId = caseIdOf(event);
    const current = states.get(caseId);
    if (current && event.revision <= current.revision) continue;
    const before = current?.state ?? initialCaseState;
    const after =
      event.type === FACT_RETRACTED
        ? foldCaseHistory([...(await history.eventsBefore(event.stream, event.revision)), event])
        : evolveSharedInBatch(before, event);
    states.set(caseId, { revision: event.revision, state: after });
    folded.push({ caseId, event, before, after });
  }
  await saveStates(trx, tables, names, folded, states);
  return folded;
}

/**
 * The three projections that fold cases take the same batch (the same event objects) one after the other, and their
 * states of a case are usually the same object (case-state-json.ts finds a saved state by its text). Evolve is pure
 * and states immutable, so the second and third take the first's result. Keyed by the event object: an entry lives
 * as long as the batch, which holds every state it folded anyway. Refolds are not shared: skips differ by projection.
 */
const foldedInBatch = new WeakMap<RecordedEvent, { readonly before: CaseState; readonly after: CaseState }>();

function evolveSharedInBatch(before: CaseState, event: RecordedEvent): CaseState {
  const known = foldedInBatch.get(event);
  if (known?.before === before) return known.after;
  const after = evolveStoredCaseEvent(before, event);
  foldedInBatch.set(event, { before, after });
  return after;
}

/** The case of an event: `data.caseId` (on every case event), else the id in its `case-<id>` stream name. */
export function caseIdOf(event: RecordedEvent): string {
  const { caseId } = event.data;
  if (typeof caseId === 'string' && caseId !== '') return caseId;
  return event.stream.slice('case-'.length);
}

interface FoldedState {
  readonly revision: bigint;
  readonly state: CaseState;
}

// Every states table has the same columns, so queries are typed against case_summary's and run on the projection's own.
function statesTable(tables: TableNames, names: CaseFoldTableNames) {
  return tables.physical(names.states) as 'case_summary_states';
}

async function loadStates(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  names: CaseFoldTableNames,
  caseIds: readonly string[],
): Promise<Map<string, FoldedState>> {
  const states = new Map<string, FoldedState>();
  for (let start = 0; start < caseIds.length; start += ROWS_PER_STATEMENT) {
    const rows = await trx
      .selectFrom(statesTable(tables, names))
      .selectAll()
      .where('case_id', 'in', caseIds.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
    for (const row of rows)
      states.set(row.case_id, { revision: BigInt(row.revision), state: decodeCaseState(row.state) });
  }
  return states;
}

async function saveStates(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  names: CaseFoldTableNames,
  folded: readonly FoldedCaseEvent[],
  states: ReadonlyMap<string, FoldedState>,
): Promise<void> {
  const table = statesTable(tables, names);
  const changed = [...new Set(folded.map((entry) => entry.caseId))];
  for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
    const slice = changed.slice(start, start + ROWS_PER_STATEMENT);
    // Replace, not upsert: the state is written whole.
    await trx.deleteFrom(table).where('case_id', 'in', slice).execute();
    await trx
      .insertInto(table)
      .values(
        slice.map((caseId) => {
          const { revision, state } = states.get(caseId) as FoldedState;
          return { case_id: caseId, revision, state: encodeCaseState(state) };
        }),
      )
      .execute();
  }
}
