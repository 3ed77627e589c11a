/**
 * What each case or complaint event does to the deadlines the sweep watches. The rules mirror the deciders'
 * "still open" checks (libs/domain case|complaint/decide-missed-deadline.ts), so every row the sweep finds open is one
 * the decider records, and a row it would not record is closed here too.
 */
import {
  assertNever,
  caseEventCodec,
  complaintEventCodec,
  isLocalDate,
  type CaseEvent,
  type ComplaintEvent,
  type JsonRecord,
} from '@thads/domain';
import { streamCategory, type RecordedEvent } from '@thads/event-store';
import type { DeadlineClosedBy, DeadlineKind } from './deadlines.table';

/** One change to the deadline rows of the event's stream. */
export type DeadlineChange =
  | { readonly change: 'open'; readonly kind: DeadlineKind; readonly level: number; readonly dueOn: string }
  /** Closes the open rows of this kind (of this level only, when given). */
  | { readonly change: 'close'; readonly kind: DeadlineKind; readonly level?: number; readonly by: DeadlineClosedBy }
  /** Reopens the rows of this kind that a pause closed. */
  | { readonly change: 'reopen'; readonly kind: DeadlineKind }
  | { readonly change: 'missed'; readonly kind: DeadlineKind; readonly level: number; readonly dueOn: string };

/** The changes of one event, with what identifies its rows. */
export interface DeadlineEventChanges {
  readonly aggregateId: string;
  readonly caseId: string;
  readonly effectiveDate: string;
  readonly changes: readonly DeadlineChange[];
}

/** Event types that change a deadline; the projection handles exactly these. */
export const DEADLINE_EVENT_TYPES: readonly string[] = [
  'EnforcementDecisionIssued',
  'EnforcementConditionsVerified',
  'EnforcementPostponed',
  'EnforcementSuspended',
  'EnforcementResumed',
  'NotEnforceableDecided',
  'ConditionsReverified',
  'MovedToSeparateTrackingRegister',
  'EnforcementTerminated',
  'CaseSettled',
  'EnforcementEntrusted',
  'VerificationDeadlineMissed',
  'ReverificationDeadlineMissed',
  'ComplaintFiled',
  'ComplaintAccepted',
  'ComplaintNotAccepted',
  'ComplaintDecided',
  'ComplaintEscalated',
  'ComplaintWithdrawn',
  'ComplaintDeadlineMissed',
];

/** Case deadlines carry no level. */
const NO_LEVEL = 0;
const CASE_KINDS: readonly DeadlineKind[] = ['VERIFICATION', 'REVERIFICATION'];

/** Decodes the event and returns its changes. Throws (a poison event) on a payload that lacks what a deadline needs. */
export function deadlineChangesOf(event: RecordedEvent): DeadlineEventChanges {
  const category = streamCategory(event.stream);
  if (category === 'case') {
    const decoded = caseEventCodec.decode({ type: event.type, data: event.data as JsonRecord });
    return placed(event, decoded.data.caseId, decoded.data.caseId, decoded.data.effectiveDate, caseChanges(decoded));
  }
  if (category === 'complaint') {
    const decoded = complaintEventCodec.decode({ type: event.type, data: event.data as JsonRecord });
    return placed(
      event,
      decoded.data.complaintId,
      decoded.data.caseId,
      decoded.data.effectiveDate,
      complaintChanges(decoded),
    );
  }
  throw new TypeError(
    `${event.type} at position ${event.position} is in stream ${event.stream}, neither a case nor a complaint`,
  );
}

function placed(
  event: RecordedEvent,
  aggregateId: unknown,
  caseId: unknown,
  effectiveDate: unknown,
  changes: readonly DeadlineChange[],
): DeadlineEventChanges {
  for (const change of changes) {
    if ((change.change === 'open' || change.change === 'missed') && !isLocalDate(change.dueOn))
      throw new TypeError(`${event.type} at position ${event.position} has no valid due date`);
  }
  if (typeof aggregateId !== 'string' || typeof caseId !== 'string' || !isLocalDate(effectiveDate)) {
    throw new TypeError(`${event.type} at position ${event.position} lacks its id, caseId or a valid effectiveDate`);
  }
  return { aggregateId, caseId, effectiveDate, changes };
}

function caseChanges(event: CaseEvent): DeadlineChange[] {
  switch (event.type) {
    case 'EnforcementDecisionIssued':
      return [{ change: 'open', kind: 'VERIFICATION', level: NO_LEVEL, dueOn: event.data.verificationDueOn }];
    case 'EnforcementConditionsVerified':
      return [{ change: 'close', kind: 'VERIFICATION', by: 'ACT' }];
    case 'EnforcementPostponed':
    case 'EnforcementSuspended':
      // Only the verification can be open here: a not-enforceable case is never postponed or suspended.
      return [{ change: 'close', kind: 'VERIFICATION', by: 'PAUSED' }];
    case 'EnforcementResumed':
      // Back in `decided`, the case owes the same verification by the same date (the decider agrees).
      return event.data.resumedStatus === 'decided' ? [{ change: 'reopen', kind: 'VERIFICATION' }] : [];
    case 'NotEnforceableDecided':
      return [{ change: 'open', kind: 'REVERIFICATION', level: NO_LEVEL, dueOn: event.data.reverificationDueOn }];
    case 'ConditionsReverified': {
      const next = event.data.reverificationDueOn;
      const closed: DeadlineChange = { change: 'close', kind: 'REVERIFICATION', by: 'ACT' };
      return next === null
        ? [closed]
        : [closed, { change: 'open', kind: 'REVERIFICATION', level: NO_LEVEL, dueOn: next }];
    }
    case 'MovedToSeparateTrackingRegister':
      return [{ change: 'close', kind: 'REVERIFICATION', by: 'ENDED' }];
    case 'EnforcementTerminated':
    case 'CaseSettled':
      return CASE_KINDS.map((kind) => ({ change: 'close', kind, by: 'ENDED' }));
    case 'EnforcementEntrusted':
      return event.data.wholeCase ? CASE_KINDS.map((kind) => ({ change: 'close', kind, by: 'ENDED' })) : [];
    case 'VerificationDeadlineMissed':
      return [{ change: 'missed', kind: 'VERIFICATION', level: NO_LEVEL, dueOn: event.data.dueOn }];
    case 'ReverificationDeadlineMissed':
      return [{ change: 'missed', kind: 'REVERIFICATION', level: NO_LEVEL, dueOn: event.data.dueOn }];
    default:
      // Officers, assets, money and the rest open or close none of the deadlines the sweep watches.
      return [];
  }
}

function complaintChanges(event: ComplaintEvent): DeadlineChange[] {
  switch (event.type) {
    case 'ComplaintFiled':
      return [{ change: 'open', kind: 'ACCEPTANCE', level: 1, dueOn: event.data.acceptanceDueOn }];
    case 'ComplaintEscalated':
      return [{ change: 'open', kind: 'ACCEPTANCE', level: 2, dueOn: event.data.acceptanceDueOn }];
    case 'ComplaintAccepted':
      return [
        { change: 'close', kind: 'ACCEPTANCE', level: event.data.level, by: 'ACT' },
        { change: 'open', kind: 'RESOLUTION', level: event.data.level, dueOn: event.data.resolutionDueOn },
      ];
    case 'ComplaintNotAccepted':
      return [{ change: 'close', kind: 'ACCEPTANCE', level: event.data.level, by: 'ACT' }];
    case 'ComplaintDecided':
      return [{ change: 'close', kind: 'RESOLUTION', level: event.data.level, by: 'ACT' }];
    case 'ComplaintWithdrawn':
      return [
        { change: 'close', kind: 'ACCEPTANCE', by: 'ENDED' },
        { change: 'close', kind: 'RESOLUTION', by: 'ENDED' },
      ];
    case 'ComplaintDeadlineMissed':
      return [{ change: 'missed', kind: event.data.deadline, level: event.data.level, dueOn: event.data.dueOn }];
    default:
      return assertNever(event, 'complaint event');
  }
}
