import type { LocalDate } from '../../shared/local-date';
import type { Vnd } from '../../shared/money';
import { CLOSED_CASE_STATUSES, outstandingOf, type CaseState, type CaseStatus } from '../case-state';
import { earliestDeadline, openDeadlinesOf, type OpenDeadline } from './case-deadlines-view';

/** A case status once the case exists. */
export type CaseSummaryStatus = Exclude<CaseStatus, 'none'>;

/** Every status a summary can hold, for filters. */
export const CASE_SUMMARY_STATUSES = [
  'intake',
  'rejected',
  'decided',
  'enforceable',
  'not_enforceable',
  'separately_tracked',
  'postponed',
  'suspended',
  'entrusted_out',
  'terminated',
  'settled',
  'withdrawn',
  'sent_back',
  'taken_up',
] as const satisfies readonly CaseSummaryStatus[];

/** One case as a list shows it: the summary row of its folded state. */
export interface CaseSummaryView {
  readonly caseId: string;
  readonly officeId: string;
  readonly source: string;
  readonly mode: string;
  readonly status: CaseSummaryStatus;
  readonly officerId: string | null;
  readonly receivedOn: LocalDate;
  /** Effective date of the enforcement decision; null before it (and for a rejected request). */
  readonly decisionOn: LocalDate | null;
  /** VND still to collect on the open items; 0 once the case is closed. */
  readonly owed: Vnd;
  /** VND collected on every item, including items later terminated or entrusted. */
  readonly collected: Vnd;
  /** VND paid out to creditors or the state budget. */
  readonly disbursed: Vnd;
  /** The earliest open legal deadline, or null when nothing is due. */
  readonly nextDeadline: OpenDeadline | null;
  /** effectiveDate of the latest act (a sweep's detection is not an act). */
  readonly lastEffectiveDate: LocalDate;
}

/** The summary row of a case; null before its CaseReceived. */
export function caseSummaryOf(state: CaseState): CaseSummaryView | null {
  if (state.status === 'none') return null;
  const { facts } = state;
  const closed = CLOSED_CASE_STATUSES.includes(state.status);
  const owed = closed
    ? 0n
    : facts.items
        .filter((item) => item.status === 'open')
        .reduce((sum, item) => sum + (outstandingOf(item) > 0n ? outstandingOf(item) : 0n), 0n);
  return {
    caseId: facts.caseId,
    officeId: facts.officeId,
    source: facts.source,
    mode: facts.mode,
    status: state.status,
    officerId: facts.officerId ?? null,
    receivedOn: facts.receivedOn,
    decisionOn: 'decision' in state ? state.decision.decidedOn : null,
    owed,
    collected: facts.items.reduce((sum, item) => sum + item.collected, 0n),
    disbursed: facts.items.reduce((sum, item) => sum + item.disbursed, 0n),
    nextDeadline: earliestDeadline(openDeadlinesOf(state)),
    lastEffectiveDate: facts.lastEffectiveDate,
  };
}
