/**
 * Reading the deadlines read model: what the deadline sweep must look at.
 */
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { DeadlineKind } from './deadlines.table';

/** An open deadline whose last day has passed and whose miss is not recorded yet. */
export interface OverdueDeadline {
  readonly stream: string;
  readonly aggregateId: string;
  readonly caseId: string;
  readonly kind: DeadlineKind;
  /** Complaint level 1 or 2; 0 for case deadlines. */
  readonly level: number;
  readonly dueOn: string;
}

/**
 * Open deadlines due before `today` (a LocalDate) with no miss recorded, oldest first. The read model may lag the
 * log: a row listed here can already be met or recorded, which the decider then answers with no events.
 */
export async function overdueDeadlines(db: Kysely<ReadModelDatabase>, today: string): Promise<OverdueDeadline[]> {
  const rows = await db
    .selectFrom('deadlines')
    .select(['stream', 'aggregate_id', 'case_id', 'kind', 'level', 'due_on'])
    .where('status', '=', 'open')
    .where('due_on', '<', today)
    .where('missed_on', 'is', null)
    .orderBy('due_on')
    .orderBy('stream')
    .orderBy('kind')
    .orderBy('level')
    .execute();
  return rows.map((row) => ({
    stream: row.stream,
    aggregateId: row.aggregate_id,
    caseId: row.case_id,
    kind: row.kind,
    level: Number(row.level),
    dueOn: row.due_on,
  }));
}
