/**
 * The office structure completion_stats reports under: successions and renames from the office registry
 * (docs/domain.md "Offices and succession"), kept as known at each position so a close and an `asOf` report see the
 * structure as it was known then. Which office holds a case on a date is the domain's rule (holderOn); this only
 * stores and reads the registry's facts.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  assertNever,
  officeRegistryEventCodec,
  type JsonRecord,
  type OfficeNameChange,
  type OfficeRegistryEvent,
  type OfficeSuccession,
} from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import type { Knowledge } from './office-tallies';

/** One office passing its cases to a successor from a date (one row per predecessor). */
export interface CompletionStatsSuccessionsTable {
  predecessor_office_id: string;
  successor_office_id: string;
  effective_date: string;
  kind: string;
  legal_act_number: string;
  legal_act_issued_on: string;
  legal_act_issued_by: string;
  position: bigint;
  recorded_at: string;
}

/** A name an office takes from a date. */
export interface CompletionStatsOfficeNamesTable {
  office_id: string;
  name: string;
  effective_date: string;
  legal_act_number: string;
  legal_act_issued_on: string;
  legal_act_issued_by: string;
  position: bigint;
  recorded_at: string;
}

export interface OfficeStructureTables {
  completion_stats_successions: CompletionStatsSuccessionsTable;
  completion_stats_office_names: CompletionStatsOfficeNamesTable;
}

export const OFFICE_STRUCTURE_TABLES = [
  'completion_stats_successions',
  'completion_stats_office_names',
] as const satisfies readonly (keyof OfficeStructureTables)[];

export async function createOfficeStructureTables(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
): Promise<void> {
  await trx.schema
    .createTable(tables.physical('completion_stats_successions'))
    .addColumn('predecessor_office_id', 'text', (column) => column.primaryKey())
    .addColumn('successor_office_id', 'text', (column) => column.notNull())
    .addColumn('effective_date', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('legal_act_number', 'text', (column) => column.notNull())
    .addColumn('legal_act_issued_on', 'text', (column) => column.notNull())
    .addColumn('legal_act_issued_by', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await trx.schema
    .createTable(tables.physical('completion_stats_office_names'))
    .addColumn('office_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('effective_date', 'text', (column) => column.notNull())
    .addColumn('legal_act_number', 'text', (column) => column.notNull())
    .addColumn('legal_act_issued_on', 'text', (column) => column.notNull())
    .addColumn('legal_act_issued_by', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint(`${tables.physical('completion_stats_office_names')}_pk`, ['office_id', 'position'])
    .execute();
}

/** Keeps a registry event. Applying it twice writes nothing new. */
export async function applyOfficeRegistryEvent(
  trx: Transaction<ReadModelDatabase>,
  tables: TableNames,
  recorded: RecordedEvent,
): Promise<void> {
  const event: OfficeRegistryEvent = officeRegistryEventCodec.decode({
    type: recorded.type,
    data: recorded.data as JsonRecord,
  });
  const known = { position: recorded.position, recorded_at: recorded.metadata.recordedAt };
  const { effectiveDate, legalAct } = event.data;
  const dated = {
    effective_date: effectiveDate,
    legal_act_number: legalAct.number,
    legal_act_issued_on: legalAct.issuedOn,
    legal_act_issued_by: legalAct.issuedBy,
    ...known,
  };
  const succession = (predecessor: string, successor: string, kind: string) => ({
    predecessor_office_id: predecessor,
    successor_office_id: successor,
    kind,
    ...dated,
  });
  const successions = trx.insertInto(tables.physical('completion_stats_successions'));
  switch (event.type) {
    case 'OfficesMerged':
      await successions
        .values(event.data.predecessorOfficeIds.map((id) => succession(id, event.data.successorOfficeId, 'MERGER')))
        .onConflict((conflict) => conflict.column('predecessor_office_id').doNothing())
        .execute();
      return;
    case 'OfficeSplit':
      await successions
        .values(succession(event.data.officeId, event.data.openCasesPassTo, 'SPLIT'))
        .onConflict((conflict) => conflict.column('predecessor_office_id').doNothing())
        .execute();
      return;
    case 'OfficeRenamed':
      await trx
        .insertInto(tables.physical('completion_stats_office_names'))
        .values({ office_id: event.data.officeId, name: event.data.name, ...dated })
        .onConflict((conflict) => conflict.columns(['office_id', 'position']).doNothing())
        .execute();
      return;
    default:
      assertNever(event, 'office registry event');
  }
}

/** The structure as known: every succession and rename recorded within the knowledge's limit. */
export interface KnownStructure {
  readonly successions: readonly OfficeSuccession[];
  readonly renames: readonly OfficeNameChange[];
}

export async function knownStructure(
  db: Kysely<ReadModelDatabase>,
  tables: TableNames,
  knowledge: Knowledge,
): Promise<KnownStructure> {
  let successions = db.selectFrom(tables.physical('completion_stats_successions')).selectAll();
  let names = db.selectFrom(tables.physical('completion_stats_office_names')).selectAll();
  if (knowledge.beforePosition !== undefined) {
    successions = successions.where('position', '<', knowledge.beforePosition);
    names = names.where('position', '<', knowledge.beforePosition);
  }
  if (knowledge.recordedBefore !== undefined) {
    successions = successions.where('recorded_at', '<', knowledge.recordedBefore);
    names = names.where('recorded_at', '<', knowledge.recordedBefore);
  }
  const legalAct = (number: string, issuedOn: string, issuedBy: string) => ({ number, issuedOn, issuedBy });
  return {
    successions: (await successions.orderBy('position').execute()).map((row) => ({
      predecessorOfficeId: row.predecessor_office_id,
      successorOfficeId: row.successor_office_id,
      effectiveDate: row.effective_date,
      kind: row.kind as OfficeSuccession['kind'],
      legalAct: legalAct(row.legal_act_number, row.legal_act_issued_on, row.legal_act_issued_by),
    })),
    renames: (await names.orderBy('position').execute()).map((row) => ({
      officeId: row.office_id,
      name: row.name,
      effectiveDate: row.effective_date,
      legalAct: legalAct(row.legal_act_number, row.legal_act_issued_on, row.legal_act_issued_by),
    })),
  };
}
