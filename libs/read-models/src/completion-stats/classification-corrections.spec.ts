import {
  caseEventCodec,
  caseOnDate,
  foldCaseHistory,
  statisticsViewOf,
  statusTransitionsOf,
  type CaseCommand,
  type CaseEvent,
  type CaseStatisticsView,
  type JsonRecord,
} from '@thads/domain';
import { CASE_FIXTURE as F, caseInEnforcement, eventsAfter, retractionOf } from '@thads/testing';
import { decodeStatisticsView, encodeStatisticsView } from './case-view-json';
import { classifyCase } from './classification';

// The fixture case: decided 4 June 2025, enforceable 17 June; 900,000,000 VND debt + 45,000,000 fee.
const YEAR_2025_SEPTEMBER = { openingBalanceOn: '2024-09-30', periodEndsOn: '2025-09-30' };
const reason = 'Entered in error';

/**
 * A fixture history as the projection folds it: stored events, retractions applied (the domain's foldCaseHistory).
 * Pure fixtures have no event ids: event n is `ev-n`, so a retraction names its target by `ev-<index in history>`.
 */
function storedOf(events: readonly CaseEvent[]) {
  return events.map((event, index) => ({ id: `ev-${index}`, ...caseEventCodec.encode(event) }));
}
function viewOf(events: readonly CaseEvent[]): CaseStatisticsView {
  const view = statisticsViewOf(foldCaseHistory(storedOf(events)));
  if (view === null) throw new Error('expected a case');
  return view;
}
const bucketOn = (view: CaseStatisticsView, date: string) => caseOnDate(view, date).bucket;

/** A retraction of the last `type` event of `history`, named by its fixture id (see factsOf). */
function retract(
  history: readonly CaseEvent[],
  type: CaseEvent['type'],
  options: Omit<Parameters<typeof retractionOf>[2], 'eventId'>,
): CaseCommand {
  const index = history.map((event) => event.type).lastIndexOf(type);
  return retractionOf(history, type, { ...options, eventId: `ev-${index}`, reason });
}

const paidAndSettled: CaseCommand[] = [
  ...[F.debtItemId, F.feeItemId].flatMap((itemId, index): CaseCommand[] => {
    const amount = index === 0 ? F.debtAmount : F.feeAmount;
    return [
      {
        type: 'RecordCollection',
        data: { collectionId: `c-${itemId}`, itemId, amount, source: 'VOLUNTARY', effectiveDate: '2025-07-01' },
      },
      { type: 'DisburseFunds', data: { disbursementId: `d-${itemId}`, itemId, amount, effectiveDate: '2025-07-01' } },
    ];
  }),
  { type: 'Settle', data: { effectiveDate: '2025-07-02' } },
];
const settledCase = () => eventsAfter(caseInEnforcement(), paidAndSettled);

describe('statistics of a case folded with its corrections', () => {
  it('a retracted settlement no longer counts as fully enforced, from the settlement’s own date', () => {
    const history = settledCase();
    const facts = viewOf(eventsAfter(history, [retract(history, 'CaseSettled', { effectiveDate: '2025-08-01' })]));
    expect(bucketOn(facts, '2025-07-15')).toBe('IN_PROGRESS');
    expect(classifyCase(facts, YEAR_2025_SEPTEMBER).cases).toMatchObject({
      newlyReceived: 1n,
      inProgress: 1n,
      fullyEnforced: 0n,
    });
  });

  it('a retraction of an event without a figure changes nothing the statistics see', () => {
    const command = retract(caseInEnforcement(), 'EnforcementOfficerAssigned', {
      effectiveDate: '2025-06-20',
      correctedData: { officerId: 'officer-9' },
    });
    expect(viewOf(eventsAfter(caseInEnforcement(), [command]))).toEqual(viewOf(caseInEnforcement()));
  });

  it('a withdrawn decision is neither completed nor counted; reopening counts the case again', () => {
    const withdraw: CaseCommand = {
      type: 'WithdrawDecision',
      data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-07-01' },
    };
    const withdrawn = viewOf(eventsAfter(caseInEnforcement(), [withdraw]));
    expect(bucketOn(withdrawn, '2025-07-15')).toBe('WITHDRAWN');
    expect(classifyCase(withdrawn, YEAR_2025_SEPTEMBER).cases).toMatchObject({
      newlyReceived: 0n,
      fullyEnforced: 0n,
      terminated: 0n,
      inProgress: 0n,
    });
    const reopened = viewOf(
      eventsAfter(caseInEnforcement(), [
        withdraw,
        { type: 'ReopenCase', data: { reason, effectiveDate: '2025-07-02' } },
      ]),
    );
    expect(bucketOn(reopened, '2025-07-15')).toBe('IN_PROGRESS');
    expect(classifyCase(reopened, YEAR_2025_SEPTEMBER).cases).toMatchObject({ newlyReceived: 1n, inProgress: 1n });
  });

  it('matches the retracted event by id, not by type and date: of two collections the same day, only the named one goes', () => {
    const collect = (collectionId: string, amount: bigint): CaseCommand => ({
      type: 'RecordCollection',
      data: { collectionId, itemId: F.debtItemId, amount, source: 'VOLUNTARY', effectiveDate: '2025-07-01' },
    });
    const history = eventsAfter(caseInEnforcement(), [collect('c-1', 10_000_000n), collect('c-2', 20_000_000n)]);
    const firstIndex = history.findIndex((event) => event.type === 'FundsCollected');
    const retractFirst = retractionOf(history.slice(0, firstIndex + 1), 'FundsCollected', {
      eventId: `ev-${firstIndex}`,
      effectiveDate: '2025-07-05',
      reason,
    });
    const view = viewOf(eventsAfter(history, [retractFirst]));
    expect(view.collections.map((collection) => collection.amount)).toEqual([20_000_000n]);
  });

  it('counts a corrected collection in place of the original, in the original’s place in the history', () => {
    const history = eventsAfter(caseInEnforcement(), [
      {
        type: 'RecordCollection',
        data: {
          collectionId: 'c-1',
          itemId: F.debtItemId,
          amount: 50_000_000n,
          source: 'VOLUNTARY',
          effectiveDate: '2025-07-01',
        },
      },
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-07-10' },
      },
    ]);
    const before = classifyCase(viewOf(history), YEAR_2025_SEPTEMBER).money;
    expect(before).toMatchObject({ fullyEnforced: 50_000_000n, terminated: F.debtAmount + F.feeAmount - 50_000_000n });
    const corrected = eventsAfter(history, [
      retract(history, 'FundsCollected', { effectiveDate: '2025-08-01', correctedData: { amount: '5000000' } }),
    ]);
    expect(classifyCase(viewOf(corrected), YEAR_2025_SEPTEMBER).money).toMatchObject({
      fullyEnforced: 5_000_000n,
      terminated: F.debtAmount + F.feeAmount - 5_000_000n,
    });
  });

  it('a retracted verification takes its `enforceable` transition away', () => {
    const history = eventsAfter(caseInEnforcement(), []);
    const command = retract(history, 'EnforcementConditionsVerified', { effectiveDate: '2025-07-01' });
    const state = foldCaseHistory(storedOf(eventsAfter(history, [command])));
    expect(state.status).toBe('decided');
    expect(statusTransitionsOf(state).map((transition) => transition.status)).not.toContain('enforceable');
  });

  it('a correction that moves an act’s date places it on the corrected date; the view reads back as written', () => {
    const history = eventsAfter(caseInEnforcement(), [
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-07-10' },
      },
    ]);
    const view = viewOf(
      eventsAfter(history, [
        retract(history, 'EnforcementTerminated', {
          effectiveDate: '2025-08-01',
          correctedData: { effectiveDate: '2025-06-30' },
        }),
      ]),
    );
    expect(decodeStatisticsView(encodeStatisticsView(view))).toEqual(view);
    expect(bucketOn(view, '2025-06-30')).toBe('TERMINATED');
    expect(bucketOn(view, '2025-06-29')).toBe('IN_PROGRESS');
  });

  it('a retraction stored before retractions carried retractedData still drops the named event', () => {
    const history = settledCase();
    const stored = storedOf(eventsAfter(history, [retract(history, 'CaseSettled', { effectiveDate: '2025-08-01' })]));
    const retraction = stored[stored.length - 1];
    const { retractedData: _dropped, ...olderShape } = retraction.data;
    void _dropped;
    const state = foldCaseHistory([...stored.slice(0, -1), { ...retraction, data: olderShape as JsonRecord }]);
    expect(state.status).toBe('enforceable');
  });
});
