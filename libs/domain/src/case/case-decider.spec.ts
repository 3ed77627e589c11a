import {
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseReceived,
  deciderSpec,
  eventsAfter,
  stateAfter,
} from '@thads/testing';
import type { CaseCommand } from './case-commands';
import { caseDecider } from './case-decider';
import { CASE_ERROR_CODES } from './case-errors';
import type { CaseEvent } from './case-events';

const spec = deciderSpec(caseDecider);
const { debtItemId, feeItemId, creditorId, debtAmount, feeAmount } = CASE_FIXTURE;
const security = (effectiveDate: string): CaseCommand => ({
  type: 'ApplySecurityMeasure',
  data: { measureId: 'm-1', kind: 'REGISTRATION_HOLD', description: 'Hold land transfer', effectiveDate },
});

const terminalCases: [string, () => CaseEvent[]][] = [
  [
    'rejected',
    () =>
      eventsAfter(caseReceived(), [
        { type: 'RejectEnforcementRequest', data: { ground: 'NOT_COMPETENT', effectiveDate: '2025-06-03' } },
      ]),
  ],
  [
    'terminated',
    () =>
      eventsAfter(caseInEnforcement(), [
        {
          type: 'TerminateEnforcement',
          data: { decisionNumber: 'ĐC-1', ground: 'EXEMPTION_GRANTED', effectiveDate: '2025-06-18' },
        },
      ]),
  ],
  [
    'entrusted_out',
    () =>
      eventsAfter(caseInEnforcement(), [
        {
          type: 'EntrustEnforcement',
          data: { decisionNumber: 'UT-1', targetOfficeId: 'office-hn', effectiveDate: '2025-06-18' },
        },
      ]),
  ],
  [
    'settled',
    () =>
      eventsAfter(caseDecided(), [
        {
          type: 'RecordCollection',
          data: {
            collectionId: 'c-1',
            itemId: debtItemId,
            amount: debtAmount,
            source: 'VOLUNTARY',
            effectiveDate: '2025-06-10',
          },
        },
        {
          type: 'RecordCollection',
          data: {
            collectionId: 'c-2',
            itemId: feeItemId,
            amount: feeAmount,
            source: 'VOLUNTARY',
            effectiveDate: '2025-06-10',
          },
        },
        {
          type: 'DisburseFunds',
          data: {
            disbursementId: 'd-1',
            itemId: debtItemId,
            amount: debtAmount,
            payeePartyId: creditorId,
            effectiveDate: '2025-06-11',
          },
        },
        {
          type: 'DisburseFunds',
          data: { disbursementId: 'd-2', itemId: feeItemId, amount: feeAmount, effectiveDate: '2025-06-11' },
        },
        { type: 'Settle', data: { effectiveDate: '2025-06-12' } },
      ]),
  ],
];

describe('case decider: checks every command shares', () => {
  it('answers CASE_NOT_FOUND to any command but ReceiveCase on an empty stream', () => {
    spec.given([]).when(security('2025-06-05')).thenThrows('CASE_NOT_FOUND', { command: 'ApplySecurityMeasure' });
  });

  it.each(terminalCases)(
    'does nothing more to a %s case (docs/domain.md, The case and its lifecycle)',
    (status, history) => {
      const events = history();
      expect(stateAfter(caseDecider, events).status).toBe(status);
      spec
        .given(events)
        .when(security('2026-01-05'))
        .thenThrows('CASE_CLOSED', { status, command: 'ApplySecurityMeasure' });
      spec
        .given(events)
        .when({ type: 'Settle', data: { effectiveDate: '2026-01-05' } })
        .thenThrows('CASE_CLOSED', { status, command: 'Settle' });
    },
  );

  it('refuses an act dated before the latest act of the case', () => {
    spec.given(caseInEnforcement()).when(security('2025-06-16')).thenThrows('EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT', {
      field: 'effectiveDate',
      effectiveDate: '2025-06-16',
      lastEffectiveDate: '2025-06-17',
    });
    spec
      .given(caseInEnforcement())
      .when(security('2025-06-17'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it.each(['2025-13-01', '2025-06-31', '17/06/2025', ''])('refuses the effective date %p', (effectiveDate) => {
    spec
      .given(caseInEnforcement())
      .when(security(effectiveDate))
      .thenThrows('INVALID_DATE', { field: 'effectiveDate', value: effectiveDate });
  });

  it('never changes the state it decides on or folds into', () => {
    const state = deepFreeze(stateAfter(caseDecider, caseInEnforcement()));
    const command: CaseCommand = {
      type: 'DecideCoercion',
      data: {
        decisionNumber: 'C-1',
        measure: 'SEIZE_AND_SELL',
        scheduledAt: '2025-06-20T08:00',
        effectiveDate: '2025-06-18',
      },
    };
    const [decided] = caseDecider.decide(command, state);
    const next = caseDecider.evolve(state, decided);
    expect(next).not.toBe(state);
    expect(state.status === 'enforceable' && state.facts.coercionMeasures).toEqual([]);
  });

  it('refuses to fold a corrupt stream rather than guess', () => {
    const [, decided] = caseDecided();
    expect(() => stateAfter(caseDecider, [decided])).toThrow(/Corrupt case stream/);
  });
});

describe('CASE_ERROR_CODES', () => {
  it('holds stable SCREAMING_SNAKE codes, each explained', () => {
    for (const [code, when] of Object.entries(CASE_ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(when.length).toBeGreaterThan(10);
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
