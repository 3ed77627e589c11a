/**
 * The non-money acts of a generated case, each dated within its legal time limit where the law sets one (domain
 * calendar: dueDate, working days), and each only from a status the case decider allows it in.
 */
import {
  addMonths,
  daysBetween,
  dueDate,
  LAW_106_2025_EFFECTIVE,
  LAW_106_2025_RULES,
  type LocalDate,
  type NotEnforceableGround,
  type PostponementGround,
  type SuspensionGround,
  type TerminationGround,
} from '@thads/domain';
import { DoesNotFit, laterDay, laterWorkingDay, record, type CaseScript } from './case-script';
import type { CaseIdentity } from './case-identity';

/** Filled in when the plan gets its case id and the office's decision register numbers (case-numbering.ts). */
export const UNNUMBERED = '?';

/** Receipt, the enforcement decision (≤5 WD, Art. 36), service (≤3 WD) and the officer's assignment. */
export function intake(
  script: CaseScript,
  identity: CaseIdentity,
  officeId: string,
  officerId: string,
  receivedOn: LocalDate,
): void {
  record(script, 'officer', {
    type: 'ReceiveCase',
    data: {
      caseId: UNNUMBERED,
      officeId,
      source: identity.mode === 'ON_REQUEST' ? 'REQUEST' : 'JUDGMENT',
      mode: identity.mode,
      judgment: identity.judgment,
      parties: identity.parties,
      obligations: identity.obligations,
      effectiveDate: receivedOn,
    },
  });
  const decidedOn = laterWorkingDay(script, 0, 4);
  const servedOn = script.tempo === 'hurried' ? decidedOn : laterWorkingDay({ ...script, date: decidedOn }, 0, 3);
  record(script, 'head', {
    type: 'IssueEnforcementDecision',
    data: { decisionNumber: UNNUMBERED, servedOn, effectiveDate: decidedOn },
  });
  record(script, 'head', {
    type: 'AssignEnforcementOfficer',
    data: { officerId, effectiveDate: laterWorkingDay(script, 0, 1) },
  });
  script.status = 'decided';
  script.items = identity.obligations.map((item) => ({
    itemId: item.itemId,
    amount: item.amount,
    collected: 0n,
    disbursed: 0n,
    toStateBudget: identity.creditorPartyId === undefined,
  }));
  script.creditorPartyId = identity.creditorPartyId;
  script.voluntaryPeriodEndsOn = dueDate('VOLUNTARY_PERIOD', servedOn);
  script.verificationDueOn = dueDate('VERIFICATION_START', script.voluntaryPeriodEndsOn);
}

/** Verification once the voluntary period is over (Art. 44(1)), within its 10 days when the phase allows. */
export function verifyEnforceable(
  script: CaseScript,
  findings = 'Người phải thi hành án có tài sản, thu nhập để thi hành án',
): void {
  const date = verificationDate(script);
  record(script, 'officer', {
    type: 'RecordVerification',
    data: { result: 'ENFORCEABLE', findings, effectiveDate: date },
  });
  script.status = 'enforceable';
}

/** A negative verification, then the head's not-enforceable decision within 5 WD (Art. 44a). */
export function decideNotEnforceable(script: CaseScript, ground: NotEnforceableGround): void {
  const findings =
    ground === 'ADDRESS_UNKNOWN'
      ? 'Không xác định được địa chỉ, nơi cư trú của người phải thi hành án'
      : 'Người phải thi hành án không có thu nhập, tài sản để thi hành án';
  record(script, 'officer', {
    type: 'RecordVerification',
    data: { result: 'NOT_ENFORCEABLE', ground, findings, effectiveDate: verificationDate(script) },
  });
  const decidedOn = laterWorkingDay(script, 1, 5);
  record(script, 'head', {
    type: 'DecideNotEnforceable',
    data: { decisionNumber: UNNUMBERED, ground, effectiveDate: decidedOn },
  });
  script.status = 'not_enforceable';
  script.notEnforceableDecidedOn = decidedOn;
  script.longTermReverification = ground === 'ADDRESS_UNKNOWN';
  script.reverificationDueOn = dueDate(
    script.longTermReverification ? 'REVERIFICATION_LONG_TERM' : 'REVERIFICATION',
    decidedOn,
  );
}

/** Periodic re-verifications that still find nothing (Art. 44(2)), each on or a little before its due date, up to `until`. */
export function reverifyWhileDue(script: CaseScript, until: LocalDate): void {
  while (
    script.reverificationDueOn !== undefined &&
    script.reverificationDueOn <= until &&
    script.reverificationDueOn <= script.limit
  ) {
    const due = script.reverificationDueOn;
    const date = laterDay({ ...script, date: maxDate(script.date, addMonths(due, -1)) }, 0, 25);
    if (date > due) return;
    record(script, 'officer', {
      type: 'RecordPeriodicReverification',
      data: {
        result: 'STILL_NOT_ENFORCEABLE',
        findings: 'Xác minh lại, người phải thi hành án vẫn chưa có điều kiện',
        effectiveDate: date,
      },
    });
    script.negativeReverifications += 1;
    script.reverificationDueOn = dueDate(
      script.longTermReverification ? 'REVERIFICATION_LONG_TERM' : 'REVERIFICATION',
      date,
    );
  }
}

/** New assets found: a re-verification brings the case back to enforcement (Art. 44(2); Decree 62 Art. 9(4)). */
export function reverifyEnforceable(script: CaseScript): void {
  record(script, 'officer', {
    type: 'RecordPeriodicReverification',
    data: {
      result: 'ENFORCEABLE',
      findings: 'Phát hiện tài sản mới của người phải thi hành án',
      effectiveDate: laterDay(script, 1, 60),
    },
  });
  script.status = 'enforceable';
}

/**
 * The separate register (Decree 62 Art. 9(5)): a year after the decision and two negative re-verifications; two years
 * when `newLaw` (Decree 152/2026 Art. 22(1), ex officio cases only) or for a long-term re-verification.
 */
export function moveToSeparateRegister(script: CaseScript, newLaw = false): void {
  const decidedOn = script.notEnforceableDecidedOn;
  if (decidedOn === undefined || script.negativeReverifications < 2)
    throw new DoesNotFit('not yet eligible for the separate register');
  const eligibleOn = addMonths(
    decidedOn,
    script.longTermReverification || newLaw ? LAW_106_2025_RULES.separateRegisterAfterMonths : 12,
  );
  record(script, 'officer', {
    type: 'MoveToSeparateTrackingRegister',
    data: { effectiveDate: laterWorkingDay({ ...script, date: maxDate(script.date, eligibleOn) }, 0, 3) },
  });
  script.status = 'separately_tracked';
}

/** Hoãn (Art. 48) on `ground`; PARTIES_AGREE keeps the case enforceable in the statistics. */
export function postpone(script: CaseScript, ground: PostponementGround): void {
  const date = laterDay(script, 1, 90);
  const until =
    ground === 'PARTIES_AGREE' || ground === 'SERIOUS_ILLNESS'
      ? { until: addMonths(date, script.random.integer(2, 6)) }
      : {};
  record(script, 'head', {
    type: 'PostponeEnforcement',
    data: { decisionNumber: UNNUMBERED, ground, ...until, effectiveDate: date },
  });
  script.pausedFrom = script.status;
  script.status = 'postponed';
}

/** Tạm đình chỉ (Art. 49). */
export function suspend(script: CaseScript, ground: SuspensionGround): void {
  record(script, 'head', {
    type: 'SuspendEnforcement',
    data: { decisionNumber: UNNUMBERED, ground, effectiveDate: laterDay(script, 1, 90) },
  });
  script.pausedFrom = script.status;
  script.status = 'suspended';
}

/** The grounds ended; enforcement resumes within 5 WD (Art. 48(4), 49(3)), back where it was paused. */
export function resume(script: CaseScript): void {
  record(script, 'head', {
    type: 'ResumeEnforcement',
    data: { decisionNumber: UNNUMBERED, effectiveDate: laterDay(script, 1, 90) },
  });
  script.status = script.pausedFrom ?? 'decided';
}

/** Đình chỉ (Art. 50) of the whole case. */
export function terminate(script: CaseScript, ground: TerminationGround): void {
  record(script, 'head', {
    type: 'TerminateEnforcement',
    data: { decisionNumber: UNNUMBERED, ground, effectiveDate: laterDay(script, 1, 90) },
  });
  script.status = 'closed';
}

/** Ủy thác (Art. 55–57) of the whole case to the office where the debtor's assets or residence are. */
export function entrust(script: CaseScript, targetOfficeId: string): void {
  record(script, 'head', {
    type: 'EntrustEnforcement',
    data: { decisionNumber: UNNUMBERED, targetOfficeId, effectiveDate: laterWorkingDay(script, 1, 5) },
  });
  script.status = 'closed';
}

/**
 * Gửi lại yêu cầu (Law 106/2025; Decree 152/2026 Art. 22(2)): an on-request case not enforceable for 2 years and
 * re-verified since is sent back to the creditor by the head, on or after 1 July 2026; the case ends.
 */
export function sendBack(script: CaseScript): void {
  const decidedOn = script.notEnforceableDecidedOn;
  if (decidedOn === undefined || script.negativeReverifications < LAW_106_2025_RULES.sendBackMinimumReverifications)
    throw new DoesNotFit('not yet eligible to be sent back');
  const eligibleOn = maxDate(addMonths(decidedOn, LAW_106_2025_RULES.sendBackAfterMonths), LAW_106_2025_EFFECTIVE);
  record(script, 'head', {
    type: 'SendBackEnforcementRequest',
    data: {
      noticeNumber: `${script.random.integer(1, 400)}/TB-THADS`,
      effectiveDate: laterWorkingDay({ ...script, date: maxDate(script.date, eligibleOn) }, 0, 5),
    },
  });
  script.status = 'closed';
}

/** Rút lên (Law 2008 Art. 35(2)): the head of the provincial office above takes the case up; it ends here. */
export function takeUp(script: CaseScript, provinceId: string): void {
  record(
    script,
    'head',
    { type: 'TakeUpCase', data: { decisionNumber: UNNUMBERED, effectiveDate: laterWorkingDay(script, 1, 10) } },
    provinceId,
  );
  script.status = 'closed';
}

/** After the voluntary period, by its 10-day verification limit when the phase leaves room, else as soon as possible. */
function verificationDate(script: CaseScript): LocalDate {
  const voluntaryEnd = script.voluntaryPeriodEndsOn;
  if (voluntaryEnd === undefined) throw new Error('verification before the enforcement decision');
  const due = script.verificationDueOn ?? voluntaryEnd;
  const spread = script.date > due ? 20 : daysBetween(maxDate(script.date, voluntaryEnd), due);
  return laterDay(script, 0, Math.max(1, spread), voluntaryEnd);
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
