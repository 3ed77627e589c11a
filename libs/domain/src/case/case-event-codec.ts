import { moneyFieldCodec } from '../shared/event-codec';
import type { CaseEvent } from './case-events';

/**
 * Stored JSON form of case events: every bigint is a decimal string. The lists below name each event's money
 * fields, so decode turns exactly those back into bigint. A new money field must be added here, or it would come
 * back from the store as a string.
 */
export const caseEventCodec = moneyFieldCodec<CaseEvent>({
  CaseReceived: ['obligations[].amount'],
  EnforcementRequestRejected: [],
  EnforcementDecisionIssued: [],
  EnforcementOfficerAssigned: [],
  EnforcementConditionsVerified: [],
  NotEnforceableDecided: [],
  ConditionsReverified: [],
  SecurityMeasureApplied: [],
  CoercionDecided: [],
  AssetSeized: [],
  AssetValued: ['value'],
  AssetSoldAtAuction: ['price'],
  AuctionFailed: ['startingPrice'],
  AuctionPriceReduced: ['previousPrice', 'newPrice'],
  FundsCollected: ['amount'],
  FundsDisbursed: ['amount'],
  EnforcementPostponed: [],
  EnforcementSuspended: [],
  EnforcementResumed: [],
  EnforcementTerminated: [],
  ObligationItemsTerminated: [],
  CaseSettled: [],
  EnforcementEntrusted: [],
  MovedToSeparateTrackingRegister: [],
  EnforcementRequestSentBack: [],
  CaseTakenUp: [],
  VerificationDeadlineMissed: [],
  ReverificationDeadlineMissed: [],
  DecisionWithdrawn: [],
  DecisionAmended: [],
  DecisionAnnulled: [],
  // correctedData keeps its JSON form; it is decoded with the retracted event's own codec when folded in its place.
  FactRetracted: [],
  OfficerReassigned: [],
  CaseReopened: [],
});
