import type { ActingOfficial, OfficeLine } from './complaint-authority';
import type { ComplaintCommand, FileComplaint } from './complaint-commands';
import type { ComplaintEvent } from './complaint-events';

/**
 * Test data for the complaint specs (not exported from the lib): a group A complaint about a district enforcement
 * officer, taken through both levels in 2024. Every due date is worked out by hand in the comments.
 */

export const COMPLAINT_ID = 'cpl-2024-0001';
export const CASE_ID = 'case-2024-0042';
const ids = { complaintId: COMPLAINT_ID, caseId: CASE_ID };

export function fileCommand(overrides: Partial<FileComplaint['data']> = {}): FileComplaint {
  return {
    type: 'FileComplaint',
    data: {
      ...ids,
      complainant: { name: 'Nguyễn Văn A', partyId: 'party-1' },
      subject: { kind: 'DECISION', reference: '123/QĐ-CCTHADS', description: 'Quyết định thi hành án sai đối tượng' },
      group: 'A',
      respondent: { role: 'ENFORCEMENT_OFFICER', officeId: 'office-hp-lechan', officeTier: 'DISTRICT' },
      knownOn: '2024-03-01',
      effectiveDate: '2024-03-04',
      ...overrides,
    },
  };
}

/** The respondent's line: the Lê Chân district office under Hải Phòng, the General Department and the Ministry. */
export const OFFICE_LINE: OfficeLine = [
  { officeId: 'office-hp-lechan', tier: 'DISTRICT' },
  { officeId: 'office-hp', tier: 'PROVINCE' },
  { officeId: 'office-tc', tier: 'GENERAL_DEPARTMENT' },
  { officeId: 'office-moj', tier: 'MINISTRY' },
];
/** A head of every office in the line: holds whatever authority a level needs, for specs not about authority. */
export const HEAD_OF_EVERY_OFFICE: ActingOfficial = { role: 'head', officeIds: OFFICE_LINE.map((o) => o.officeId) };
export const headOf = (officeId: string): ActingOfficial => ({ role: 'head', officeIds: [officeId] });
const asAuthority = (official: ActingOfficial) => ({ official, officeLine: OFFICE_LINE });
/** The authority fields of a command recorded by a head of every office: spread into hand-written commands. */
export const COMPETENT = asAuthority(HEAD_OF_EVERY_OFFICE);

export const accept = (effectiveDate: string, official = HEAD_OF_EVERY_OFFICE): ComplaintCommand => ({
  type: 'AcceptComplaint',
  data: { effectiveDate, ...asAuthority(official) },
});
export const decline = (effectiveDate: string, official = HEAD_OF_EVERY_OFFICE): ComplaintCommand => ({
  type: 'DeclineComplaint',
  data: {
    ground: 'NO_DIRECT_INTEREST',
    explanation: 'Người khiếu nại không có quyền, lợi ích liên quan',
    effectiveDate,
    ...asAuthority(official),
  },
});
export const decideCommand = (
  effectiveDate: string,
  decisionNumber = '45/QĐ-GQKN',
  official = HEAD_OF_EVERY_OFFICE,
): ComplaintCommand => ({
  type: 'DecideComplaint',
  data: {
    decisionNumber,
    finding: 'PARTLY_JUSTIFIED',
    remedies: 'Sửa đổi quyết định',
    effectiveDate,
    ...asAuthority(official),
  },
});
export const escalate = (effectiveDate: string, decisionReceivedOn?: string): ComplaintCommand => ({
  type: 'EscalateComplaint',
  data: decisionReceivedOn === undefined ? { effectiveDate } : { decisionReceivedOn, effectiveDate },
});
export const withdraw = (effectiveDate: string): ComplaintCommand => ({
  type: 'WithdrawComplaint',
  data: { effectiveDate },
});

const base = (effectiveDate: string) => ({ ...ids, effectiveDate, ruleSet: 'LAW_2008_2014' as const });

const filedCommon = {
  ...base('2024-03-04'),
  complainant: { name: 'Nguyễn Văn A', partyId: 'party-1' },
  subject: {
    kind: 'DECISION' as const,
    reference: '123/QĐ-CCTHADS',
    description: 'Quyết định thi hành án sai đối tượng',
  },
  respondent: { role: 'ENFORCEMENT_OFFICER' as const, officeId: 'office-hp-lechan', officeTier: 'DISTRICT' as const },
  knownOn: '2024-03-01',
  forceMajeureDays: 0,
  level: 1 as const,
  decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE' as const,
  authorityBasis: 'Law 2008 Art. 142',
  acceptanceDueOn: '2024-03-11', // 5 working days after Mon 4 Mar
};

export const filed: ComplaintEvent = {
  type: 'ComplaintFiled',
  data: {
    ...filedCommon,
    group: 'A',
    filingDeadline: '2024-03-18', // 1 Mar + 15 days = Sat 16 Mar → Mon 18 Mar (Civil Code Art. 148(5))
    secondLevelAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
  },
};

/** The same complaint about a security measure (group B): 10 days to file, no second level. */
export const filedGroupB: ComplaintEvent = {
  type: 'ComplaintFiled',
  data: { ...filedCommon, group: 'B_OTHER_SECURITY', filingDeadline: '2024-03-11' },
};

export const acceptedAtLevel1: ComplaintEvent = {
  type: 'ComplaintAccepted',
  data: { ...base('2024-03-08'), level: 1, resolutionDueOn: '2024-03-25', acceptedLate: false }, // 8 Mar + 15 = Sat 23 → Mon 25
};

export const decidedAtLevel1: ComplaintEvent = {
  type: 'ComplaintDecided',
  data: {
    ...base('2024-03-20'),
    level: 1,
    decidingAuthority: 'HEAD_OF_DISTRICT_OFFICE',
    decisionNumber: '45/QĐ-GQKN',
    finding: 'PARTLY_JUSTIFIED',
    remedies: 'Sửa đổi quyết định',
    final: false,
    escalationDeadline: '2024-04-04', // 20 Mar + 15 days
    decidedLate: false,
  },
};

export const escalated: ComplaintEvent = {
  type: 'ComplaintEscalated',
  data: {
    ...base('2024-03-28'),
    level: 2,
    fromAuthority: 'HEAD_OF_DISTRICT_OFFICE',
    toAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
    decisionReceivedOn: '2024-03-22',
    acceptanceDueOn: '2024-04-08', // 28 Mar + 10 days = Sun 7 Apr → Mon 8 Apr
  },
};

export const acceptedAtLevel2: ComplaintEvent = {
  type: 'ComplaintAccepted',
  data: { ...base('2024-04-02'), level: 2, resolutionDueOn: '2024-05-02', acceptedLate: false }, // 2 Apr + 30 days
};

export const decidedAtLevel2: ComplaintEvent = {
  type: 'ComplaintDecided',
  data: {
    ...base('2024-04-25'),
    level: 2,
    decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
    decisionNumber: '12/QĐ-CTHADS',
    finding: 'UNFOUNDED',
    final: true,
    decidedLate: false,
  },
};

/** The whole two-level path, in order. */
export const FULL_PATH: readonly ComplaintEvent[] = [
  filed,
  acceptedAtLevel1,
  decidedAtLevel1,
  escalated,
  acceptedAtLevel2,
  decidedAtLevel2,
];

/** Every command kind on `effectiveDate`, for "nothing is allowed here" tables. */
export function everyLaterCommand(effectiveDate: string): readonly ComplaintCommand[] {
  return [
    accept(effectiveDate),
    decline(effectiveDate),
    decideCommand(effectiveDate),
    escalate(effectiveDate),
    withdraw(effectiveDate),
  ];
}
