import type { CaseCommand, CaseEvent } from '@thads/domain';
import { CASE_FIXTURE as F, caseInEnforcement, eventsAfter, retractionOf } from '@thads/testing';
import {
  decodeFact,
  encodeFact,
  statisticsFactOf,
  storedDateOf,
  withoutRetractedFacts,
  type DatedFact,
} from './case-statistics-facts';
import { bucketOn, classifyCase } from './classification';

// The fixture case: decided 4 June 2025, enforceable 17 June; 900,000,000 VND debt + 45,000,000 fee.
const YEAR_2025_SEPTEMBER = { openingBalanceOn: '2024-09-30', periodEndsOn: '2025-09-30' };
const reason = 'Entered in error';

/**
 * The facts of a fixture history as the projection stores them. Pure fixtures have no event ids: event n is `ev-n`,
 * so a retraction names its target by `ev-<index in history>`.
 */
function factsOf(events: readonly CaseEvent[]): DatedFact[] {
  return events.flatMap((event, index) => {
    const fact = statisticsFactOf(event);
    return fact
      ? [
          {
            effectiveDate: storedDateOf(fact, event.data.effectiveDate),
            fact,
            eventType: event.type,
            eventId: `ev-${index}`,
          },
        ]
      : [];
  });
}

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

describe('statistics: corrections', () => {
  it('a retracted settlement no longer counts as fully enforced, from the settlement’s own date', () => {
    const history = settledCase();
    const facts = withoutRetractedFacts(
      factsOf(eventsAfter(history, [retract(history, 'CaseSettled', { effectiveDate: '2025-08-01' })])),
    );
    expect(facts.map(({ fact }) => fact.kind)).not.toContain('SETTLED');
    expect(facts.map(({ fact }) => fact.kind)).not.toContain('RETRACTED');
    expect(bucketOn(facts, '2025-07-15')).toBe('IN_PROGRESS');
    expect(classifyCase(facts, YEAR_2025_SEPTEMBER).cases).toMatchObject({
      newlyReceived: 1n,
      inProgress: 1n,
      fullyEnforced: 0n,
    });
  });

  it('a retraction of an event without a figure adds no fact', () => {
    const command = retract(caseInEnforcement(), 'EnforcementOfficerAssigned', {
      effectiveDate: '2025-06-20',
      correctedData: { officerId: 'officer-9' },
    });
    const [event] = eventsAfter(caseInEnforcement(), [command]).slice(-1);
    expect(statisticsFactOf(event)).toBeNull();
  });

  it('leaves facts without retractions untouched', () => {
    const facts = factsOf(eventsAfter(caseInEnforcement(), paidAndSettled));
    expect(withoutRetractedFacts(facts)).toBe(facts);
  });

  it('a withdrawn decision is neither completed nor counted; reopening counts the case again', () => {
    const withdraw: CaseCommand = {
      type: 'WithdrawDecision',
      data: { decisionNumber: '101/QĐ-THADS', ground: 'WRONG_CONTENT', reason, effectiveDate: '2025-07-01' },
    };
    const withdrawn = factsOf(eventsAfter(caseInEnforcement(), [withdraw]));
    expect(bucketOn(withdrawn, '2025-07-15')).toBe('WITHDRAWN');
    expect(classifyCase(withdrawn, YEAR_2025_SEPTEMBER).cases).toMatchObject({
      newlyReceived: 0n,
      fullyEnforced: 0n,
      terminated: 0n,
      inProgress: 0n,
    });
    const reopened = factsOf(
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
    const facts = withoutRetractedFacts(factsOf(eventsAfter(history, [retractFirst])));
    expect(
      facts.filter(({ fact }) => fact.kind === 'COLLECTED').map(({ fact }) => (fact as { amount: bigint }).amount),
    ).toEqual([20_000_000n]);
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
    const before = classifyCase(withoutRetractedFacts(factsOf(history)), YEAR_2025_SEPTEMBER).money;
    expect(before).toMatchObject({ fullyEnforced: 50_000_000n, terminated: F.debtAmount + F.feeAmount - 50_000_000n });
    const corrected = eventsAfter(history, [
      retract(history, 'FundsCollected', { effectiveDate: '2025-08-01', correctedData: { amount: '5000000' } }),
    ]);
    const facts = withoutRetractedFacts(factsOf(corrected));
    expect(facts.map(({ fact }) => fact.kind)).not.toContain('RETRACTED');
    expect(classifyCase(facts, YEAR_2025_SEPTEMBER).money).toMatchObject({
      fullyEnforced: 5_000_000n,
      terminated: F.debtAmount + F.feeAmount - 5_000_000n,
    });
  });

  it('a retracted verification takes its ENFORCEABLE fact away', () => {
    const history = eventsAfter(caseInEnforcement(), []);
    const verification = history.find((event) => event.type === 'EnforcementConditionsVerified');
    expect(verification?.data).toMatchObject({ result: 'ENFORCEABLE' });
    const retracted = factsOf(
      eventsAfter(history, [retract(history, 'EnforcementConditionsVerified', { effectiveDate: '2025-07-01' })]),
    );
    expect(retracted.at(-1)?.fact).toEqual({
      kind: 'RETRACTED',
      retractedEventId: expect.stringMatching(/^ev-/),
      retractedEffectiveDate: verification?.data.effectiveDate,
      replacement: null,
    });
    expect(withoutRetractedFacts(retracted).map(({ fact }) => fact.kind)).not.toContain('ENFORCEABLE');
  });

  it('stores a retraction under the earlier of the retracted and the corrected date, and reads it back as written', () => {
    const history = eventsAfter(caseInEnforcement(), [
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-07-10' },
      },
    ]);
    const [retraction] = eventsAfter(history, [
      retract(history, 'EnforcementTerminated', {
        effectiveDate: '2025-08-01',
        correctedData: { effectiveDate: '2025-06-30' },
      }),
    ]).slice(-1);
    const fact = statisticsFactOf(retraction)!;
    expect(storedDateOf(fact, retraction.data.effectiveDate)).toBe('2025-06-30');
    expect(decodeFact(encodeFact(fact))).toEqual(fact);
    const facts = withoutRetractedFacts(
      factsOf(
        eventsAfter(history, [
          retract(history, 'EnforcementTerminated', {
            effectiveDate: '2025-08-01',
            correctedData: { effectiveDate: '2025-06-30' },
          }),
        ]),
      ),
    );
    expect(bucketOn(facts, '2025-06-30')).toBe('TERMINATED');
    expect(bucketOn(facts, '2025-06-29')).toBe('IN_PROGRESS');
  });

  it('a retraction stored before retractions carried retractedData still drops the named fact', () => {
    const history = settledCase();
    const [retraction] = eventsAfter(history, [retract(history, 'CaseSettled', { effectiveDate: '2025-08-01' })]).slice(
      -1,
    ) as [CaseEvent & { data: Record<string, unknown> }];
    const { retractedData: _dropped, ...olderShape } = retraction.data;
    void _dropped;
    const fact = statisticsFactOf({ ...retraction, data: olderShape } as CaseEvent);
    expect(fact).toEqual({
      kind: 'RETRACTED',
      retractedEventId: expect.stringMatching(/^ev-/),
      retractedEffectiveDate: '2025-07-02',
      replacement: null,
    });
  });
});
