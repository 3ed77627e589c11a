/**
 * The case_summary row of a case: the domain's summary view (money as fixed-width text) and where in the log the row
 * stands.
 */
import type { Insertable } from 'kysely';
import type { CaseSummaryView } from '@thads/domain';
import type { CaseSummaryTable } from './case-summary.table';
import { vndToText } from './vnd-text';

/** The last event applied to a case's row: the guard and the answer to "which revision does this row reflect". */
export interface RowPlace {
  readonly lastEventType: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export function caseSummaryRow(summary: CaseSummaryView, place: RowPlace): Insertable<CaseSummaryTable> {
  return {
    case_id: summary.caseId,
    office_id: summary.officeId,
    source: summary.source,
    mode: summary.mode,
    status: summary.status,
    officer_id: summary.officerId,
    owed_vnd: vndToText(summary.owed),
    collected_vnd: vndToText(summary.collected),
    disbursed_vnd: vndToText(summary.disbursed),
    received_on: summary.receivedOn,
    decision_on: summary.decisionOn,
    next_due_on: summary.nextDeadline?.dueOn ?? null,
    next_due_kind: summary.nextDeadline?.kind ?? null,
    last_event_type: place.lastEventType,
    last_effective_date: summary.lastEffectiveDate,
    revision: place.revision,
    position: place.position,
  };
}
