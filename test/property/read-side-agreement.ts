/**
 * The property the read side rests on: for random decider-driven case histories, every read-model row equals the
 * domain's view of the case as the command side folds it, and the completion report equals a report computed
 * straight from the folded states. Histories are written in chunks (a fresh store and read-model database each), so
 * any number of them runs in bounded memory.
 */
import {
  caseSummaryOf,
  foldCaseHistory,
  openDeadlinesOf,
  CASE_DEADLINES,
  statisticsViewOf,
  type CaseState,
  type LocalDate,
  type ReportingPeriod,
} from '@thads/domain';
import { createInMemoryEventStore } from '@thads/event-store';
import {
  addAllTallies,
  caseSummaryProjection,
  classifyCase,
  completionFigures,
  completionReport,
  completionStatsProjection,
  createProjector,
  deadlinesProjection,
  migrateReadModels,
  openSqliteReadModelFile,
  readModelKysely,
  statisticsRegimeFor,
  VND_TEXT_WIDTH,
} from '@thads/read-models';
import { seededRandom, writeRandomCase } from './case-histories';
import { compareCounters } from './counters-agreement';

/** Cases per chunk: one store, one projector run. */
const CHUNK = 250;
/** Periods the report is compared on: both statistics regimes (TT 08/2015 to 2019, TT 06/2019 from 2020). */
const PERIODS: readonly ReportingPeriod[] = ['2018-03', '2018-09', '2019-06', '2020-03', '2020-09', '2021-06'];
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface AgreementRun {
  readonly seed: number;
  readonly histories: number;
}

/** Throws an Error naming the seed, the chunk and the case at the first disagreement. */
export async function checkReadSideAgreement({ seed, histories }: AgreementRun): Promise<AgreementCounts> {
  let events = 0;
  let correctionsOfCorrections = 0;
  let takenUp = 0;
  for (let chunk = 0; chunk * CHUNK < histories; chunk += 1) {
    const cases = Math.min(CHUNK, histories - chunk * CHUNK);
    try {
      const checked = await checkChunk(seed + chunk, cases);
      events += checked.events;
      correctionsOfCorrections += checked.correctionsOfCorrections;
      takenUp += checked.takenUp;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Read side disagrees with the domain (replay: PROPERTY_SEED=${seed} PROPERTY_HISTORIES=${histories}; chunk ${chunk}, seed ${seed + chunk}): ${message}`,
        { cause: error },
      );
    }
  }
  return { events, correctionsOfCorrections, takenUp };
}

/** What a run covered: events written, corrections of corrections, and cases taken up by the province. */
interface AgreementCounts {
  readonly events: number;
  readonly correctionsOfCorrections: number;
  readonly takenUp: number;
}

async function checkChunk(seed: number, cases: number): Promise<AgreementCounts> {
  let clock = new Date('2017-01-01T03:00:00.000Z');
  const store = createInMemoryEventStore({ now: () => clock });
  const db = readModelKysely(openSqliteReadModelFile(':memory:'));
  try {
    await migrateReadModels(db);
    const random = seededRandom(seed);
    const caseIds = Array.from({ length: cases }, (_, index) => `P${seed}-${index}`);
    for (const caseId of caseIds)
      await writeRandomCase(store, caseId, random, (date) => (clock = new Date(`${date}T03:00:00.000Z`)));
    const head = await store.headPosition();
    const projector = createProjector({
      eventStore: store,
      db,
      projections: [caseSummaryProjection, deadlinesProjection, completionStatsProjection],
      batchSize: 1 + Math.floor(random() * 200),
      logger: silent,
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();

    const states = new Map<string, CaseState>();
    let correctionsOfCorrections = 0;
    let takenUp = 0;
    for (const caseId of caseIds) {
      const stream = await store.readStream(`case-${caseId}`);
      states.set(caseId, foldCaseHistory(stream));
      correctionsOfCorrections += stream.filter((event) => event.data.retractedType === 'FactRetracted').length;
      takenUp += stream.filter((event) => event.type === 'CaseTakenUp').length;
    }
    await compareSummaries(db, states);
    await compareDeadlines(db, states);
    await compareReports(db, states);
    return { events: Number(head) + 1, correctionsOfCorrections, takenUp };
  } finally {
    await db.destroy();
    await store.close();
  }
}

type Db = ReturnType<typeof readModelKysely>;

async function compareSummaries(db: Db, states: ReadonlyMap<string, CaseState>): Promise<void> {
  const rows = new Map((await db.selectFrom('case_summary').selectAll().execute()).map((row) => [row.case_id, row]));
  for (const [caseId, state] of states) {
    const view = caseSummaryOf(state);
    const row = rows.get(caseId);
    const expected =
      view === null
        ? undefined
        : {
            status: view.status,
            office: view.officeId,
            officer: view.officerId,
            owed: view.owed.toString().padStart(VND_TEXT_WIDTH, '0'),
            collected: view.collected.toString().padStart(VND_TEXT_WIDTH, '0'),
            disbursed: view.disbursed.toString().padStart(VND_TEXT_WIDTH, '0'),
            decisionOn: view.decisionOn,
            nextDueOn: view.nextDeadline?.dueOn ?? null,
            nextDueKind: view.nextDeadline?.kind ?? null,
            lastEffectiveDate: view.lastEffectiveDate,
          };
    const actual =
      row === undefined
        ? undefined
        : {
            status: row.status,
            office: row.office_id,
            officer: row.officer_id,
            owed: row.owed_vnd,
            collected: row.collected_vnd,
            disbursed: row.disbursed_vnd,
            decisionOn: row.decision_on,
            nextDueOn: row.next_due_on,
            nextDueKind: row.next_due_kind,
            lastEffectiveDate: row.last_effective_date,
          };
    assertEqual(`case_summary of ${caseId}`, actual, expected);
  }
}

async function compareDeadlines(db: Db, states: ReadonlyMap<string, CaseState>): Promise<void> {
  const open = await db.selectFrom('deadlines').selectAll().where('status', '=', 'open').execute();
  for (const [caseId, state] of states) {
    const missed = state.status === 'none' ? [] : state.facts.missedDeadlines;
    const expected = openDeadlinesOf(state)
      .filter((deadline) => (CASE_DEADLINES as readonly string[]).includes(deadline.kind))
      .map((deadline) => {
        const missedKey = `${deadline.kind}:${deadline.dueOn}`;
        return `${deadline.kind} ${deadline.dueOn} ${missed.includes(missedKey) ? 'missed' : ''}`;
      })
      .sort();
    const actual = open
      .filter((row) => row.case_id === caseId)
      .map((row) => `${row.kind} ${row.due_on} ${row.missed_on === null ? '' : 'missed'}`)
      .sort();
    assertEqual(`open deadlines of ${caseId}`, actual, expected);
  }
}

async function compareReports(db: Db, states: ReadonlyMap<string, CaseState>): Promise<void> {
  const views = [...states.values()].flatMap((state) => {
    const view = statisticsViewOf(state);
    return view === null ? [] : [view];
  });
  for (const period of PERIODS) {
    const report = await completionReport(db, { period });
    const year = report.reportingYear;
    const window = { openingBalanceOn: report.yearStartsOn, periodEndsOn: report.periodEndsOn as LocalDate };
    const tallies = addAllTallies(
      views.map((view) => classifyCase(view, { ...window, openingBalanceOn: openingBalanceOf(year) })),
    );
    const regime = statisticsRegimeFor(year);
    assertEqual(`completion report ${period} by cases`, report.rollUp.cases, completionFigures(tallies.cases, regime));
    assertEqual(`completion report ${period} by money`, report.rollUp.money, completionFigures(tallies.money, regime));
  }
  await compareCounters(db, views);
}

/** 30 September before the reporting year: the balance carried over. */
function openingBalanceOf(reportingYear: number): LocalDate {
  return `${reportingYear - 1}-09-30`;
}

function assertEqual(what: string, actual: unknown, expected: unknown): void {
  const text = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  if (text(actual) !== text(expected)) throw new Error(`${what}: read model ${text(actual)}, domain ${text(expected)}`);
}
