/**
 * Test-only: a little world for completion_stats specs. Commands go through the real command path into an
 * in-memory event store whose clock the test sets (recordedAt is the day a fact was recorded, 10:00 local time), and
 * the real projector applies them to an in-memory read-model database.
 */
import { sql, type Kysely } from 'kysely';
import { executeCommand } from '@thads/application';
import type { CaseCommand, LocalDate, PostponementGround, ReportingCommand } from '@thads/domain';
import { createInMemoryEventStore, type EventStore } from '@thads/event-store';
import { openSqliteReadModelFile, readModelKysely } from '../database/open-read-model-database';
import type { ReadModelDatabase } from '../database/read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import { tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { createProjector } from '../runtime/projector';
import { rebuildProjection, type RebuildResult } from '../runtime/rebuild';
import { completionReport } from './completion-report.queries';
import type { CompletionReport, CompletionReportRequest } from './completion-report.types';
import { completionStatsProjection } from './completion-stats.projection';
import { COMPLETION_STATS_TABLES } from './completion-stats.tables';
import { eventStoreHistory } from '../stream-history';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The event store, the read models and helpers to write commands, project and read. */
export interface StatsWorld {
  readonly store: EventStore;
  readonly db: Kysely<ReadModelDatabase>;
  /** Runs case commands in order, each recorded on its effective date unless `recordedOn` says otherwise. */
  onCase(caseId: string, commands: readonly CaseCommand[], recordedOn?: LocalDate): Promise<void>;
  onOffice(officeId: string, commands: readonly ReportingCommand[], recordedOn?: LocalDate): Promise<void>;
  /** Runs the projector until it has applied everything; returns the head position. */
  project(): Promise<bigint>;
  /** Applies every stored event again, in one batch, to the active generation: a replay must change no row. */
  applyAllAgain(): Promise<void>;
  /** Rebuilds completion_stats from position zero into a new generation, `batchSize` events at a time. */
  rebuild(batchSize: number): Promise<RebuildResult>;
  report(request: CompletionReportRequest): Promise<CompletionReport>;
  /** Every row of every completion_stats table, through the views. */
  rows(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** A world over an in-memory SQLite read-model database, or over `readModels` (migrated; closed by `close()`). */
export async function startStatsWorld(readModels?: Kysely<ReadModelDatabase>): Promise<StatsWorld> {
  let clock = new Date('2017-01-01T03:00:00.000Z');
  const store = createInMemoryEventStore({ now: () => clock });
  const db = readModels ?? readModelKysely(openSqliteReadModelFile(':memory:'));
  await migrateReadModels(db);
  let commandNumber = 0;
  const context = () => {
    commandNumber += 1;
    return {
      commandId: `command-${commandNumber}`,
      correlationId: `command-${commandNumber}`,
      actor: { id: 'chv-1', role: 'officer', officeId: 'HP' },
    };
  };
  const recordOn = (date: LocalDate) => {
    clock = new Date(`${date}T03:00:00.000Z`);
  };
  return {
    store,
    db,
    async onCase(caseId, commands, recordedOn) {
      for (const command of commands) {
        const clock = recordedOn ?? command.data.effectiveDate;
        // A correction without a date (dated at the act it corrects) keeps the previous command's clock.
        if (clock !== undefined) recordOn(clock);
        await executeCommand(store, { aggregate: 'case', id: caseId, command }, context());
      }
    },
    async onOffice(officeId, commands, recordedOn) {
      for (const command of commands) {
        const clock = recordedOn ?? command.data.effectiveDate;
        // A correction without a date (dated at the act it corrects) keeps the previous command's clock.
        if (clock !== undefined) recordOn(clock);
        await executeCommand(store, { aggregate: 'reporting', id: officeId, command }, context());
      }
    },
    async project() {
      const head = await store.headPosition();
      const projector = createProjector({
        eventStore: store,
        db,
        projections: [completionStatsProjection],
        batchSize: 7,
        logger: silent,
        controlPollMs: 0,
      });
      await projector.start();
      await projector.waitForPosition(head);
      await projector.stop();
      return head;
    },
    async applyAllAgain() {
      const checkpoint = await loadCheckpoint(db, completionStatsProjection.name);
      const events = await store.readAll();
      const tables = tableNamesFor(completionStatsProjection, checkpoint?.activeGeneration ?? 1);
      await db
        .transaction()
        .execute((trx) => completionStatsProjection.apply(events, trx, tables, eventStoreHistory(store)));
    },
    rebuild: (batchSize) =>
      rebuildProjection({ eventStore: store, db, projection: completionStatsProjection, batchSize }),
    report: (request) => completionReport(db, request),
    async rows() {
      const rows: Record<string, unknown[]> = {};
      for (const table of COMPLETION_STATS_TABLES)
        rows[table] =
          // The folded states have three columns and the case offices one, keyed by the first; every other table
          // sorts by its first four (the dated counter changes by their fifth, the date, too).
          (
            await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${
              table === 'completion_stats_case_states' || table === 'completion_stats_case_offices'
                ? sql`1`
                : table === 'completion_stats_counter_changes'
                  ? sql`1, 2, 3, 4, 5`
                  : sql`1, 2, 3, 4`
            }`.execute(db)
          ).rows;
      return rows;
    },
    async close() {
      await db.destroy();
      await store.close();
    },
  };
}

// Case scripts: each case has items `<caseId>-1`, `<caseId>-2`, … with the given amounts.

export function receive(
  caseId: string,
  officeId: string,
  effectiveDate: LocalDate,
  amounts: readonly bigint[],
): CaseCommand {
  return {
    type: 'ReceiveCase',
    data: {
      caseId,
      officeId,
      source: 'JUDGMENT',
      mode: 'EX_OFFICIO',
      judgment: {
        number: `${caseId}/DS-ST`,
        court: 'TAND',
        issuedOn: effectiveDate,
        legallyEffectiveOn: effectiveDate,
      },
      parties: [
        { partyId: 'creditor', role: 'CREDITOR', kind: 'PERSON', name: 'Người được thi hành án' },
        { partyId: 'debtor', role: 'DEBTOR', kind: 'PERSON', name: 'Người phải thi hành án' },
      ],
      obligations: amounts.map((amount, index) => ({
        itemId: `${caseId}-${index + 1}`,
        kind: 'DEBT',
        description: 'Trả nợ',
        amount,
      })),
      effectiveDate,
    },
  };
}

/** Received and decided on the same day. */
export function decidedCase(
  caseId: string,
  officeId: string,
  effectiveDate: LocalDate,
  amounts: readonly bigint[],
): CaseCommand[] {
  return [
    receive(caseId, officeId, effectiveDate, amounts),
    { type: 'IssueEnforcementDecision', data: { decisionNumber: `QĐ-${caseId}`, effectiveDate } },
  ];
}

/** Every item collected and paid out, then settled, all on one day. */
export function settled(caseId: string, amounts: readonly bigint[], effectiveDate: LocalDate): CaseCommand[] {
  const money = amounts.flatMap((amount, index): CaseCommand[] => {
    const itemId = `${caseId}-${index + 1}`;
    return [
      {
        type: 'RecordCollection',
        data: { collectionId: `thu-${itemId}`, itemId, amount, source: 'VOLUNTARY', effectiveDate },
      },
      { type: 'DisburseFunds', data: { disbursementId: `chi-${itemId}`, itemId, amount, effectiveDate } },
    ];
  });
  return [...money, { type: 'Settle', data: { effectiveDate } }];
}

export const terminated = (effectiveDate: LocalDate): CaseCommand => ({
  type: 'TerminateEnforcement',
  data: { decisionNumber: 'QĐ-ĐC', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate },
});
export const postponed = (effectiveDate: LocalDate, ground: PostponementGround = 'SERIOUS_ILLNESS'): CaseCommand => ({
  type: 'PostponeEnforcement',
  data: { decisionNumber: 'QĐ-H', ground, effectiveDate },
});
export const entrusted = (effectiveDate: LocalDate, targetOfficeId: string): CaseCommand => ({
  type: 'EntrustEnforcement',
  data: { decisionNumber: 'QĐ-UT', targetOfficeId, effectiveDate },
});
export function notEnforceable(effectiveDate: LocalDate): CaseCommand[] {
  return [
    {
      type: 'RecordVerification',
      data: { result: 'NOT_ENFORCEABLE', ground: 'NO_INCOME_OR_ASSETS', findings: 'Không có tài sản', effectiveDate },
    },
    { type: 'DecideNotEnforceable', data: { decisionNumber: 'QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate } },
  ];
}

export const registerOffice = (
  officeId: string,
  tier: 'GENERAL_DEPARTMENT' | 'PROVINCE' | 'DISTRICT',
  parentOfficeId?: string,
): ReportingCommand => ({
  type: 'RegisterOffice',
  data: {
    officeId,
    name: `Cơ quan ${officeId}`,
    tier,
    effectiveDate: '2017-01-02',
    ...(parentOfficeId ? { parentOfficeId } : {}),
  },
});
export const setTarget = (
  officeId: string,
  reportingYear: number,
  casesRatePercent: string,
  moneyRatePercent: string,
  effectiveDate: LocalDate,
): ReportingCommand => ({
  type: 'SetTarget',
  data: { officeId, reportingYear, casesRatePercent, moneyRatePercent, effectiveDate },
});
export const closePeriod = (officeId: string, period: string, effectiveDate: LocalDate): ReportingCommand => ({
  type: 'ClosePeriod',
  data: { officeId, period, effectiveDate },
});

/** A million VND: the scenario's amounts. */
export const M = 1_000_000n;

/**
 * Hải Phòng in reporting year 2018 (TT 08/2015, two-way split): the city department HP with its own cases and two
 * district branches. Expected figures for May 2018 (1 Oct 2017 – 31 May 2018):
 *   NQ: C1 carried over, settled 10 Mar; C2 carried over, not enforceable; C7 decided Dec, entrusted whole to LC in Feb.
 *   LC: C4 decided Nov, terminated Feb; C5 decided Jan, postponed (illness) Mar; C8 (the entrusted C7) decided Feb.
 *   HP: C6 decided Apr, in progress. C3 (LC) was settled before the year; C9 (NQ) is decided in June.
 */
export async function haiPhong2018(world: StatsWorld): Promise<void> {
  await world.onOffice('TC', [registerOffice('TC', 'GENERAL_DEPARTMENT')]);
  await world.onOffice('HP', [registerOffice('HP', 'PROVINCE', 'TC'), setTarget('HP', 2018, '72', '32', '2017-10-02')]);
  await world.onOffice('NQ', [registerOffice('NQ', 'DISTRICT', 'HP'), setTarget('NQ', 2018, '75', '35', '2017-10-02')]);
  await world.onOffice('LC', [registerOffice('LC', 'DISTRICT', 'HP')]);
  await world.onCase('C1', [
    ...decidedCase('C1', 'NQ', '2017-08-03', [100n * M]),
    ...settled('C1', [100n * M], '2018-03-10'),
  ]);
  await world.onCase('C2', [...decidedCase('C2', 'NQ', '2017-05-04', [50n * M]), ...notEnforceable('2017-06-01')]);
  await world.onCase('C3', [
    ...decidedCase('C3', 'LC', '2017-07-05', [70n * M]),
    ...settled('C3', [70n * M], '2017-09-20'),
  ]);
  await world.onCase('C4', [...decidedCase('C4', 'LC', '2017-11-01', [30n * M]), terminated('2018-02-01')]);
  await world.onCase('C5', [...decidedCase('C5', 'LC', '2018-01-10', [20n * M]), postponed('2018-03-01')]);
  await world.onCase('C6', decidedCase('C6', 'HP', '2018-04-02', [10n * M]));
  await world.onCase('C7', [...decidedCase('C7', 'NQ', '2017-12-01', [40n * M]), entrusted('2018-02-01', 'LC')]);
  await world.onCase('C8', decidedCase('C8', 'LC', '2018-02-06', [40n * M]));
  await world.onCase('C9', decidedCase('C9', 'NQ', '2018-06-05', [5n * M]));
}
