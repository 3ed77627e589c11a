/** Request bodies for a realistic on-request debt case, as a client would send them. */
export function receiveCaseBody(caseId: string, overrides: Record<string, unknown> = {}) {
  return {
    caseId,
    officeId: 'HP-NGO-QUYEN',
    source: 'REQUEST',
    mode: 'ON_REQUEST',
    judgment: {
      number: '12/2017/DS-PT',
      court: 'Tòa án nhân dân thành phố Hải Phòng',
      issuedOn: '2017-11-20',
      legallyEffectiveOn: '2017-11-20',
    },
    parties: [
      { partyId: 'creditor-1', role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ngân hàng TMCP Hàng Hải' },
      { partyId: 'debtor-1', role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn A', address: 'Ngô Quyền, Hải Phòng' },
    ],
    obligations: [{ itemId: 'debt', kind: 'DEBT', description: 'Repay the loan and interest', amount: '850000000' }],
    effectiveDate: '2018-03-01',
    ...overrides,
  };
}

/** The three-tier Hải Phòng line of 2018: TC (General Department) → HP (province) → HP-NGO-QUYEN, HP-LE-CHAN. */
export const HAI_PHONG_2018_OFFICES = [
  { officeId: 'TC', name: 'Tổng cục THADS', tier: 'GENERAL_DEPARTMENT', effectiveDate: '2017-10-01' },
  {
    officeId: 'HP',
    name: 'Cục THADS TP Hải Phòng',
    tier: 'PROVINCE',
    parentOfficeId: 'TC',
    effectiveDate: '2017-10-01',
  },
  {
    officeId: 'HP-NGO-QUYEN',
    name: 'Chi cục THADS quận Ngô Quyền',
    tier: 'DISTRICT',
    parentOfficeId: 'HP',
    effectiveDate: '2017-10-01',
  },
  {
    officeId: 'HP-LE-CHAN',
    name: 'Chi cục THADS quận Lê Chân',
    tier: 'DISTRICT',
    parentOfficeId: 'HP',
    effectiveDate: '2017-10-01',
  },
] as const;
