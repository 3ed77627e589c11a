// Specs may use the shared test helpers; the lint rule keeps @thads/* out of the domain's runtime code.
import { deciderSpec, stateAfter } from '@thads/testing';
import type { ComplaintCommand } from './complaint-commands';
import { complaintDecider } from './complaint-decider';
import type { ComplaintEvent } from './complaint-events';
import {
  CASE_ID,
  COMPLAINT_ID,
  accept,
  acceptedAtLevel1,
  decideCommand,
  decidedAtLevel1,
  decline,
  everyLaterCommand,
  fileCommand,
  filed,
  filedGroupB,
  withdraw,
  COMPETENT,
} from './complaint-test-fixtures';

const spec = deciderSpec(complaintDecider);
const base = (effectiveDate: string) => ({
  complaintId: COMPLAINT_ID,
  caseId: CASE_ID,
  effectiveDate,
  ruleSet: 'LAW_2008_2014' as const,
});

describe('complaint: filed (waiting for acceptance at level 1)', () => {
  it('accepts within 5 working days and starts the 15-day resolution clock of group A (Art. 146)', () => {
    spec.given([filed]).when(accept('2024-03-08')).then([acceptedAtLevel1]);
  });

  it('records a late acceptance without blocking it', () => {
    spec
      .given([filed])
      .when(accept('2024-03-12'))
      .then([
        {
          type: 'ComplaintAccepted',
          data: { ...base('2024-03-12'), level: 1, resolutionDueOn: '2024-03-27', acceptedLate: true },
        },
      ]);
  });

  it('declines on an Art. 141 ground (terminal)', () => {
    const notAccepted: ComplaintEvent = {
      type: 'ComplaintNotAccepted',
      data: {
        ...base('2024-03-06'),
        level: 1,
        ground: 'NO_DIRECT_INTEREST',
        explanation: 'Người khiếu nại không có quyền, lợi ích liên quan',
        declinedLate: false,
      },
    };
    spec.given([filed]).when(decline('2024-03-06')).then([notAccepted]);
    expect(stateAfter(complaintDecider, [filed, notAccepted])).toMatchObject({
      status: 'not_accepted',
      ground: 'NO_DIRECT_INTEREST',
    });
  });

  it('refuses an unknown ground: INVALID_VALUE, and an empty explanation: MISSING_FIELD', () => {
    const badGround = {
      type: 'DeclineComplaint',
      data: { ...COMPETENT, ground: 'BORED', explanation: 'x', effectiveDate: '2024-03-06' },
    } as unknown as ComplaintCommand;
    spec.given([filed]).when(badGround).thenThrows('INVALID_VALUE', { field: 'ground' });
    spec
      .given([filed])
      .when({
        type: 'DeclineComplaint',
        data: { ...COMPETENT, ground: 'LIMITATION_EXPIRED', explanation: '', effectiveDate: '2024-03-06' },
      })
      .thenThrows('MISSING_FIELD', { field: 'explanation' });
  });

  it('may be withdrawn before any decision', () => {
    spec
      .given([filed])
      .when(withdraw('2024-03-05'))
      .then([{ type: 'ComplaintWithdrawn', data: { ...base('2024-03-05'), level: 1 } }]);
  });

  it('cannot be decided before acceptance: INVALID_STATE_TRANSITION', () => {
    spec
      .given([filed])
      .when(decideCommand('2024-03-08'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'filed', command: 'DecideComplaint' });
  });

  it('refuses an act dated before the filing: EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT', () => {
    spec
      .given([filed])
      .when(accept('2024-03-03'))
      .thenThrows('EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT', { effectiveDate: '2024-03-03', lastActOn: '2024-03-04' });
  });

  it('refuses a malformed effectiveDate: INVALID_DATE', () => {
    spec.given([filed]).when(accept('2024-13-01')).thenThrows('INVALID_DATE', { field: 'effectiveDate' });
  });
});

describe('complaint: accepted at level 1', () => {
  it('is decided with an escalation deadline 15 days after the decision (Art. 140(2))', () => {
    spec.given([filed, acceptedAtLevel1]).when(decideCommand('2024-03-20')).then([decidedAtLevel1]);
  });

  it('records a late decision without blocking it, and leaves remedies out when none are given', () => {
    const command: ComplaintCommand = {
      type: 'DecideComplaint',
      data: { ...COMPETENT, decisionNumber: '46/QĐ-GQKN', finding: 'UNFOUNDED', effectiveDate: '2024-03-26' },
    };
    spec
      .given([filed, acceptedAtLevel1])
      .when(command)
      .then([
        {
          type: 'ComplaintDecided',
          data: {
            ...base('2024-03-26'),
            level: 1,
            decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
            decisionNumber: '46/QĐ-GQKN',
            finding: 'UNFOUNDED',
            final: false,
            escalationDeadline: '2024-04-10',
            decidedLate: true,
          },
        },
      ]);
  });

  it.each([
    ['AcceptComplaint', accept('2024-03-11')],
    ['DeclineComplaint', decline('2024-03-11')],
  ])('cannot be %s again: INVALID_STATE_TRANSITION', (command, when) => {
    spec
      .given([filed, acceptedAtLevel1])
      .when(when)
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'accepted', level: 1, command });
  });

  it('refuses an empty decision number: MISSING_FIELD, and an unknown finding: INVALID_VALUE', () => {
    spec
      .given([filed, acceptedAtLevel1])
      .when(decideCommand('2024-03-20', ' '))
      .thenThrows('MISSING_FIELD', { field: 'decisionNumber' });
    const badFinding = {
      type: 'DecideComplaint',
      data: { ...COMPETENT, decisionNumber: '1', finding: 'MAYBE', effectiveDate: '2024-03-20' },
    } as unknown as ComplaintCommand;
    spec.given([filed, acceptedAtLevel1]).when(badFinding).thenThrows('INVALID_VALUE', { field: 'finding' });
  });

  it('may be withdrawn before the decision', () => {
    spec
      .given([filed, acceptedAtLevel1])
      .when(withdraw('2024-03-15'))
      .then([{ type: 'ComplaintWithdrawn', data: { ...base('2024-03-15'), level: 1 } }]);
  });
});

describe('complaint: decided at level 1 (outside group B)', () => {
  const given = [filed, acceptedAtLevel1, decidedAtLevel1];

  it('holds the decision and its escalation deadline', () => {
    expect(stateAfter(complaintDecider, given)).toMatchObject({
      status: 'decided',
      level: 1,
      final: false,
      escalationDeadline: '2024-04-04',
      decision: {
        level: 1,
        decisionNumber: '45/QĐ-GQKN',
        finding: 'PARTLY_JUSTIFIED',
        decidedOn: '2024-03-20',
        authority: 'HEAD_OF_DISTRICT_OFFICE',
      },
    });
  });

  it.each([
    ['WithdrawComplaint', withdraw('2024-03-21')],
    ['DecideComplaint', decideCommand('2024-03-21')],
    ['AcceptComplaint', accept('2024-03-21')],
    ['DeclineComplaint', decline('2024-03-21')],
  ])('refuses %s: INVALID_STATE_TRANSITION', (command, when) => {
    spec.given(given).when(when).thenThrows('INVALID_STATE_TRANSITION', { status: 'decided', command });
  });
});

describe('complaint: group B (security measures)', () => {
  const acceptedB: ComplaintEvent = {
    type: 'ComplaintAccepted',
    data: { ...base('2024-03-05'), level: 1, resolutionDueOn: '2024-03-12', acceptedLate: false },
  };

  it('is filed with no second-level authority', () => {
    spec
      .given([])
      .when(fileCommand({ group: 'B_OTHER_SECURITY' }))
      .then([filedGroupB]);
  });

  it('must be resolved within 5 working days of acceptance (Art. 146)', () => {
    spec.given([filedGroupB]).when(accept('2024-03-05')).then([acceptedB]);
  });

  it('gets a final decision at once, with no escalation deadline (Decree 62 Art. 38(3))', () => {
    spec
      .given([filedGroupB, acceptedB])
      .when(decideCommand('2024-03-08'))
      .thenEvents(([event]) => {
        expect(event.data).toMatchObject({ level: 1, final: true, decidedLate: false });
        expect(event.data).not.toHaveProperty('escalationDeadline');
      });
  });

  it('is never escalated, decided or not: NO_SECOND_LEVEL_FOR_SECURITY_MEASURES', () => {
    spec
      .given([filedGroupB])
      .when({ type: 'EscalateComplaint', data: { effectiveDate: '2024-03-05' } })
      .thenThrows('NO_SECOND_LEVEL_FOR_SECURITY_MEASURES', { group: 'B_OTHER_SECURITY' });
    const decidedB = complaintDecider.decide(
      decideCommand('2024-03-08'),
      stateAfter(complaintDecider, [filedGroupB, acceptedB]),
    );
    spec
      .given([filedGroupB, acceptedB, ...decidedB])
      .when({ type: 'EscalateComplaint', data: { effectiveDate: '2024-03-09' } })
      .thenThrows('NO_SECOND_LEVEL_FOR_SECURITY_MEASURES');
    spec
      .given([filedGroupB, acceptedB, ...decidedB])
      .when(withdraw('2024-03-09'))
      .thenThrows('COMPLAINT_DECISION_FINAL');
  });
});

describe('complaint: closed (not accepted or withdrawn)', () => {
  const notAccepted: ComplaintEvent = {
    type: 'ComplaintNotAccepted',
    data: {
      ...base('2024-03-06'),
      level: 1,
      ground: 'LIMITATION_EXPIRED',
      explanation: 'Quá thời hiệu',
      declinedLate: false,
    },
  };
  const withdrawn: ComplaintEvent = { type: 'ComplaintWithdrawn', data: { ...base('2024-03-06'), level: 1 } };

  it.each([
    ...everyLaterCommand('2024-03-07').map((command) => ['not accepted', command.type, notAccepted, command] as const),
    ...everyLaterCommand('2024-03-07').map((command) => ['withdrawn', command.type, withdrawn, command] as const),
  ])('%s: refuses %s: COMPLAINT_CLOSED', (_label, _type, closing, command) => {
    spec.given([filed, closing]).when(command).thenThrows('COMPLAINT_CLOSED');
  });

  it('stays one complaint: filing again on the stream is COMPLAINT_ALREADY_EXISTS', () => {
    spec.given([filed, withdrawn]).when(fileCommand()).thenThrows('COMPLAINT_ALREADY_EXISTS');
  });
});
