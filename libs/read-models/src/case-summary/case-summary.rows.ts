/**
 * Between a CaseSummary (bigint money, lists) and its row (fixed-width text money, JSON working memory).
 */
import type { Insertable, Selectable } from 'kysely';
import type { ObligationItemStatus } from '@thads/domain';
import type { OpenDeadline } from './case-deadlines';
import {
  collectedOf,
  disbursedOf,
  nextDeadlineOf,
  owedOf,
  type CaseSummary,
  type CaseSummaryStatus,
} from './case-summary.fold';
import type { CaseSummaryTable } from './case-summary.table';
import { vndToText } from './vnd-text';

/** The `tracking` column: amounts as decimal strings, since JSON has no bigint. */
interface Tracking {
  readonly items: readonly {
    itemId: string;
    amount: string;
    collected: string;
    disbursed: string;
    status: ObligationItemStatus;
  }[];
  readonly unpaidCollections: readonly { collectionId: string; itemId: string; unpaid: string }[];
  readonly deadlines: readonly OpenDeadline[];
}

/** The row of a summary, with the figures derived from it. */
export function caseSummaryRow(summary: CaseSummary): Insertable<CaseSummaryTable> {
  const next = nextDeadlineOf(summary);
  const tracking: Tracking = {
    items: summary.items.map((item) => ({
      itemId: item.itemId,
      amount: item.amount.toString(),
      collected: item.collected.toString(),
      disbursed: item.disbursed.toString(),
      status: item.status,
    })),
    unpaidCollections: summary.unpaidCollections.map((collection) => ({
      collectionId: collection.collectionId,
      itemId: collection.itemId,
      unpaid: collection.unpaid.toString(),
    })),
    deadlines: summary.deadlines.map((deadline) => ({
      kind: deadline.kind,
      subject: deadline.subject,
      dueOn: deadline.dueOn,
    })),
  };
  return {
    case_id: summary.caseId,
    office_id: summary.officeId,
    source: summary.source,
    mode: summary.mode,
    status: summary.status,
    officer_id: summary.officerId,
    owed_vnd: vndToText(owedOf(summary)),
    collected_vnd: vndToText(collectedOf(summary)),
    disbursed_vnd: vndToText(disbursedOf(summary)),
    received_on: summary.receivedOn,
    decision_on: summary.decisionOn,
    next_due_on: next?.dueOn ?? null,
    next_due_kind: next?.kind ?? null,
    last_event_type: summary.lastEventType,
    last_effective_date: summary.lastEffectiveDate,
    revision: summary.revision,
    position: summary.position,
    tracking: JSON.stringify(tracking),
  };
}

/** The summary a row holds, to fold further events into. */
export function caseSummaryFromRow(row: Selectable<CaseSummaryTable>): CaseSummary {
  const tracking = JSON.parse(row.tracking) as Tracking;
  return {
    caseId: row.case_id,
    officeId: row.office_id,
    source: row.source,
    mode: row.mode,
    status: row.status as CaseSummaryStatus,
    officerId: row.officer_id,
    receivedOn: row.received_on,
    decisionOn: row.decision_on,
    items: tracking.items.map((item) => ({
      ...item,
      amount: BigInt(item.amount),
      collected: BigInt(item.collected),
      disbursed: BigInt(item.disbursed),
    })),
    unpaidCollections: tracking.unpaidCollections.map((collection) => ({
      ...collection,
      unpaid: BigInt(collection.unpaid),
    })),
    deadlines: tracking.deadlines,
    lastEventType: row.last_event_type,
    lastEffectiveDate: row.last_effective_date,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
  };
}
