import {
  caseDecider,
  caseOnDate,
  fold,
  statisticsViewOf,
  type CaseCommand,
  type CaseEvent,
  type CaseStatisticsView,
} from '@thads/domain';
import {
  CASE_FIXTURE as F,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  eventsAfter,
} from '@thads/testing';
import { classifyCase, type Tallies } from './classification';
import { EMPTY_TALLY, toEnforceOf, type StatisticsTally } from './statistics';

// The fixture case: received 2 June 2025, decided 4 June, enforceable 17 June; 900,000,000 VND debt + 45,000,000 fee.
const TOTAL = F.debtAmount + F.feeAmount;
const YEAR_2025_JULY = { openingBalanceOn: '2024-09-30', periodEndsOn: '2025-07-31' };
const YEAR_2025_SEPTEMBER = { openingBalanceOn: '2024-09-30', periodEndsOn: '2025-09-30' };
const YEAR_2026_JUNE = { openingBalanceOn: '2025-09-30', periodEndsOn: '2026-06-30' };

/** The domain's statistics view of the case the events fold into. */
function factsOf(events: readonly CaseEvent[]): CaseStatisticsView {
  const view = statisticsViewOf(fold(caseDecider, events));
  if (view === null) throw new Error('expected a case');
  return view;
}

const bucketOn = (view: CaseStatisticsView, date: string) => caseOnDate(view, date).bucket;

function after(history: readonly CaseEvent[], ...commands: CaseCommand[]): CaseStatisticsView {
  return factsOf(eventsAfter(history, commands));
}

const collect = (
  itemId: string,
  amount: bigint,
  effectiveDate: string,
  id = `c-${itemId}-${effectiveDate}`,
): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId: id, itemId, amount, source: 'VOLUNTARY', effectiveDate },
});
const disburse = (itemId: string, amount: bigint, effectiveDate: string): CaseCommand => ({
  type: 'DisburseFunds',
  data: { disbursementId: `d-${itemId}-${effectiveDate}`, itemId, amount, effectiveDate },
});
const settle = (effectiveDate: string): CaseCommand => ({ type: 'Settle', data: { effectiveDate } });
const paidInFull = (date: string): CaseCommand[] => [
  collect(F.debtItemId, F.debtAmount, date),
  collect(F.feeItemId, F.feeAmount, date),
  disburse(F.debtItemId, F.debtAmount, date),
  disburse(F.feeItemId, F.feeAmount, date),
];

function tally(fields: Partial<StatisticsTally>): StatisticsTally {
  return { ...EMPTY_TALLY, ...fields };
}

/** What is to be enforced (the formula) equals the sum of the buckets it splits into, by cases and by money. */
function expectSplitMatchesFormula({ cases, money }: Tallies): void {
  for (const measure of [cases, money]) {
    const split =
      measure.inProgress +
      measure.postponedOrSuspended +
      measure.notEnforceable +
      measure.fullyEnforced +
      measure.terminated;
    expect(split).toBe(toEnforceOf(measure));
  }
}

describe('bucket of a case at a point in time (24:00 on the date, by effective date)', () => {
  const facts = factsOf(caseInEnforcement());

  it.each([
    ['2025-06-01', 'NOT_RECEIVED'],
    ['2025-06-02', 'AWAITING_DECISION'],
    ['2025-06-04', 'IN_PROGRESS'], // decided, not yet verified: counted as enforceable [I]
    ['2025-06-17', 'IN_PROGRESS'],
  ])('on %s: %s', (date, bucket) => {
    expect(bucketOn(facts, date)).toBe(bucket);
  });

  it('is NOT_ENFORCEABLE only from the head’s decision, and SEPARATELY_TRACKED from the move', () => {
    const register = factsOf(caseInSeparateRegister());
    expect(bucketOn(register, '2025-06-18')).toBe('IN_PROGRESS'); // verified negative on 17 June, no decision yet
    expect(bucketOn(register, '2025-06-19')).toBe('NOT_ENFORCEABLE');
    expect(bucketOn(register, '2026-06-19')).toBe('SEPARATELY_TRACKED');
  });

  it.each<[string, string, CaseCommand]>([
    [
      'postponed for illness',
      'POSTPONED_OR_SUSPENDED',
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-20' },
      },
    ],
    [
      'postponed by agreement (Art. 48(1)(c))',
      'IN_PROGRESS',
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H2', ground: 'PARTIES_AGREE', effectiveDate: '2025-06-20' },
      },
    ],
    [
      'suspended',
      'POSTPONED_OR_SUSPENDED',
      {
        type: 'SuspendEnforcement',
        data: { decisionNumber: 'T1', ground: 'CASSATION_PROTEST', effectiveDate: '2025-06-20' },
      },
    ],
    [
      'terminated',
      'TERMINATED',
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'Đ1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-06-20' },
      },
    ],
    [
      'entrusted whole',
      'ENTRUSTED_OUT',
      {
        type: 'EntrustEnforcement',
        data: { decisionNumber: 'U1', targetOfficeId: F.otherOfficeId, effectiveDate: '2025-06-20' },
      },
    ],
  ])('%s: %s from the act’s date', (_what, bucket, command) => {
    const facts = after(caseInEnforcement(), command);
    expect(bucketOn(facts, '2025-06-19')).toBe('IN_PROGRESS');
    expect(bucketOn(facts, '2025-06-20')).toBe(bucket);
  });

  it('is back IN_PROGRESS after a resumption', () => {
    const facts = after(
      caseInEnforcement(),
      {
        type: 'SuspendEnforcement',
        data: { decisionNumber: 'T1', ground: 'CASSATION_PROTEST', effectiveDate: '2025-06-20' },
      },
      { type: 'ResumeEnforcement', data: { decisionNumber: 'R1', effectiveDate: '2025-07-10' } },
    );
    expect(bucketOn(facts, '2025-07-09')).toBe('POSTPONED_OR_SUSPENDED');
    expect(bucketOn(facts, '2025-07-10')).toBe('IN_PROGRESS');
  });

  it('is REJECTED after a refused request, and never counted', () => {
    const facts = after(caseReceived(), {
      type: 'RejectEnforcementRequest',
      data: { ground: 'NOT_COMPETENT', effectiveDate: '2025-06-03' },
    });
    expect(bucketOn(facts, '2025-06-03')).toBe('REJECTED');
    expect(classifyCase(facts, YEAR_2025_JULY)).toEqual({ cases: EMPTY_TALLY, money: EMPTY_TALLY });
  });
});

describe('what a case adds to a period', () => {
  it('decided in the year and still running: newly received, in progress, all its money', () => {
    const contribution = classifyCase(factsOf(caseInEnforcement()), YEAR_2025_JULY);
    expect(contribution).toEqual({
      cases: tally({ newlyReceived: 1n, inProgress: 1n }),
      money: tally({ newlyReceived: TOTAL, inProgress: TOTAL }),
    });
    expectSplitMatchesFormula(contribution);
  });

  it('counts nothing before the decision, even when received in the year', () => {
    expect(classifyCase(factsOf(caseReceived()), YEAR_2025_JULY)).toEqual({ cases: EMPTY_TALLY, money: EMPTY_TALLY });
  });

  it('settled after the period end is still in progress at the end (point in time)', () => {
    const facts = after(caseInEnforcement(), ...paidInFull('2025-08-01'), settle('2025-08-05'));
    expect(classifyCase(facts, YEAR_2025_JULY).cases).toEqual(tally({ newlyReceived: 1n, inProgress: 1n }));
    const september = classifyCase(facts, YEAR_2025_SEPTEMBER);
    expect(september).toEqual({
      cases: tally({ newlyReceived: 1n, fullyEnforced: 1n }),
      money: tally({ newlyReceived: TOTAL, fullyEnforced: TOTAL }),
    });
    expectSplitMatchesFormula(september);
  });

  it('is carried over into the next year while open, and gone from it once completed before the year', () => {
    expect(classifyCase(factsOf(caseInEnforcement()), YEAR_2026_JUNE).cases).toEqual(
      tally({ carriedOver: 1n, inProgress: 1n }),
    );
    const settled = after(caseInEnforcement(), ...paidInFull('2025-08-01'), settle('2025-08-05'));
    expect(classifyCase(settled, YEAR_2026_JUNE)).toEqual({ cases: EMPTY_TALLY, money: EMPTY_TALLY });
  });

  it('terminated after a partial collection: the collected part is fully enforced money, the rest terminated money', () => {
    const facts = after(
      caseInEnforcement(),
      collect(F.debtItemId, 300_000_000n, '2025-06-20'),
      disburse(F.debtItemId, 300_000_000n, '2025-06-25'),
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'Đ1', ground: 'DEBTOR_DIED_NO_ESTATE', effectiveDate: '2025-07-01' },
      },
    );
    const contribution = classifyCase(facts, YEAR_2025_JULY);
    expect(contribution).toEqual({
      cases: tally({ newlyReceived: 1n, terminated: 1n }),
      money: tally({ newlyReceived: TOTAL, fullyEnforced: 300_000_000n, terminated: TOTAL - 300_000_000n }),
    });
    expectSplitMatchesFormula(contribution);
  });

  it('counts a collection on a case still open as no completed money, shown apart as collected on open cases', () => {
    const facts = after(caseInEnforcement(), collect(F.debtItemId, 300_000_000n, '2025-06-20'));
    const { cases, money } = classifyCase(facts, YEAR_2025_JULY);
    expect(money).toEqual(tally({ newlyReceived: TOTAL, inProgress: TOTAL, collectedOnOpen: 300_000_000n }));
    expect(cases).toEqual(tally({ newlyReceived: 1n, inProgress: 1n, collectedOnOpen: 1n }));
  });

  it('entrusted in part: the case stays, the entrusted item’s money leaves as entrusted out', () => {
    const facts = after(caseInEnforcement(), {
      type: 'EntrustEnforcement',
      data: {
        decisionNumber: 'U1',
        targetOfficeId: F.otherOfficeId,
        itemIds: [F.debtItemId],
        effectiveDate: '2025-06-20',
      },
    });
    const contribution = classifyCase(facts, YEAR_2025_JULY);
    expect(contribution).toEqual({
      cases: tally({ newlyReceived: 1n, inProgress: 1n }),
      money: tally({ newlyReceived: TOTAL, entrustedOut: F.debtAmount, inProgress: F.feeAmount }),
    });
    expectSplitMatchesFormula(contribution);
    // Next year the entrusted item is no longer carried over.
    expect(classifyCase(facts, YEAR_2026_JUNE).money).toEqual(
      tally({ carriedOver: F.feeAmount, inProgress: F.feeAmount }),
    );
  });

  it('entrusted whole: out of phải thi hành with all its money', () => {
    const facts = after(caseInEnforcement(), {
      type: 'EntrustEnforcement',
      data: { decisionNumber: 'U1', targetOfficeId: F.otherOfficeId, effectiveDate: '2025-06-20' },
    });
    const contribution = classifyCase(facts, YEAR_2025_JULY);
    expect(contribution).toEqual({
      cases: tally({ newlyReceived: 1n, entrustedOut: 1n }),
      money: tally({ newlyReceived: TOTAL, entrustedOut: TOTAL }),
    });
    expectSplitMatchesFormula(contribution);
  });

  it('postponed or suspended is its own bucket, postponed by agreement is in progress', () => {
    const postponed = after(caseDecided(), {
      type: 'PostponeEnforcement',
      data: { decisionNumber: 'H1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-10' },
    });
    expect(classifyCase(postponed, YEAR_2025_JULY).cases).toEqual(
      tally({ newlyReceived: 1n, postponedOrSuspended: 1n, postponed: 1n }),
    );
    const suspended = after(caseDecided(), {
      type: 'SuspendEnforcement',
      data: { decisionNumber: 'TĐC1', ground: 'CASSATION_PROTEST', effectiveDate: '2025-06-10' },
    });
    expect(classifyCase(suspended, YEAR_2025_JULY).cases).toEqual(
      tally({ newlyReceived: 1n, postponedOrSuspended: 1n, suspended: 1n }),
    );
    const agreed = after(caseDecided(), {
      type: 'PostponeEnforcement',
      data: { decisionNumber: 'H2', ground: 'PARTIES_AGREE', effectiveDate: '2025-06-10' },
    });
    expect(classifyCase(agreed, YEAR_2025_JULY).cases).toEqual(
      tally({ newlyReceived: 1n, inProgress: 1n, postponedByAgreement: 1n }),
    );
  });

  it('not enforceable: counted in phải thi hành, in its own bucket', () => {
    expect(classifyCase(factsOf(caseNotEnforceable()), YEAR_2025_JULY)).toEqual({
      cases: tally({ newlyReceived: 1n, notEnforceable: 1n }),
      money: tally({ newlyReceived: TOTAL, notEnforceable: TOTAL }),
    });
  });

  it('moved to the separate register in the year: leaves phải thi hành without entering completed, then stays out', () => {
    const facts = factsOf(caseInSeparateRegister()); // not enforceable from 19 June 2025, moved on 19 June 2026
    const contribution = classifyCase(facts, YEAR_2026_JUNE);
    expect(contribution).toEqual({
      cases: tally({ carriedOver: 1n, movedToSeparateRegister: 1n }),
      money: tally({ carriedOver: TOTAL, movedToSeparateRegister: TOTAL }),
    });
    expect(toEnforceOf(contribution.cases)).toBe(0n);
    expect(classifyCase(facts, { openingBalanceOn: '2026-09-30', periodEndsOn: '2027-03-31' })).toEqual({
      cases: EMPTY_TALLY,
      money: EMPTY_TALLY,
    });
  });

  it('back from the separate register with new conditions: newly received again [I]', () => {
    const facts = after(caseInSeparateRegister(), {
      type: 'RecordPeriodicReverification',
      data: { result: 'ENFORCEABLE', findings: 'Inherited land found', effectiveDate: '2026-11-02' },
    });
    expect(classifyCase(facts, { openingBalanceOn: '2026-09-30', periodEndsOn: '2026-11-30' }).cases).toEqual(
      tally({ newlyReceived: 1n, inProgress: 1n }),
    );
  });
});
