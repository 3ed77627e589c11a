import type { CaseEventType } from './case-events';

/**
 * The legal basis an auditor sees beside each step of a case's history (docs/architecture.md, auditor row). Data, not logic:
 * the article of the Law on Civil Judgment Enforcement 2008 (as amended 2014) or its decree that authorises the act.
 * Typed by CaseEventType, so a new event type does not compile until it is given a basis here.
 */
export const CASE_LEGAL_BASIS: { readonly [Type in CaseEventType]: string } = {
  CaseReceived: 'Law 2008 Art. 28–31',
  EnforcementRequestRejected: 'Law 2008 Art. 31(5)',
  EnforcementDecisionIssued: 'Law 2008 Art. 36',
  EnforcementOfficerAssigned: 'Decree 62/2015 Art. 8',
  EnforcementConditionsVerified: 'Law 2008 Art. 44',
  NotEnforceableDecided: 'Law 2008 Art. 44a',
  ConditionsReverified: 'Law 2008 Art. 44(2)',
  SecurityMeasureApplied: 'Law 2008 Art. 66–69',
  CoercionDecided: 'Law 2008 Art. 46, 71',
  AssetSeized: 'Law 2008 Art. 87–98',
  AssetValued: 'Law 2008 Art. 98–99',
  AssetSoldAtAuction: 'Law 2008 Art. 101',
  AuctionFailed: 'Law 2008 Art. 104',
  AuctionPriceReduced: 'Law 2008 Art. 104',
  FundsCollected: 'Law 2008 Art. 47, 76–79',
  FundsDisbursed: 'Law 2008 Art. 47',
  EnforcementPostponed: 'Law 2008 Art. 48',
  EnforcementSuspended: 'Law 2008 Art. 49',
  EnforcementResumed: 'Law 2008 Art. 48(3), 49(3)',
  EnforcementTerminated: 'Law 2008 Art. 50',
  ObligationItemsTerminated: 'Law 2008 Art. 50',
  CaseSettled: 'Law 2008 Art. 52(1)',
  EnforcementEntrusted: 'Law 2008 Art. 55–57',
  MovedToSeparateTrackingRegister: 'Decree 62/2015 Art. 9(5); from 2026-07-01 Decree 152/2026 Art. 22(1)',
  EnforcementRequestSentBack: 'Law 106/2025 Art. 38 [I: clause not confirmed]; Decree 152/2026 Art. 22(2), 32(1)(d)',
  CaseTakenUp: 'Law 2008 Art. 35(2)',
  VerificationDeadlineMissed: 'Law 2008 Art. 44(1)',
  ReverificationDeadlineMissed: 'Law 2008 Art. 44(2)',
  DecisionWithdrawn: 'Law 2008 Art. 37(1)',
  DecisionAmended: 'Law 2008 Art. 37(2)',
  DecisionAnnulled: 'Law 2008 Art. 37(3)',
  FactRetracted: 'TT 04/2023 Art. 36',
  OfficerReassigned: 'Decree 62/2015 Art. 8',
  CaseReopened: 'Law 2008 Art. 37; TT 04/2023 Art. 36',
};

/** The legal basis of a stored event type; null for a type this table does not know (e.g. a future correction). */
export function legalBasisOf(eventType: string): string | null {
  return Object.prototype.hasOwnProperty.call(CASE_LEGAL_BASIS, eventType)
    ? CASE_LEGAL_BASIS[eventType as CaseEventType]
    : null;
}
