import {
  CASE_DATES,
  CASE_FIXTURE,
  caseDecided,
  caseNotEnforceable,
  caseReceived,
  deciderSpec,
  issueDecisionCommand,
  receiveCaseCommand,
} from '@thads/testing';
import type { ObligationItemInput, Party } from './case-commands';
import { caseDecider } from './case-decider';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId };

describe('case: ReceiveCase', () => {
  it('receives a request: 5 working days for the decision (Art. 36(1))', () => {
    const command = receiveCaseCommand();
    spec
      .given([])
      .when(command)
      .then([
        {
          type: 'CaseReceived',
          data: {
            ...base,
            effectiveDate: '2025-06-02',
            ruleSet: 'LAW_2008_2014',
            source: 'REQUEST',
            mode: 'ON_REQUEST',
            judgment: command.data.judgment,
            parties: command.data.parties,
            obligations: command.data.obligations,
            interimMeasure: false,
            decisionDueOn: '2025-06-09',
          },
        },
      ]);
  });

  it('counts working days across public holidays (1–2 Sep 2025)', () => {
    spec
      .given([])
      .when(receiveCaseCommand({ source: 'JUDGMENT', mode: 'EX_OFFICIO', effectiveDate: '2025-08-29' }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ decisionDueOn: '2025-09-09' }));
  });

  it('gives an interim measure no time at all: decided on the day of receipt (Art. 36(2))', () => {
    spec
      .given([])
      .when(receiveCaseCommand({ interimMeasure: true }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ interimMeasure: true, decisionDueOn: '2025-06-02' }));
  });

  it('refuses a receipt dated before the judgment took legal effect: RECEIVED_BEFORE_JUDGMENT_EFFECTIVE', () => {
    const judgment = {
      ...receiveCaseCommand().data.judgment,
      issuedOn: '2025-05-10',
      legallyEffectiveOn: '2025-06-03',
    };
    spec.given([]).when(receiveCaseCommand({ judgment })).thenThrows('RECEIVED_BEFORE_JUDGMENT_EFFECTIVE', {
      effectiveDate: '2025-06-02',
      legallyEffectiveOn: '2025-06-03',
    });
    // The day the judgment takes effect is the first day it may be received.
    spec
      .given([])
      .when(receiveCaseCommand({ judgment: { ...judgment, legallyEffectiveOn: '2025-06-02' } }))
      .thenEvents(([event]) => expect(event.type).toBe('CaseReceived'));
  });

  it('refuses a judgment that takes effect before it was issued: JUDGMENT_EFFECTIVE_BEFORE_ISSUE', () => {
    const judgment = {
      ...receiveCaseCommand().data.judgment,
      issuedOn: '2025-05-20',
      legallyEffectiveOn: '2025-05-19',
    };
    spec
      .given([])
      .when(receiveCaseCommand({ judgment }))
      .thenThrows('JUDGMENT_EFFECTIVE_BEFORE_ISSUE', { field: 'judgment.legallyEffectiveOn' });
  });

  it('records the rule set in force: Law 106/2025 from 1 July 2026', () => {
    spec
      .given([])
      .when(receiveCaseCommand({ effectiveDate: '2026-07-01' }))
      .thenEvents(([event]) => expect(event.data.ruleSet).toBe('LAW_106_2025'));
  });

  it('stores only the known fields of parties and items', () => {
    const party = { partyId: 'p-1', role: 'DEBTOR', kind: 'PERSON', name: 'A', phone: '0900' } as unknown as Party;
    const item = {
      itemId: 'fine',
      kind: 'FINE',
      description: 'Fine',
      amount: 5_000_000n,
      note: 'x',
    } as unknown as ObligationItemInput;
    spec
      .given([])
      .when(receiveCaseCommand({ source: 'JUDGMENT', mode: 'EX_OFFICIO', parties: [party], obligations: [item] }))
      .thenEvents(([event]) => {
        expect(event.data).toHaveProperty('parties', [{ partyId: 'p-1', role: 'DEBTOR', kind: 'PERSON', name: 'A' }]);
        expect(event.data).toHaveProperty('obligations', [
          { itemId: 'fine', kind: 'FINE', description: 'Fine', amount: 5_000_000n },
        ]);
      });
  });

  it('accepts a state-budget case with no private creditor', () => {
    const debtorOnly = receiveCaseCommand().data.parties.filter((party) => party.role === 'DEBTOR');
    const fine: ObligationItemInput = { itemId: 'fine', kind: 'FINE', description: 'Fine', amount: 5_000_000n };
    spec
      .given([])
      .when(receiveCaseCommand({ source: 'JUDGMENT', mode: 'EX_OFFICIO', parties: debtorOnly, obligations: [fine] }))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('refuses a second ReceiveCase on the same stream', () => {
    spec
      .given(caseReceived())
      .when(receiveCaseCommand())
      .thenThrows('CASE_ALREADY_EXISTS', { caseId: CASE_FIXTURE.caseId });
  });

  const parties = receiveCaseCommand().data.parties;
  const [debt] = receiveCaseCommand().data.obligations;
  it.each<[string, Parameters<typeof receiveCaseCommand>[0], string, Record<string, unknown>]>([
    ['an impossible date', { effectiveDate: '2025-02-30' }, 'INVALID_DATE', { field: 'effectiveDate' }],
    [
      'a malformed judgment date',
      { judgment: { ...receiveCaseCommand().data.judgment, issuedOn: '20/11/2024' } },
      'INVALID_DATE',
      { field: 'judgment.issuedOn' },
    ],
    ['a blank caseId', { caseId: ' ' }, 'MISSING_FIELD', { field: 'caseId' }],
    ['a blank officeId', { officeId: '' }, 'MISSING_FIELD', { field: 'officeId' }],
    ['no obligation', { obligations: [] }, 'MISSING_OBLIGATIONS', { field: 'obligations' }],
    ['a repeated itemId', { obligations: [debt, debt] }, 'DUPLICATE_ITEM_ID', { itemId: debt.itemId }],
    [
      'a negative amount',
      { obligations: [{ ...debt, amount: -1n }] },
      'INVALID_MONEY',
      { field: 'obligations[0].amount' },
    ],
    [
      'a fractional amount',
      { obligations: [{ ...debt, amount: '1.5' as unknown as bigint }] },
      'INVALID_MONEY',
      { field: 'obligations[0].amount' },
    ],
    [
      'a repeated partyId',
      { parties: [parties[0], parties[0], parties[1]] },
      'DUPLICATE_PARTY_ID',
      { partyId: parties[0].partyId },
    ],
    ['no debtor', { parties: [parties[0]] }, 'MISSING_PARTY_ROLE', { role: 'DEBTOR' }],
    ['no creditor for a private debt', { parties: [parties[1]] }, 'MISSING_PARTY_ROLE', { role: 'CREDITOR' }],
    [
      'ON_REQUEST mode for a judgment',
      { source: 'JUDGMENT', mode: 'ON_REQUEST' },
      'MODE_SOURCE_MISMATCH',
      { mode: 'ON_REQUEST', source: 'JUDGMENT' },
    ],
    [
      'a date past the holiday calendar',
      { effectiveDate: '2031-03-03' },
      'CALENDAR_NOT_COVERED',
      { date: '2031-03-03' },
    ],
  ])('refuses %s', (_label, overrides, code, details) => {
    spec.given([]).when(receiveCaseCommand(overrides)).thenThrows(code, details);
  });
});

describe('case: RejectEnforcementRequest', () => {
  const reject = (effectiveDate: string) =>
    ({ type: 'RejectEnforcementRequest', data: { ground: 'LIMITATION_EXPIRED', effectiveDate } }) as const;

  it('refuses a request within 5 working days (Art. 31(5))', () => {
    spec
      .given(caseReceived())
      .when(reject('2025-06-09'))
      .then([
        {
          type: 'EnforcementRequestRejected',
          data: {
            ...base,
            effectiveDate: '2025-06-09',
            ruleSet: 'LAW_2008_2014',
            ground: 'LIMITATION_EXPIRED',
            issuedLate: false,
          },
        },
      ]);
  });

  it('records a late refusal without blocking it', () => {
    spec
      .given(caseReceived())
      .when(reject('2025-06-10'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ issuedLate: true }));
  });

  it('cannot refuse a judgment received ex officio', () => {
    spec
      .given(caseReceived({ source: 'JUDGMENT', mode: 'EX_OFFICIO' }))
      .when(reject('2025-06-03'))
      .thenThrows('REQUEST_REJECTION_NOT_APPLICABLE', { source: 'JUDGMENT' });
  });

  it('cannot refuse once the decision is issued', () => {
    spec
      .given(caseDecided())
      .when(reject('2025-06-05'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'decided', command: 'RejectEnforcementRequest' });
  });
});

describe('case: IssueEnforcementDecision', () => {
  it('opens the voluntary period from service; its 10th day is a Sunday, so it ends on Monday (Art. 45(1))', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand())
      .then([
        {
          type: 'EnforcementDecisionIssued',
          data: {
            ...base,
            effectiveDate: CASE_DATES.decided,
            ruleSet: 'LAW_2008_2014',
            decisionNumber: '101/QĐ-THADS',
            servedOn: '2025-06-05',
            voluntaryPeriodEndsOn: '2025-06-16',
            verificationDueOn: '2025-06-26',
            issuedLate: false,
          },
        },
      ]);
  });

  it('counts from the decision date when no service date is given', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand({ servedOn: undefined, effectiveDate: '2025-06-03' }))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({
          servedOn: '2025-06-03',
          voluntaryPeriodEndsOn: '2025-06-13',
          verificationDueOn: '2025-06-23',
        }),
      );
  });

  it('records a late decision and still issues it (docs/domain.md, Time limits)', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand({ effectiveDate: '2025-06-10', servedOn: '2025-06-10' }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ issuedLate: true }));
  });

  it('gives interim measures no voluntary period and verifies them at once', () => {
    spec
      .given(caseReceived({ interimMeasure: true }))
      .when(issueDecisionCommand({ effectiveDate: '2025-06-02', servedOn: '2025-06-03' }))
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({
          voluntaryPeriodEndsOn: '2025-06-02',
          verificationDueOn: '2025-06-02',
          issuedLate: false,
        }),
      );
  });

  it('refuses a service date before the decision', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand({ servedOn: '2025-06-03' }))
      .thenThrows('SERVED_BEFORE_DECISION', { field: 'servedOn' });
  });

  it('refuses a malformed service date', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand({ servedOn: '2025-6-5' }))
      .thenThrows('INVALID_DATE', { field: 'servedOn' });
  });

  it('refuses a blank decision number', () => {
    spec
      .given(caseReceived())
      .when(issueDecisionCommand({ decisionNumber: '' }))
      .thenThrows('MISSING_FIELD', { field: 'decisionNumber' });
  });

  it('issues one decision per case (Art. 3(9))', () => {
    spec
      .given(caseDecided())
      .when(issueDecisionCommand())
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'decided', command: 'IssueEnforcementDecision' });
  });
});

describe('case: AssignEnforcementOfficer', () => {
  const assign = (effectiveDate: string) =>
    ({ type: 'AssignEnforcementOfficer', data: { officerId: 'officer-2', effectiveDate } }) as const;

  it('gives the officer 2 working days to open the file: Friday → Tuesday (Decree 62 Art. 8)', () => {
    spec
      .given(caseDecided())
      .when(assign('2025-06-06'))
      .then([
        {
          type: 'EnforcementOfficerAssigned',
          data: {
            ...base,
            effectiveDate: '2025-06-06',
            ruleSet: 'LAW_2008_2014',
            officerId: 'officer-2',
            caseFileDueOn: '2025-06-10',
          },
        },
      ]);
  });

  it('reassigns at any status after the decision', () => {
    spec
      .given(caseNotEnforceable())
      .when(assign('2025-07-01'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('waits for the decision', () => {
    spec
      .given(caseReceived())
      .when(assign('2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake', command: 'AssignEnforcementOfficer' });
  });

  it('refuses a blank officer id', () => {
    spec
      .given(caseDecided())
      .when({ type: 'AssignEnforcementOfficer', data: { officerId: '', effectiveDate: '2025-06-06' } })
      .thenThrows('MISSING_FIELD', { field: 'officerId' });
  });
});
