import type { Json, JsonRecord } from '../shared/event-codec';
import { isLocalDate } from '../shared/local-date';
import { caseEventCodec } from './case-event-codec';
import {
  COLLECTION_SOURCES,
  NOT_ENFORCEABLE_GROUNDS,
  POSTPONEMENT_GROUNDS,
  REQUEST_REJECTION_GROUNDS,
  SUSPENSION_GROUNDS,
  TERMINATION_GROUNDS,
} from './case-commands';
import { DECISION_WITHDRAWAL_GROUNDS } from './corrective-commands';
import { ensureRule } from './case-rules';
import type { CaseFacts } from './case-state';

/**
 * What a correction (CorrectRecordedFact with correctedData) may change in the event it replaces, and the checks its
 * values pass. A corrected event is folded in place of the original by every fold (the command path, replay, the
 * projections), so a value no decider would have written must be refused here, before it is on record for good.
 */

/**
 * Fields no correction may change: what places the event (case, office, regime), the identities other events refer
 * to, and what the decider derived from the rest (due dates, lateness, counters) — correcting those would leave them
 * disagreeing with the inputs they came from. A wrong derived value is corrected by retracting the event outright and
 * recording the act again.
 */
const NOT_CORRECTABLE: ReadonlySet<string> = new Set([
  'caseId',
  'officeId',
  'ruleSet',
  'collectionId',
  'disbursementId',
  'measureId',
  'assetId',
  'result',
  'issuedLate',
  'negativeReverifications',
  'creditorNoticeRequired',
  'voluntaryPeriodEndsOn',
  'wholeCase',
]);

/** Enumerated fields, per event type: a corrected value must be one of these. */
const ENUMERATED: { readonly [type: string]: { readonly [field: string]: readonly string[] } } = {
  EnforcementRequestRejected: { ground: REQUEST_REJECTION_GROUNDS },
  EnforcementConditionsVerified: { ground: NOT_ENFORCEABLE_GROUNDS },
  NotEnforceableDecided: { ground: NOT_ENFORCEABLE_GROUNDS },
  FundsCollected: { source: COLLECTION_SOURCES },
  EnforcementPostponed: { ground: POSTPONEMENT_GROUNDS },
  EnforcementSuspended: { ground: SUSPENSION_GROUNDS },
  EnforcementTerminated: { ground: TERMINATION_GROUNDS },
  ObligationItemsTerminated: { ground: TERMINATION_GROUNDS },
  DecisionWithdrawn: { ground: DECISION_WITHDRAWAL_GROUNDS },
  DecisionAnnulled: { ground: DECISION_WITHDRAWAL_GROUNDS },
};

/** Fields naming obligation items of the case. */
const ITEM_FIELDS: ReadonlySet<string> = new Set(['itemId', 'itemIds', 'enforcedItemIds']);

/**
 * The retracted event's data with `correctedData` laid over it, after checking every corrected field: it must exist
 * on the original event, be correctable, keep its JSON kind, and hold a value the decider could have written (a real
 * date, a positive amount, a known ground, an item of this case). Throws INVALID_CORRECTED_DATA naming the field.
 */
export function correctedEventData(
  retractedType: string,
  original: JsonRecord,
  correctedData: unknown,
  facts: CaseFacts,
): JsonRecord {
  ensureRule(isRecord(correctedData), 'INVALID_CORRECTED_DATA', 'correctedData must be an object', {
    field: 'correctedData',
  });
  const fields = Object.keys(correctedData);
  ensureRule(
    fields.length > 0,
    'INVALID_CORRECTED_DATA',
    'correctedData is empty: omit it to retract the event outright',
    { field: 'correctedData' },
  );
  for (const field of fields) {
    const path = `correctedData.${field}`;
    ensureRule(
      !NOT_CORRECTABLE.has(field) && !field.endsWith('DueOn'),
      'INVALID_CORRECTED_DATA',
      `correctedData may not change ${field}`,
      { field: path },
    );
    ensureRule(field in original, 'INVALID_CORRECTED_DATA', `${retractedType} has no field ${field}`, { field: path });
    checkValue(retractedType, field, original[field], correctedData[field], facts, original);
  }
  // spread-then-add: replaces keys only (every field is checked to be in original; Object.assign would obey a __proto__ key)
  const merged: JsonRecord = { ...original, ...(correctedData as JsonRecord) };
  ensureRule(
    fields.some((field) => JSON.stringify(merged[field]) !== JSON.stringify(original[field])),
    'INVALID_CORRECTED_DATA',
    'correctedData changes nothing',
    {
      field: 'correctedData',
    },
  );
  // The codec is what every fold decodes with: a corrected event it cannot read would make the case unreadable.
  caseEventCodec.decode({ type: retractedType, data: merged });
  return merged;
}

function checkValue(
  type: string,
  field: string,
  before: Json | undefined,
  after: unknown,
  facts: CaseFacts,
  original: JsonRecord,
): void {
  const path = `correctedData.${field}`;
  ensureRule(kindOf(after) === kindOf(before), 'INVALID_CORRECTED_DATA', `${field} must stay a ${kindOf(before)}`, {
    field: path,
  });
  if (field === 'effectiveDate') {
    // Due dates were computed from this date; they would go stale (retract and record the act again instead).
    const derived = Object.keys(original).find((key) => key.endsWith('DueOn'));
    ensureRule(
      derived === undefined,
      'INVALID_CORRECTED_DATA',
      `effectiveDate of ${type} cannot be corrected: ${derived} was computed from it`,
      { field: path },
    );
  }
  if (isLocalDate(before))
    ensureRule(isLocalDate(after), 'INVALID_CORRECTED_DATA', `${field} must be a real date YYYY-MM-DD`, {
      field: path,
    });
  // The codec's money paths: a corrected amount must be a positive whole VND, as the commands require.
  if (caseEventCodec.moneyPathsOf(type).includes(field)) {
    ensureRule(
      typeof after === 'string' && /^[1-9]\d*$/.test(after),
      'INVALID_CORRECTED_DATA',
      `${field} must be a positive whole number of VND, as a decimal string`,
      {
        field: path,
      },
    );
  }
  const allowed = ENUMERATED[type]?.[field];
  if (allowed)
    ensureRule(
      allowed.includes(after as string),
      'INVALID_CORRECTED_DATA',
      `${field} must be one of ${allowed.join(', ')}`,
      { field: path },
    );
  if (ITEM_FIELDS.has(field)) {
    const known = new Set(facts.items.map((item) => item.itemId));
    const named = Array.isArray(after) ? after : [after];
    const unknown = named.find((itemId) => typeof itemId !== 'string' || !known.has(itemId));
    ensureRule(
      unknown === undefined,
      'INVALID_CORRECTED_DATA',
      `${String(unknown)} is not an obligation item of this case`,
      { field: path },
    );
    ensureRule(
      named.length > 0 && new Set(named).size === named.length,
      'INVALID_CORRECTED_DATA',
      `${field} must list distinct items`,
      { field: path },
    );
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
