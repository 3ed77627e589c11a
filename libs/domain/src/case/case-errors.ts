import type { DomainErrorKind } from '../shared/error-kind';
/**
 * Every DomainError code the `case` decider throws, with when it is thrown. This table is the contract the API's
 * problem+json mapping and docs/ are built from: a code is never renamed or reused for another meaning.
 * `details` always names the field or the values involved; money in details is a decimal string.
 */
export const CASE_ERROR_CODES = {
  // Command data the decider owns (the HTTP DTOs check shapes too, but the domain never trusts them alone).
  INVALID_DATE:
    'A date is not a real calendar date YYYY-MM-DD, or scheduledAt is not YYYY-MM-DDTHH:mm (details.field).',
  INVALID_MONEY: 'An amount is not a non-negative whole number of VND (details.field).',
  INVALID_AMOUNT:
    'An amount that must be positive is 0: collections, disbursements, valuations, prices (details.field).',
  MISSING_FIELD: 'An identifier or decision number is empty (details.field).',
  CALENDAR_NOT_COVERED:
    'A working-day deadline falls outside the holiday calendar; a deadline never rests on missing data.',
  MISSING_OBLIGATIONS: 'ReceiveCase lists no obligation item.',
  DUPLICATE_ITEM_ID: 'Two obligation items share an itemId, or a command lists an itemId twice.',
  DUPLICATE_PARTY_ID: 'Two parties share a partyId.',
  MISSING_PARTY_ROLE:
    'No DEBTOR party, or no CREDITOR party while some item is owed to a private person (details.role).',
  MODE_SOURCE_MISMATCH: 'ON_REQUEST mode without an enforcement request as source (Art. 36(1)).',
  RECEIVED_BEFORE_JUDGMENT_EFFECTIVE:
    'ReceiveCase dated before judgment.legallyEffectiveOn: only a judgment with legal effect is enforced (Art. 28–31).',
  JUDGMENT_EFFECTIVE_BEFORE_ISSUE: 'judgment.legallyEffectiveOn is before judgment.issuedOn.',
  INVALID_ITEM_LIST: 'itemIds is given but empty; omit it to act on the whole case.',
  // Existence, lifecycle and ordering.
  CASE_ALREADY_EXISTS: 'ReceiveCase on a stream that already holds a case.',
  CASE_NOT_FOUND: 'Any other command on a stream with no case.',
  CASE_CLOSED: 'Any command on a rejected, settled, terminated or wholly entrusted case (terminal states are final).',
  INVALID_STATE_TRANSITION: 'The command is not allowed in the current status (details.status, details.command).',
  EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT:
    "effectiveDate is earlier than the case's latest act (corrections of the record do not count as acts).",
  ACT_DATED_IN_FUTURE:
    "effectiveDate (or a decision's servedOn) is after the office's local today (details.field, details.today).",
  // Intake and decision.
  REQUEST_REJECTION_NOT_APPLICABLE: 'RejectEnforcementRequest on a case that did not come from a request (Art. 31(5)).',
  SERVED_BEFORE_DECISION: 'servedOn is earlier than the decision date.',
  // Verification and classification.
  MISSING_GROUND: 'A NOT_ENFORCEABLE verification without its ground (Art. 44a(1)).',
  NOT_ENFORCEABLE_NOT_VERIFIED:
    'DecideNotEnforceable without a latest verification finding NOT_ENFORCEABLE (Art. 44a).',
  NOT_ENFORCEABLE_GROUND_MISMATCH: 'DecideNotEnforceable on a ground other than the one the verification found.',
  SEPARATE_REGISTER_TOO_EARLY:
    'Separate register before 1 year (2 years: long-term, or from 2026-07-01) since the not-enforceable decision (Decree 62 Art. 9(5)).',
  SEPARATE_REGISTER_ON_REQUEST:
    'MoveToSeparateTrackingRegister of an on-request case from 2026-07-01: it is sent back instead (Decree 152/2026 Art. 22).',
  SEND_BACK_NOT_IN_FORCE: 'SendBackEnforcementRequest dated before 2026-07-01, when Law 106/2025 took effect.',
  SEND_BACK_EX_OFFICIO:
    'SendBackEnforcementRequest of an ex officio case: it goes to the separate register (Decree 152/2026 Art. 22(1)).',
  SEND_BACK_TOO_EARLY:
    'SendBackEnforcementRequest before 2 years since the not-enforceable decision (Decree 152/2026 Art. 22; details.earliestOn).',
  SEND_BACK_NEEDS_REVERIFICATION:
    'SendBackEnforcementRequest without a periodic re-verification since the decision ([I] Law 106/2025 Art. 38(3), not confirmed).',
  SEPARATE_REGISTER_NEEDS_TWO_VERIFICATIONS:
    'Separate register with fewer than 2 periodic re-verifications since the decision (Decree 62 Art. 9(5)).',
  // Coercion, security measures and assets.
  CONDITIONS_NOT_VERIFIED:
    'Coercion or an asset step before any verification found the case enforceable (Art. 44, 46).',
  CASE_NOT_ENFORCEABLE: 'Coercion or an asset step while the case is, or was last verified as, not enforceable.',
  ENFORCEMENT_POSTPONED: 'Coercion or an asset step while enforcement is postponed (Art. 48).',
  ENFORCEMENT_SUSPENDED: 'Coercion or an asset step while enforcement is suspended (Art. 49).',
  VOLUNTARY_PERIOD_RUNNING:
    'Coercion or seizure on or before the last day of the voluntary period (Art. 45(1), 46(1)).',
  COERCION_AT_NIGHT: 'Coercion scheduled outside 06:00–22:00 (Art. 46(2)).',
  COERCION_ON_NON_WORKING_DAY: 'Coercion scheduled on a rest day or public holiday (Art. 46(2)).',
  COERCION_SCHEDULED_BEFORE_DECISION: 'scheduledAt falls before the coercion decision date.',
  COERCION_NOT_DECIDED: 'SeizeAsset without a SEIZE_AND_SELL coercion decision (Art. 71).',
  DUPLICATE_MEASURE_ID: 'A security measure with this measureId was already applied.',
  ASSET_NOT_FOUND: 'No seized asset with this assetId.',
  ASSET_ALREADY_SEIZED: 'An asset with this assetId is already seized.',
  ASSET_ALREADY_VALUED: 'RecordValuation on an asset already valued (re-valuation is not modelled yet).',
  ASSET_NOT_VALUED: 'An auction result for an asset without a valuation (Art. 98, 101).',
  ASSET_ALREADY_SOLD: 'Any auction step on an asset already sold.',
  AUCTION_PRICE_REQUIRED: 'A SOLD auction result without its price.',
  SALE_PRICE_BELOW_STARTING_PRICE: 'A sale price below the starting price of the auction.',
  AUCTION_PRICE_NOT_REDUCED: 'Another auction after a failed one without a price reduction first (Art. 104).',
  AUCTION_NOT_FAILED: 'ReduceAuctionPrice on an asset whose last auction did not fail (Art. 104).',
  PRICE_NOT_REDUCED: 'The new starting price is not strictly below the previous one.',
  PRICE_REDUCTION_EXCEEDS_10_PERCENT: 'The new starting price is more than 10% below the previous one (Art. 104).',
  // Money.
  ITEM_NOT_FOUND: 'An itemId that is not an obligation item of the case.',
  ITEM_NOT_OPEN: 'A collection, termination or entrustment of an item already terminated or entrusted.',
  COLLECTION_EXCEEDS_OUTSTANDING: "A collection above the item's amount minus what was already collected.",
  DISBURSEMENT_EXCEEDS_COLLECTED:
    'A disbursement above what was collected and not yet paid out on that item (Art. 47).',
  DUPLICATE_COLLECTION_ID: 'A collection with this collectionId was already recorded.',
  DUPLICATE_DISBURSEMENT_ID: 'A disbursement with this disbursementId was already recorded.',
  PAYEE_NOT_A_CREDITOR: 'payeePartyId is not a CREDITOR party of the case.',
  // Postponement, suspension, termination, settlement, entrustment.
  POSTPONEMENT_ON_PROTEST_ALREADY_USED: 'A second postponement on a protest-entitled request (once only, Art. 48(2)).',
  POSTPONEMENT_ON_PROTEST_TOO_LONG: 'A postponement on protest request longer than 3 months (Art. 48(2)).',
  POSTPONEMENT_ENDS_BEFORE_IT_STARTS: 'until is earlier than the postponement date.',
  SETTLEMENT_INCOMPLETE: 'Settle while some open item is not fully collected and paid out (details.outstanding).',
  NOTHING_ENFORCED: 'Settle when every item is terminated or entrusted: that is a termination, not a completion.',
  ENTRUST_TO_SAME_OFFICE: 'EntrustEnforcement to the office that holds the case.',
  // Taking a case up to the provincial office (rút lên, Law 2008 Art. 35(2)).
  CASE_ALREADY_AT_PROVINCE:
    'TakeUpCase of a case held by a provincial (or higher) office: there is nothing to take up (details.officeId, details.tier).',
  PROVINCIAL_OFFICE_NOT_IN_STRUCTURE:
    "TakeUpCase when no PROVINCE office is registered above the case's office on the act's date (details.officeLine).",
  HEAD_OF_PROVINCIAL_OFFICE_REQUIRED:
    'The act is reserved to the head of the provincial office named in details.requiredOfficeId (a complaint decision at that level, or taking a case up).',
  // Missed deadlines (sent by the deadline sweep).
  INVALID_DEADLINE: 'RecordMissedDeadline names a deadline other than VERIFICATION or REVERIFICATION (details.field).',
  // Corrective commands (admins; Law 2008 Art. 37, TT 04/2023 Art. 36).
  REASON_REQUIRED: 'A corrective command without a non-blank reason (details.field = reason).',
  DECISION_NOT_FOUND:
    "decisionNumber is not the case's enforcement decision (details.decisionNumber, details.enforcementDecision).",
  EVENT_NOT_FOUND: 'CorrectRecordedFact names an event id that is not in this case stream (details.eventId).',
  EVENT_ALREADY_RETRACTED:
    'CorrectRecordedFact retracts outright an event already retracted outright, or names a correction already retracted (details.eventId).',
  EVENT_NOT_RETRACTABLE:
    'CorrectRecordedFact on CaseReceived or EnforcementDecisionIssued: withdraw or annul the decision instead (details.retractedType).',
  INVALID_CORRECTED_DATA:
    'correctedData on a correction (retract it, or correct its event again), or correctedData is not a non-empty JSON object, names a field the event lacks or no correction may change (placement, ids, derived due dates), changes a value to another kind, an impossible date or amount, an unknown ground or item, or changes nothing (details.field).',
  CORRECTION_BREAKS_MONEY:
    'After the correction an item would hold more collected than owed or more paid out than collected (details.itemId, details.field).',
  CORRECTION_BREAKS_SETTLEMENT:
    'The case is settled and the correction would leave an item not collected and paid out in full: retract the settlement first (details.outstanding).',
  CORRECTION_BREAKS_HISTORY:
    'A retraction would leave a later fact without its ground (a resumption without its postponement, a reopening to a status the corrected case would not reopen to, a step of a status the case never reached): retract the later facts first (details.retractedType, details.brokenBy, details.reason).',
  CASE_HISTORY_INCONSISTENT:
    'The recorded case history cannot be folded (an event that does not follow from the ones before it): a stored-data fault, never the request.',
  CORRECTION_BEFORE_CORRECTED_ACT:
    'A corrective command dated before the act it corrects (details.effectiveDate, details.correctedActOn).',
  OFFICER_UNCHANGED: 'ReassignOfficer names the officer already assigned.',
  CASE_NOT_CLOSED: 'ReopenCase on a case that is not settled, terminated or withdrawn (details.status).',
  DEADLINE_NOT_PASSED:
    'RecordMissedDeadline detected on or before dueOn: a deadline is missed only after its last day.',
} as const;

/** A stable error code of the `case` aggregate. */
export type CaseErrorCode = keyof typeof CASE_ERROR_CODES;

/** The kind of each code of the `case` aggregate (shared/error-kind.ts): the API's HTTP status follows from it. */
export const CASE_ERROR_KINDS = {
  INVALID_DATE: 'malformed',
  INVALID_MONEY: 'malformed',
  INVALID_AMOUNT: 'malformed',
  MISSING_FIELD: 'malformed',
  CALENDAR_NOT_COVERED: 'unprocessable',
  MISSING_OBLIGATIONS: 'malformed',
  DUPLICATE_ITEM_ID: 'unprocessable',
  DUPLICATE_PARTY_ID: 'unprocessable',
  MISSING_PARTY_ROLE: 'malformed',
  MODE_SOURCE_MISMATCH: 'unprocessable',
  RECEIVED_BEFORE_JUDGMENT_EFFECTIVE: 'unprocessable',
  JUDGMENT_EFFECTIVE_BEFORE_ISSUE: 'unprocessable',
  INVALID_ITEM_LIST: 'malformed',
  CASE_ALREADY_EXISTS: 'conflict',
  CASE_NOT_FOUND: 'not_found',
  CASE_CLOSED: 'conflict',
  INVALID_STATE_TRANSITION: 'conflict',
  EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT: 'conflict',
  ACT_DATED_IN_FUTURE: 'unprocessable',
  REQUEST_REJECTION_NOT_APPLICABLE: 'conflict',
  SERVED_BEFORE_DECISION: 'unprocessable',
  MISSING_GROUND: 'malformed',
  NOT_ENFORCEABLE_NOT_VERIFIED: 'conflict',
  NOT_ENFORCEABLE_GROUND_MISMATCH: 'conflict',
  SEPARATE_REGISTER_TOO_EARLY: 'conflict',
  SEPARATE_REGISTER_NEEDS_TWO_VERIFICATIONS: 'conflict',
  SEPARATE_REGISTER_ON_REQUEST: 'conflict',
  SEND_BACK_NOT_IN_FORCE: 'conflict',
  SEND_BACK_EX_OFFICIO: 'conflict',
  SEND_BACK_TOO_EARLY: 'conflict',
  SEND_BACK_NEEDS_REVERIFICATION: 'conflict',
  CONDITIONS_NOT_VERIFIED: 'conflict',
  CASE_NOT_ENFORCEABLE: 'conflict',
  ENFORCEMENT_POSTPONED: 'conflict',
  ENFORCEMENT_SUSPENDED: 'conflict',
  VOLUNTARY_PERIOD_RUNNING: 'conflict',
  COERCION_AT_NIGHT: 'conflict',
  COERCION_ON_NON_WORKING_DAY: 'conflict',
  COERCION_SCHEDULED_BEFORE_DECISION: 'unprocessable',
  COERCION_NOT_DECIDED: 'conflict',
  DUPLICATE_MEASURE_ID: 'conflict',
  ASSET_NOT_FOUND: 'unprocessable',
  ASSET_ALREADY_SEIZED: 'conflict',
  ASSET_ALREADY_VALUED: 'conflict',
  ASSET_NOT_VALUED: 'conflict',
  ASSET_ALREADY_SOLD: 'conflict',
  AUCTION_PRICE_REQUIRED: 'unprocessable',
  SALE_PRICE_BELOW_STARTING_PRICE: 'conflict',
  AUCTION_PRICE_NOT_REDUCED: 'conflict',
  AUCTION_NOT_FAILED: 'conflict',
  PRICE_NOT_REDUCED: 'conflict',
  PRICE_REDUCTION_EXCEEDS_10_PERCENT: 'conflict',
  ITEM_NOT_FOUND: 'unprocessable',
  ITEM_NOT_OPEN: 'conflict',
  COLLECTION_EXCEEDS_OUTSTANDING: 'conflict',
  DISBURSEMENT_EXCEEDS_COLLECTED: 'conflict',
  DUPLICATE_COLLECTION_ID: 'conflict',
  DUPLICATE_DISBURSEMENT_ID: 'conflict',
  PAYEE_NOT_A_CREDITOR: 'unprocessable',
  POSTPONEMENT_ON_PROTEST_ALREADY_USED: 'conflict',
  POSTPONEMENT_ON_PROTEST_TOO_LONG: 'conflict',
  POSTPONEMENT_ENDS_BEFORE_IT_STARTS: 'unprocessable',
  SETTLEMENT_INCOMPLETE: 'conflict',
  NOTHING_ENFORCED: 'conflict',
  ENTRUST_TO_SAME_OFFICE: 'conflict',
  CASE_ALREADY_AT_PROVINCE: 'conflict',
  PROVINCIAL_OFFICE_NOT_IN_STRUCTURE: 'unprocessable',
  HEAD_OF_PROVINCIAL_OFFICE_REQUIRED: 'forbidden',
  INVALID_DEADLINE: 'malformed',
  REASON_REQUIRED: 'malformed',
  DECISION_NOT_FOUND: 'unprocessable',
  EVENT_NOT_FOUND: 'unprocessable',
  EVENT_ALREADY_RETRACTED: 'conflict',
  EVENT_NOT_RETRACTABLE: 'unprocessable',
  INVALID_CORRECTED_DATA: 'malformed',
  CORRECTION_BREAKS_MONEY: 'conflict',
  CORRECTION_BREAKS_SETTLEMENT: 'conflict',
  CORRECTION_BEFORE_CORRECTED_ACT: 'unprocessable',
  CORRECTION_BREAKS_HISTORY: 'conflict',
  OFFICER_UNCHANGED: 'conflict',
  CASE_NOT_CLOSED: 'conflict',
  DEADLINE_NOT_PASSED: 'conflict',
  CASE_HISTORY_INCONSISTENT: 'stored_data',
} as const satisfies Record<CaseErrorCode, DomainErrorKind>;
