import {
  CASE_FIXTURE as F,
  caseDecided,
  caseInEnforcement,
  caseReceived,
  deciderSpec,
  eventsAfter,
  retractionOf,
  stateAfter,
} from '@thads/testing';
import type { JsonRecord } from '../shared/event-codec';
import { caseDecider } from './case-decider';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';

const spec = deciderSpec(caseDecider);
const base = { caseId: 'case-0001', officeId: 'office-hp', ruleSet: 'LAW_2008_2014' as const };
const decisionNumber = '101/QĐ-THADS';
const reason = 'Recorded on the wrong case';

const withdraw = (effectiveDate: string, overrides: Record<string, unknown> = {}): CaseCommand =>
  ({
    type: 'WithdrawDecision',
    data: { decisionNumber, ground: 'WRONG_CONTENT', reason, effectiveDate, ...overrides },
  }) as CaseCommand;
const annul = (effectiveDate: string): CaseCommand => ({
  type: 'AnnulDecision',
  data: {
    decisionNumber,
    annulledBy: 'Cục THADS Hải Phòng',
    ground: 'ISSUED_WITHOUT_COMPETENCE',
    reason,
    effectiveDate,
  },
});
const amend = (effectiveDate: string): CaseCommand => ({
  type: 'AmendDecision',
  data: { decisionNumber, amendment: 'Debtor address', reason, effectiveDate },
});
/** A retraction whose target stands in for an event of `type` dated 1 July (only its type and date matter here). */
const retract = (effectiveDate: string, type = 'CaseSettled', extra: Record<string, unknown> = {}): CaseCommand =>
  ({
    type: 'CorrectRecordedFact',
    data: {
      eventId: 'ev-9',
      target: { type, data: { ...base, effectiveDate: '2025-07-01' } },
      reason,
      effectiveDate,
      ...extra,
    },
  }) as CaseCommand;
const reopen = (effectiveDate: string): CaseCommand => ({ type: 'ReopenCase', data: { reason, effectiveDate } });
const reassign = (officerId: string, effectiveDate: string): CaseCommand => ({
  type: 'ReassignOfficer',
  data: { officerId, reason, effectiveDate },
});
const settle = (effectiveDate: string): CaseCommand => ({ type: 'Settle', data: { effectiveDate } });
const terminate = (effectiveDate: string): CaseCommand => ({
  type: 'TerminateEnforcement',
  data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate },
});
const statusAfter = (events: CaseEvent[]) => stateAfter(caseDecider, events).status;

describe('case: corrective commands need a reason (REASON_REQUIRED)', () => {
  it.each([withdraw, annul, amend, retract, reopen])('refuses a blank reason', (make) => {
    const command = make('2025-06-20');
    spec
      .given(caseInEnforcement())
      .when({ ...command, data: { ...command.data, reason: '  ' } } as CaseCommand)
      .thenThrows('REASON_REQUIRED', { field: 'reason' });
  });
});

describe('case: WithdrawDecision and AnnulDecision (Art. 37(1), (3))', () => {
  it('withdrawing the enforcement decision ends the case as withdrawn; the decision stays on record', () => {
    spec
      .given(caseInEnforcement())
      .when(withdraw('2025-06-20'))
      .then([
        {
          type: 'DecisionWithdrawn',
          data: { ...base, effectiveDate: '2025-06-20', decisionNumber, ground: 'WRONG_CONTENT' },
        },
      ]);
    const state = stateAfter(caseDecider, eventsAfter(caseInEnforcement(), [withdraw('2025-06-20')]));
    expect(state).toMatchObject({ status: 'withdrawn', decision: { decisionNumber }, reopenTo: 'enforceable' });
  });

  it('annulment by a superior authority ends it the same way', () => {
    spec
      .given(caseDecided())
      .when(annul('2025-06-20'))
      .then([
        {
          type: 'DecisionAnnulled',
          data: {
            ...base,
            effectiveDate: '2025-06-20',
            decisionNumber,
            annulledBy: 'Cục THADS Hải Phòng',
            ground: 'ISSUED_WITHOUT_COMPETENCE',
          },
        },
      ]);
    expect(statusAfter(eventsAfter(caseDecided(), [annul('2025-06-20')]))).toBe('withdrawn');
  });

  it("names the case's own enforcement decision (DECISION_NOT_FOUND), after the decision only", () => {
    spec
      .given(caseInEnforcement())
      .when(withdraw('2025-06-20', { decisionNumber: '1/QĐ-X' }))
      .thenThrows('DECISION_NOT_FOUND', { decisionNumber: '1/QĐ-X', enforcementDecision: decisionNumber });
    spec
      .given(caseReceived())
      .when(withdraw('2025-06-20'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
  });

  it('a withdrawn case takes no ordinary command', () => {
    spec
      .given(eventsAfter(caseInEnforcement(), [withdraw('2025-06-20')]))
      .when(settle('2025-06-21'))
      .thenThrows('CASE_CLOSED', { status: 'withdrawn' });
  });
});

describe('case: AmendDecision (Art. 37(2))', () => {
  it('records the amendment and changes no status, even on a closed case', () => {
    const terminated = eventsAfter(caseInEnforcement(), [terminate('2025-06-20')]);
    spec
      .given(terminated)
      .when(amend('2025-06-21'))
      .then([
        {
          type: 'DecisionAmended',
          data: { ...base, effectiveDate: '2025-06-21', decisionNumber, amendment: 'Debtor address' },
        },
      ]);
    expect(statusAfter(eventsAfter(terminated, [amend('2025-06-21')]))).toBe('terminated');
  });
});

describe('case: CorrectRecordedFact (TT 04/2023 Art. 36)', () => {
  const collect = (amount: bigint, effectiveDate = '2025-07-02'): CaseCommand => ({
    type: 'RecordCollection',
    data: { collectionId: 'col-1', itemId: F.debtItemId, amount, source: 'VOLUNTARY', effectiveDate },
  });
  const collected = () => eventsAfter(caseInEnforcement(), [collect(50_000_000n)]);

  it('retracts an event by id, with optional corrected data, carrying the retracted data along; allowed on a closed case', () => {
    const terminated = eventsAfter(caseInEnforcement(), [terminate('2025-06-20')]);
    const command = retractionOf(terminated, 'EnforcementTerminated', {
      effectiveDate: '2025-06-21',
      reason,
      correctedData: { ground: 'DEBTOR_DIED_NO_ESTATE' },
    });
    const retractedData = (command.data.target as { data: JsonRecord }).data;
    spec
      .given(terminated)
      .when(command)
      .then([
        {
          type: 'FactRetracted',
          data: {
            ...base,
            effectiveDate: '2025-06-21',
            retractedEventId: 'ev-9',
            retractedType: 'EnforcementTerminated',
            retractedEffectiveDate: '2025-06-20',
            retractedData,
            correctedData: { ground: 'DEBTOR_DIED_NO_ESTATE' },
          },
        },
      ]);
    expect(retractedData).toMatchObject({ ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-06-20' });
  });

  it('remembers the retraction, and refuses a second outright one (EVENT_ALREADY_RETRACTED)', () => {
    const retracted = eventsAfter(caseInEnforcement(), [retract('2025-07-02', 'SecurityMeasureApplied')]);
    expect(stateAfter(caseDecider, retracted)).toMatchObject({
      status: 'enforceable',
      facts: { retractedEventIds: ['ev-9'] },
    });
    spec
      .given(retracted)
      .when(retract('2025-07-03', 'SecurityMeasureApplied'))
      .thenThrows('EVENT_ALREADY_RETRACTED', { eventId: 'ev-9' });
  });

  it('refuses an id the stream does not hold (EVENT_NOT_FOUND), and events that cannot be retracted', () => {
    const command = retract('2025-06-20');
    spec
      .given(caseInEnforcement())
      .when({ ...command, data: { ...command.data, target: undefined } } as CaseCommand)
      .thenThrows('EVENT_NOT_FOUND', { eventId: 'ev-9' });
    for (const type of ['CaseReceived', 'EnforcementDecisionIssued']) {
      spec
        .given(caseInEnforcement())
        .when(retract('2025-06-20', type))
        .thenThrows('EVENT_NOT_RETRACTABLE', { retractedType: type });
    }
  });

  it('takes a corrected amount, ground or item as a decider would have written it', () => {
    spec
      .given(collected())
      .when(
        retractionOf(collected(), 'FundsCollected', {
          effectiveDate: '2025-07-03',
          correctedData: { amount: '5000000', source: 'COERCION' },
        }),
      )
      .then([
        expect.objectContaining({
          type: 'FactRetracted',
          data: expect.objectContaining({ correctedData: { amount: '5000000', source: 'COERCION' } }),
        }) as unknown as CaseEvent,
      ]);
    spec
      .given(collected())
      .when(
        retractionOf(collected(), 'FundsCollected', {
          effectiveDate: '2025-07-03',
          correctedData: { itemId: F.feeItemId, amount: '1000000' },
        }),
      )
      .then([expect.objectContaining({ type: 'FactRetracted' }) as unknown as CaseEvent]);
  });

  it.each([
    ['not an object', ['x'], 'correctedData'],
    ['empty', {}, 'correctedData'],
    ['another office', { officeId: 'office-hn' }, 'correctedData.officeId'],
    ['an identity other events refer to', { collectionId: 'col-2' }, 'correctedData.collectionId'],
    ['a derived due date', { disbursementDueOn: '2025-08-01' }, 'correctedData.disbursementDueOn'],
    ['the date its due date was computed from', { effectiveDate: '2025-07-01' }, 'correctedData.effectiveDate'],
    ['a field the event lacks', { colour: 'red' }, 'correctedData.colour'],
    ['a value of another kind', { amount: 5_000_000 }, 'correctedData.amount'],
    ['a zero amount', { amount: '0' }, 'correctedData.amount'],
    ['a malformed amount', { amount: '5e6' }, 'correctedData.amount'],
    ['an unknown source', { source: 'GIFT' }, 'correctedData.source'],
    ['an item the case lacks', { itemId: 'item-x' }, 'correctedData.itemId'],
    ['no change at all', { amount: '50000000' }, 'correctedData'],
  ])('refuses corrected data that is %s (INVALID_CORRECTED_DATA)', (_what, correctedData, field) => {
    const command = retractionOf(collected(), 'FundsCollected', { effectiveDate: '2025-07-03' });
    spec
      .given(collected())
      .when({ ...command, data: { ...command.data, correctedData } } as CaseCommand)
      .thenThrows('INVALID_CORRECTED_DATA', { field });
  });

  it('refuses a corrected date that is not a real date on an event without due dates', () => {
    const history = eventsAfter(caseInEnforcement(), [terminate('2025-06-20')]);
    spec
      .given(history)
      .when(
        retractionOf(history, 'EnforcementTerminated', {
          effectiveDate: '2025-06-21',
          correctedData: { effectiveDate: '2025-02-30' },
        }),
      )
      .thenThrows('INVALID_CORRECTED_DATA', {
        field: 'correctedData.effectiveDate',
      });
  });
});

describe('case: ReassignOfficer', () => {
  it('hands the case to another officer, naming the previous one', () => {
    spec
      .given(caseInEnforcement())
      .when(reassign('officer-2', '2025-06-20'))
      .then([
        {
          type: 'OfficerReassigned',
          data: { ...base, effectiveDate: '2025-06-20', officerId: 'officer-2', previousOfficerId: 'officer-1' },
        },
      ]);
    expect(
      stateAfter(caseDecider, eventsAfter(caseInEnforcement(), [reassign('officer-2', '2025-06-20')])),
    ).toMatchObject({ facts: { officerId: 'officer-2' } });
  });

  it('refuses the officer already assigned (OFFICER_UNCHANGED) and a closed case', () => {
    spec.given(caseInEnforcement()).when(reassign('officer-1', '2025-06-20')).thenThrows('OFFICER_UNCHANGED');
    spec
      .given(eventsAfter(caseInEnforcement(), [terminate('2025-06-20')]))
      .when(reassign('officer-2', '2025-06-21'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'terminated' });
  });
});

describe('case: ReopenCase', () => {
  it('brings a terminated case back to the status it closed from', () => {
    const terminated = eventsAfter(caseInEnforcement(), [terminate('2025-06-20')]);
    spec
      .given(terminated)
      .when(reopen('2025-06-21'))
      .then([
        {
          type: 'CaseReopened',
          data: { ...base, effectiveDate: '2025-06-21', reopenedStatus: 'enforceable', reopenedFrom: 'terminated' },
        },
      ]);
    expect(statusAfter(eventsAfter(terminated, [reopen('2025-06-21')]))).toBe('enforceable');
  });

  it('a withdrawn case reopens; a paused case reopens where it would have resumed', () => {
    expect(statusAfter(eventsAfter(caseDecided(), [withdraw('2025-06-05'), reopen('2025-06-06')]))).toBe('decided');
    const postponed = eventsAfter(caseInEnforcement(), [
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H-1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-18' },
      },
      terminate('2025-06-20'),
      reopen('2025-06-21'),
    ]);
    expect(statusAfter(postponed)).toBe('enforceable');
  });

  it('refuses a case that is not closed (CASE_NOT_CLOSED)', () => {
    spec.given(caseInEnforcement()).when(reopen('2025-06-20')).thenThrows('CASE_NOT_CLOSED', { status: 'enforceable' });
  });
});
