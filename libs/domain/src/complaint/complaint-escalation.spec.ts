// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import { complaintDecider } from './complaint-decider';
import type { ComplaintEvent } from './complaint-events';
import {
  FULL_PATH,
  accept,
  acceptedAtLevel1,
  acceptedAtLevel2,
  decideCommand,
  decidedAtLevel1,
  decidedAtLevel2,
  decline,
  escalate,
  escalated,
  fileCommand,
  filed,
  withdraw,
  COMPETENT,
} from './complaint-test-fixtures';

const spec = deciderSpec(complaintDecider);
const decidedL1 = [filed, acceptedAtLevel1, decidedAtLevel1];

describe('complaint: escalation from a level-1 decision', () => {
  it('escalates to the second-level authority within 15 days of receipt of the decision (Art. 140(2), 142)', () => {
    spec.given(decidedL1).when(escalate('2024-03-28', '2024-03-22')).then([escalated]);
  });

  it('counts from the decision date when no receipt date is given: last day 4 Apr, not 5 Apr', () => {
    spec
      .given(decidedL1)
      .when(escalate('2024-04-04'))
      .thenEvents(([event]) => {
        expect(event.data).toMatchObject({ decisionReceivedOn: '2024-03-20', acceptanceDueOn: '2024-04-15' }); // 14 Apr is a Sunday
      });
    spec.given(decidedL1).when(escalate('2024-04-05')).thenThrows('ESCALATION_LIMIT_EXPIRED', {
      decisionReceivedOn: '2024-03-20',
      escalationDeadline: '2024-04-04',
    });
  });

  it('counts from the receipt date: received 22 Mar, the limit ends Sat 6 Apr → Mon 8 Apr', () => {
    spec
      .given(decidedL1)
      .when(escalate('2024-04-08', '2024-03-22'))
      .thenEvents(([event]) => expect(event.type).toBe('ComplaintEscalated'));
    spec
      .given(decidedL1)
      .when(escalate('2024-04-09', '2024-03-22'))
      .thenThrows('ESCALATION_LIMIT_EXPIRED', { escalationDeadline: '2024-04-08' });
  });

  it('refuses a receipt before the decision: DECISION_RECEIVED_BEFORE_DECISION', () => {
    spec
      .given(decidedL1)
      .when(escalate('2024-03-28', '2024-03-19'))
      .thenThrows('DECISION_RECEIVED_BEFORE_DECISION', { decidedOn: '2024-03-20' });
  });

  it('refuses a receipt after the escalation: RECEIVED_AFTER_ESCALATION', () => {
    spec.given(decidedL1).when(escalate('2024-03-28', '2024-03-29')).thenThrows('RECEIVED_AFTER_ESCALATION');
  });

  it('refuses a malformed receipt date: INVALID_DATE', () => {
    spec
      .given(decidedL1)
      .when(escalate('2024-03-28', '22/03/2024'))
      .thenThrows('INVALID_DATE', { field: 'decisionReceivedOn' });
  });

  it.each([
    ['filed', [filed]],
    ['accepted', [filed, acceptedAtLevel1]],
  ])('is refused while %s at level 1: ESCALATION_REQUIRES_FIRST_LEVEL_DECISION', (status, given) => {
    spec.given(given).when(escalate('2024-03-28')).thenThrows('ESCALATION_REQUIRES_FIRST_LEVEL_DECISION', { status });
  });

  it('goes to the successor of an abolished post: filed under the three-tier model, escalated after 30/06/2025', () => {
    const respondent = { role: 'OFFICE_HEAD' as const, officeId: 'cc-hp', officeTier: 'DISTRICT' as const };
    const events: ComplaintEvent[] = [];
    const run = (command: Parameters<typeof complaintDecider.decide>[0]) => {
      events.push(...complaintDecider.decide(command, stateAfter(complaintDecider, events)));
    };
    run(fileCommand({ respondent, knownOn: '2025-06-13', effectiveDate: '2025-06-16' }));
    run(accept('2025-06-18'));
    run(decideCommand('2025-06-30'));
    expect(events[0].data).toMatchObject({
      decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
      secondLevelAuthority: 'HEAD_OF_GENERAL_DEPARTMENT',
    });
    spec
      .given(events)
      .when(escalate('2025-07-10'))
      .thenEvents(([event]) => {
        expect(event.data).toMatchObject({
          fromAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
          toAuthority: 'HEAD_OF_ENFORCEMENT_MANAGEMENT_DEPARTMENT',
          acceptanceDueOn: '2025-07-21', // 10 Jul + 10 days = Sun 20 Jul → Mon 21 Jul
        });
      });
  });
});

describe('complaint: escalated (waiting for acceptance at level 2)', () => {
  const given = [...decidedL1, escalated];

  it('keeps the first-level decision and moves to the second-level authority', () => {
    expect(stateAfter(complaintDecider, given)).toMatchObject({
      status: 'escalated',
      level: 2,
      authority: 'HEAD_OF_PROVINCIAL_OFFICE',
      acceptanceDueOn: '2024-04-08',
      firstLevelDecision: { decisionNumber: '45/QĐ-GQKN', decidedOn: '2024-03-20' },
    });
  });

  it('accepts a second complaint and starts the 30-day level-2 clock of group A', () => {
    spec.given(given).when(accept('2024-04-02')).then([acceptedAtLevel2]);
  });

  it('may decline or withdraw at level 2', () => {
    spec
      .given(given)
      .when(decline('2024-04-02'))
      .thenEvents(([event]) => expect(event).toMatchObject({ type: 'ComplaintNotAccepted', data: { level: 2 } }));
    spec
      .given(given)
      .when(withdraw('2024-04-02'))
      .thenEvents(([event]) => expect(event).toMatchObject({ type: 'ComplaintWithdrawn', data: { level: 2 } }));
  });

  it.each([
    ['EscalateComplaint', escalate('2024-04-02')],
    ['DecideComplaint', decideCommand('2024-04-02')],
  ])('refuses %s: INVALID_STATE_TRANSITION', (command, when) => {
    spec.given(given).when(when).thenThrows('INVALID_STATE_TRANSITION', { status: 'escalated', level: 2, command });
  });
});

describe('complaint: accepted at level 2', () => {
  const given = [...decidedL1, escalated, acceptedAtLevel2];

  it('is decided finally (Art. 142)', () => {
    spec
      .given(given)
      .when({
        type: 'DecideComplaint',
        data: { ...COMPETENT, decisionNumber: '12/QĐ-CTHADS', finding: 'UNFOUNDED', effectiveDate: '2024-04-25' },
      })
      .then([decidedAtLevel2]);
  });

  it('cannot be escalated again: INVALID_STATE_TRANSITION', () => {
    spec
      .given(given)
      .when(escalate('2024-04-10'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'accepted', level: 2 });
  });
});

describe('complaint: decided at level 2 (final)', () => {
  it.each([
    ['EscalateComplaint', escalate('2024-04-26')],
    ['DecideComplaint', decideCommand('2024-04-26')],
    ['WithdrawComplaint', withdraw('2024-04-26')],
    ['AcceptComplaint', accept('2024-04-26')],
  ])('refuses %s: COMPLAINT_DECISION_FINAL', (_command, when) => {
    spec.given(FULL_PATH).when(when).thenThrows('COMPLAINT_DECISION_FINAL', { level: 2 });
  });
});

describe('complaint: the full path', () => {
  it('file → accept → decide (L1) → escalate → accept (L2) → decide (L2, final), each command producing the next event', () => {
    const commands = [
      fileCommand(),
      accept('2024-03-08'),
      decideCommand('2024-03-20'),
      escalate('2024-03-28', '2024-03-22'),
      accept('2024-04-02'),
      {
        type: 'DecideComplaint',
        data: { ...COMPETENT, decisionNumber: '12/QĐ-CTHADS', finding: 'UNFOUNDED', effectiveDate: '2024-04-25' },
      } as const,
    ];
    const produced: ComplaintEvent[] = [];
    for (const command of commands)
      produced.push(...complaintDecider.decide(command, stateAfter(complaintDecider, produced)));
    expect(produced).toEqual(FULL_PATH);
    expect(stateAfter(complaintDecider, produced)).toMatchObject({
      status: 'decided',
      level: 2,
      final: true,
      authority: 'HEAD_OF_PROVINCIAL_OFFICE',
      lastActOn: '2024-04-25',
      decision: {
        level: 2,
        decisionNumber: '12/QĐ-CTHADS',
        finding: 'UNFOUNDED',
        authority: 'HEAD_OF_PROVINCIAL_OFFICE',
      },
      firstLevelDecision: { level: 1, decisionNumber: '45/QĐ-GQKN' },
    });
  });
});
