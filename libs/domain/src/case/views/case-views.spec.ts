import {
  CASE_DATES as D,
  CASE_FIXTURE as F,
  caseDecided,
  caseInEnforcement,
  caseInSeparateRegister,
  caseNotEnforceable,
  caseReceived,
  caseWithSeizedAsset,
  caseWithValuedAsset,
  eventsAfter,
} from '@thads/testing';
import { fold } from '../../shared/decider';
import type { CaseCommand } from '../case-commands';
import { caseDecider } from '../case-decider';
import type { CaseEvent } from '../case-events';
import { caseEventCodec } from '../case-event-codec';
import { foldCaseHistory } from '../case-history';
import { earliestDeadline, openDeadlinesOf, type OpenDeadline } from './case-deadlines-view';
import { caseSummaryOf } from './case-summary-view';
import { bucketOn, caseOnDate, statisticsViewOf, statusTransitionsOf } from './case-statistics-view';

const stateOf = (events: readonly CaseEvent[]) => fold(caseDecider, events);
const after = (history: readonly CaseEvent[], ...commands: CaseCommand[]) => eventsAfter(history, commands);
const collect = (id: string, itemId: string, amount: bigint, effectiveDate: string): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId: id, itemId, amount, source: 'VOLUNTARY', effectiveDate },
});
const disburse = (id: string, itemId: string, amount: bigint, effectiveDate: string): CaseCommand => ({
  type: 'DisburseFunds',
  data: { disbursementId: id, itemId, amount, effectiveDate },
});
const postpone = (ground: string, effectiveDate: string): CaseCommand =>
  ({ type: 'PostponeEnforcement', data: { decisionNumber: 'H-1', ground, effectiveDate } }) as CaseCommand;
const kinds = (events: readonly CaseEvent[]) => openDeadlinesOf(stateOf(events)).map((d) => `${d.kind} ${d.dueOn}`);

describe('open deadlines view', () => {
  it('given a received case, owes the decision; given a decided one, the verification', () => {
    expect(kinds(caseReceived())).toEqual([`DECISION ${D.decisionDue}`]);
    expect(kinds(caseDecided())).toEqual([`VERIFICATION ${D.verificationDue}`]);
    expect(kinds(caseInEnforcement())).toEqual([]);
  });

  it('a postponement pauses the verification; resuming to `decided` owes it again by the same date', () => {
    const postponed = after(caseDecided(), postpone('SERIOUS_ILLNESS', '2025-06-10'));
    expect(kinds(postponed)).toEqual([]);
    const resumed = after(postponed, {
      type: 'ResumeEnforcement',
      data: { decisionNumber: 'TT-1', effectiveDate: '2025-06-12' },
    });
    expect(kinds(resumed)).toEqual([`VERIFICATION ${D.verificationDue}`]);
  });

  it('a negative verification owes the head’s decision; the decision starts the re-verification clock', () => {
    const negative = after(caseDecided(), {
      type: 'RecordVerification',
      data: {
        result: 'NOT_ENFORCEABLE',
        ground: 'NO_INCOME_OR_ASSETS',
        findings: 'Nothing',
        effectiveDate: D.verified,
      },
    });
    expect(openDeadlinesOf(stateOf(negative)).map((d) => d.kind)).toEqual(['NOT_ENFORCEABLE_DECISION']);
    expect(openDeadlinesOf(stateOf(caseNotEnforceable())).map((d) => d.kind)).toEqual(['REVERIFICATION']);
    expect(openDeadlinesOf(stateOf(caseInSeparateRegister()))).toEqual([]);
  });

  it('an asset owes its valuer contract, then its auction contract until the auction is held', () => {
    expect(openDeadlinesOf(stateOf(caseWithSeizedAsset()))).toEqual([
      { kind: 'VALUER_CONTRACT', subject: F.assetId, dueOn: '2025-06-27' },
    ]);
    const valued = caseWithValuedAsset();
    expect(openDeadlinesOf(stateOf(valued)).map((d) => d.kind)).toEqual(['AUCTION_CONTRACT']);
    const failed = after(valued, {
      type: 'RecordAuctionResult',
      data: { assetId: F.assetId, outcome: 'FAILED', effectiveDate: '2025-07-15' },
    });
    expect(openDeadlinesOf(stateOf(failed))).toEqual([]);
  });

  it('a disbursement pays the item’s oldest collection first; unpaid money is owed even after the case closed', () => {
    const collected = after(
      caseInEnforcement(),
      collect('c-1', F.debtItemId, 100n, '2025-06-18'),
      collect('c-2', F.debtItemId, 50n, '2025-06-19'),
      disburse('d-1', F.debtItemId, 120n, '2025-06-20'),
    );
    expect(openDeadlinesOf(stateOf(collected)).map((d) => `${d.kind} ${d.subject}`)).toEqual(['DISBURSEMENT c-2']);
    const terminated = after(collected, {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-06-23' },
    });
    expect(openDeadlinesOf(stateOf(terminated)).map((d) => `${d.kind} ${d.subject}`)).toEqual(['DISBURSEMENT c-2']);
  });

  it('picks the earliest date; on the same day, the kind listed first, then the smaller subject', () => {
    expect(earliestDeadline([])).toBeNull();
    const sameDay: OpenDeadline[] = [
      { kind: 'DISBURSEMENT', subject: 'thu-2', dueOn: '2018-04-12' },
      { kind: 'DISBURSEMENT', subject: 'thu-1', dueOn: '2018-04-12' },
      { kind: 'VALUER_CONTRACT', subject: 'car', dueOn: '2018-04-12' },
    ];
    expect(earliestDeadline(sameDay)).toEqual(sameDay[2]);
    expect(earliestDeadline(sameDay.slice(0, 2))).toEqual(sameDay[1]);
    const verification: OpenDeadline = { kind: 'VERIFICATION', subject: '', dueOn: '2018-03-26' };
    expect(earliestDeadline([...sameDay, verification])).toBe(verification);
  });
});

describe('summary view', () => {
  it('is null before the case exists', () => {
    expect(caseSummaryOf(stateOf([]))).toBeNull();
  });

  it('owes the open items’ rest, counts every collection and payment, and names the next deadline', () => {
    const events = after(caseDecided(), collect('c-1', F.debtItemId, 100n, '2025-06-10'));
    expect(caseSummaryOf(stateOf(events))).toEqual({
      caseId: F.caseId,
      officeId: F.officeId,
      source: 'REQUEST',
      mode: 'ON_REQUEST',
      status: 'decided',
      officerId: 'officer-1',
      receivedOn: D.received,
      decisionOn: D.decided,
      owed: F.debtAmount + F.feeAmount - 100n,
      collected: 100n,
      disbursed: 0n,
      nextDeadline: { kind: 'DISBURSEMENT', subject: 'c-1', dueOn: expect.any(String) },
      lastEffectiveDate: '2025-06-10',
    });
  });

  it('owes nothing once the case is closed', () => {
    const terminated = after(caseInEnforcement(), {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-06-23' },
    });
    expect(caseSummaryOf(stateOf(terminated))).toMatchObject({ status: 'terminated', owed: 0n, nextDeadline: null });
  });
});

describe('statistics view', () => {
  it('lists each status with its effective date; a postponement by agreement stays in progress', () => {
    const events = after(caseInEnforcement(), postpone('PARTIES_AGREE', '2025-06-20'));
    const state = stateOf(events);
    expect(statusTransitionsOf(state)).toEqual([
      { status: 'intake', effectiveDate: D.received, byAgreement: false },
      { status: 'decided', effectiveDate: D.decided, byAgreement: false },
      { status: 'enforceable', effectiveDate: D.verified, byAgreement: false },
      { status: 'postponed', effectiveDate: '2025-06-20', byAgreement: true },
    ]);
    expect(bucketOn(state, '2025-06-01')).toBe('NOT_RECEIVED');
    expect(bucketOn(state, D.received)).toBe('AWAITING_DECISION');
    expect(bucketOn(state, '2025-06-21')).toBe('IN_PROGRESS');
    expect(bucketOn(stateOf(after(caseInEnforcement(), postpone('SERIOUS_ILLNESS', '2025-06-20'))), '2025-06-21')).toBe(
      'POSTPONED_OR_SUSPENDED',
    );
  });

  it('places collections and items leaving the books on their dates', () => {
    const events = after(caseInEnforcement(), collect('c-1', F.debtItemId, 100n, '2025-06-18'), {
      type: 'TerminateEnforcement',
      data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-07-02' },
    });
    const view = statisticsViewOf(stateOf(events));
    if (view === null) throw new Error('expected a case');
    expect(caseOnDate(view, '2025-06-30')).toEqual({
      bucket: 'IN_PROGRESS',
      items: [
        { itemId: F.debtItemId, amount: F.debtAmount, collected: 100n, status: 'open' },
        { itemId: F.feeItemId, amount: F.feeAmount, collected: 0n, status: 'open' },
      ],
    });
    expect(caseOnDate(view, '2025-07-02').bucket).toBe('TERMINATED');
    expect(caseOnDate(view, '2025-07-02').items.map((item) => item.status)).toEqual(['terminated', 'terminated']);
  });
});

describe('foldCaseHistory: the fold both sides share', () => {
  const stored = (events: readonly CaseEvent[]) =>
    events.map((event, index) => ({ id: `ev-${index}`, ...caseEventCodec.encode(event) }));

  it('equals the decider’s fold on a history without retractions', () => {
    const events = after(caseInEnforcement(), collect('c-1', F.debtItemId, 100n, '2025-06-18'));
    expect(foldCaseHistory(stored(events))).toEqual(stateOf(events));
  });

  it('drops a retracted collection and lays a corrected amount in its place', () => {
    const events = after(caseInEnforcement(), collect('c-1', F.debtItemId, 100n, '2025-06-18'));
    const history = stored(events);
    const collectedId = history[history.length - 1].id;
    const retraction = (correctedData?: Record<string, string>) => ({
      id: 'ev-r',
      type: 'FactRetracted',
      data: {
        caseId: F.caseId,
        officeId: F.officeId,
        effectiveDate: '2025-06-20',
        ruleSet: 'LAW_2008_2014',
        retractedEventId: collectedId,
        retractedType: 'FundsCollected',
        retractedEffectiveDate: '2025-06-18',
        retractedData: history[history.length - 1].data,
        ...(correctedData ? { correctedData } : {}),
      },
    });
    expect(caseSummaryOf(foldCaseHistory([...history, retraction()]))).toMatchObject({ collected: 0n });
    expect(caseSummaryOf(foldCaseHistory([...history, retraction({ amount: '90' })]))).toMatchObject({
      collected: 90n,
    });
  });
});
