/**
 * What each case or complaint event does to the deadlines the sweep watches.
 *
 * A case's rows follow the domain's open deadlines view of its folded state (libs/domain case/views): what the view
 * owes after an event and did not before opens (or reopens) a row, what it no longer owes closes one, for the reason
 * the view gives (deadlineEndOf), and a miss the state newly remembers marks its row. The missed-deadline decider asks
 * the same view, so every row the sweep finds open is one the decider records.
 *
 * A complaint's rows mirror the complaint decider's "still open" checks (complaint/decide-missed-deadline.ts).
 */
import {
  assertNever,
  CASE_DEADLINES,
  complaintEventCodec,
  deadlineEndOf,
  isLocalDate,
  missedDeadlineKey,
  openDeadlinesOf,
  type CaseState,
  type ComplaintEvent,
  type JsonRecord,
} from '@thads/domain';
import type { RecordedEvent } from '@thads/event-store';
import type { FoldedCaseEvent } from '../case-folds';
import type { DeadlineClosedBy, DeadlineKind } from './deadlines.table';

/** One change to the deadline rows of the event's stream. */
export type DeadlineChange =
  | { readonly change: 'open'; readonly kind: DeadlineKind; readonly level: number; readonly dueOn: string }
  /** Closes the open rows of this kind (of this level, or this due date, only when given). */
  | {
      readonly change: 'close';
      readonly kind: DeadlineKind;
      readonly level?: number;
      readonly dueOn?: string;
      readonly by: DeadlineClosedBy;
    }
  | { readonly change: 'missed'; readonly kind: DeadlineKind; readonly level: number; readonly dueOn: string }
  /** A retracted detection: the miss is no longer recorded. */
  | { readonly change: 'unmissed'; readonly kind: DeadlineKind; readonly level: number; readonly dueOn: string };

/** The changes of one event, with what identifies its rows. */
export interface DeadlineEventChanges {
  readonly aggregateId: string;
  readonly caseId: string;
  readonly effectiveDate: string;
  readonly changes: readonly DeadlineChange[];
}

/** Complaint event types that change a deadline. */
export const COMPLAINT_DEADLINE_EVENT_TYPES: readonly string[] = [
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

/** The changes a folded case event makes to its case's rows. */
export function caseDeadlineChangesOf({ caseId, event, before, after }: FoldedCaseEvent): DeadlineEventChanges {
  const owedBefore = sweptDeadlinesOf(before);
  const owedAfter = sweptDeadlinesOf(after);
  const changes: DeadlineChange[] = [];
  for (const [key, owed] of owedBefore)
    if (!owedAfter.has(key))
      changes.push({ change: 'close', kind: owed.kind, dueOn: owed.dueOn, by: deadlineEndOf(after) });
  for (const [key, owed] of owedAfter)
    if (!owedBefore.has(key)) changes.push({ change: 'open', kind: owed.kind, level: NO_LEVEL, dueOn: owed.dueOn });
  const missedBefore = before.status === 'none' ? [] : before.facts.missedDeadlines;
  const missedAfter = after.status === 'none' ? [] : after.facts.missedDeadlines;
  for (const missed of missedAfter.filter((key) => !missedBefore.includes(key))) {
    const [kind, dueOn] = missed.split(':') as [DeadlineKind, string];
    changes.push({ change: 'missed', kind, level: NO_LEVEL, dueOn });
  }
  for (const missed of missedBefore.filter((key) => !missedAfter.includes(key))) {
    const [kind, dueOn] = missed.split(':') as [DeadlineKind, string];
    changes.push({ change: 'unmissed', kind, level: NO_LEVEL, dueOn });
  }
  const effectiveDate = typeof event.data.effectiveDate === 'string' ? event.data.effectiveDate : null;
  return placed(event, caseId, caseId, effectiveDate, changes);
}

/** The deadlines the sweep watches that the case owes, by `<kind>:<dueOn>` (missedDeadlineKey). */
function sweptDeadlinesOf(state: CaseState): Map<string, { kind: DeadlineKind; dueOn: string }> {
  const owed = new Map<string, { kind: DeadlineKind; dueOn: string }>();
  for (const deadline of openDeadlinesOf(state)) {
    const kind = CASE_DEADLINES.find((swept) => swept === deadline.kind);
    if (kind !== undefined) owed.set(missedDeadlineKey(kind, deadline.dueOn), { kind, dueOn: deadline.dueOn });
  }
  return owed;
}

/** Decodes a complaint event and returns its changes. Throws (a poison event) on a payload that lacks what a deadline needs. */
export function complaintDeadlineChangesOf(event: RecordedEvent): DeadlineEventChanges {
  const decoded = complaintEventCodec.decode({ type: event.type, data: event.data as JsonRecord });
  return placed(
    event,
    decoded.data.complaintId,
    decoded.data.caseId,
    decoded.data.effectiveDate,
    complaintChanges(decoded),
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
    if (
      (change.change === 'open' || change.change === 'missed' || change.change === 'unmissed') &&
      !isLocalDate(change.dueOn)
    )
      throw new TypeError(`${event.type} at position ${event.position} has no valid due date`);
  }
  if (typeof aggregateId !== 'string' || typeof caseId !== 'string' || !isLocalDate(effectiveDate)) {
    throw new TypeError(`${event.type} at position ${event.position} lacks its id, caseId or a valid effectiveDate`);
  }
  return { aggregateId, caseId, effectiveDate, changes };
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
