import type { OfficeSource } from '../../../apps/api/src/auth/access-policy';
import type { RouteAccess } from '../../../apps/api/src/auth/route-table';
import { receiveCaseBody } from './case-fixtures';
import type { TestApp } from './test-app';

/** The office hierarchy and records the role × route matrix runs against. */
export const MATRIX = {
  caseId: 'HP-2018-0001',
  complaintId: 'KN-2018-0001',
  /** The case's office; also the office in `:officeId` paths. */
  office: 'HP-NGO-QUYEN',
  /** Its parent: the office that sets its target and registers its siblings. */
  parentOffice: 'HP',
  /** A sibling: never the office a matrix request is about. */
  otherOffice: 'HP-LE-CHAN',
} as const;

/** Registers TC → HP → {HP-NGO-QUYEN, HP-LE-CHAN}, receives and decides a case, files a complaint on it. */
export async function seedMatrixRecords(t: TestApp): Promise<void> {
  const office = (officeId: string, tier: string, parentOfficeId?: string) => ({
    officeId,
    name: `Cơ quan ${officeId}`,
    tier,
    effectiveDate: '2017-10-01',
    ...(parentOfficeId ? { parentOfficeId } : {}),
  });
  await t.http.post('/api/v1/offices').send(office('TC', 'GENERAL_DEPARTMENT')).expect(201);
  await t.http
    .post('/api/v1/offices')
    .send(office(MATRIX.parentOffice, 'PROVINCE', 'TC'))
    .expect(201);
  await t.http
    .post('/api/v1/offices')
    .send(office(MATRIX.office, 'DISTRICT', MATRIX.parentOffice))
    .expect(201);
  await t.http
    .post('/api/v1/offices')
    .send(office(MATRIX.otherOffice, 'DISTRICT', MATRIX.parentOffice))
    .expect(201);
  await t.http.post('/api/v1/cases').send(receiveCaseBody(MATRIX.caseId)).expect(201);
  await t.http
    .post(`/api/v1/cases/${MATRIX.caseId}/issue-enforcement-decision`)
    .send({ decisionNumber: '101/QĐ', effectiveDate: '2018-03-05' })
    .expect(200);
  await t.http.post('/api/v1/complaints').send(complaintBody(MATRIX.complaintId)).expect(201);
}

/** One request to a route, as an in-office caller would send it. */
export interface MatrixRequest {
  readonly url: string;
  readonly body: object;
  /** The office an officer or head must hold for this request (the office the route's policy resolves to). */
  readonly inOffice: string;
  /**
   * The refusal of an officer or head of another office: FORBIDDEN_OFFICE, the authority a complaint level needs, or,
   * where the office comes from a stored case or complaint, the 404 an unknown id gets (its existence is not told);
   * undefined when any office will do (the session route is about the bearer).
   */
  readonly outOfOffice?: { readonly status: 403 | 404; readonly code: string };
}

let created = 0;

/** A realistic request for `route`: path ids filled from MATRIX, a body the route's DTO accepts where one is known. */
export function matrixRequest(route: RouteAccess): MatrixRequest {
  created += 1;
  const path = route.path
    .replace(':caseId', MATRIX.caseId)
    .replace(':complaintId', MATRIX.complaintId)
    .replace(':officeId', MATRIX.office);
  const office = route.policy && !route.policy.public ? route.policy.office : undefined;
  // The matrix complaint is about the district head, so its level 1 is decided by the head of the province above.
  const fromAbove = office === 'parent-of-office-in-path' || office === 'parent-in-body';
  // Deciding the matrix complaint, or taking its case up, is for the head of the province above the district.
  const decidingComplaint = office === 'complaint-deciding-office' || office === 'province-above-case-in-path';
  return {
    url: path + queryOf(route),
    body: BODIES[`${route.method} ${route.path}`]?.(created) ?? {},
    inOffice: fromAbove || decidingComplaint ? MATRIX.parentOffice : MATRIX.office,
    ...(office !== 'any-office-in-token' && { outOfOffice: outOfOfficeRefusal(office) }),
  };
}

function outOfOfficeRefusal(office: OfficeSource | undefined): { status: 403 | 404; code: string } {
  if (office === 'case-in-path' || office === 'case-in-body') return { status: 404, code: 'CASE_NOT_FOUND' };
  if (office === 'complaint-in-path') return { status: 404, code: 'COMPLAINT_NOT_FOUND' };
  if (office === 'complaint-deciding-office' || office === 'province-above-case-in-path')
    return { status: 403, code: 'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED' };
  return { status: 403, code: 'FORBIDDEN_OFFICE' };
}

function queryOf(route: RouteAccess): string {
  if (route.path === '/api/v1/reports/completion') return `?office=${MATRIX.office}&period=2018-03`;
  if (route.path === '/api/v1/cases' || route.path === '/api/v1/complaints')
    return route.method === 'GET' ? `?office=${MATRIX.office}` : '';
  return '';
}

function complaintBody(complaintId: string) {
  return {
    complaintId,
    caseId: MATRIX.caseId,
    complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
    subject: { kind: 'DECISION', reference: '101/QĐ', description: 'Wrong amount' },
    group: 'A',
    respondent: { role: 'OFFICE_HEAD', officeId: MATRIX.office, officeTier: 'DISTRICT' },
    knownOn: '2018-03-06',
    effectiveDate: '2018-03-12',
  };
}

const CASE = `/api/v1/cases/:caseId`;
const BODIES: Record<string, (n: number) => object> = {
  'POST /api/v1/cases': (n) => receiveCaseBody(`HP-MATRIX-${n}`),
  'POST /api/v1/complaints': (n) => complaintBody(`KN-MATRIX-${n}`),
  'POST /api/v1/offices': (n) => ({
    officeId: `HP-MATRIX-${n}`,
    name: 'Phòng mới',
    parentOfficeId: MATRIX.parentOffice,
    tier: 'DISTRICT',
    effectiveDate: '2017-10-01',
  }),
  'POST /api/v1/offices/:officeId/targets': () => ({
    reportingYear: 2018,
    casesRatePercent: '72',
    moneyRatePercent: '32',
    effectiveDate: '2017-10-02',
  }),
  'POST /api/v1/offices/:officeId/close-period': () => ({ period: '2018-03', effectiveDate: '2018-04-02' }),
  [`POST ${CASE}/reject-enforcement-request`]: () => ({ ground: 'NOT_COMPETENT', effectiveDate: '2018-03-02' }),
  [`POST ${CASE}/issue-enforcement-decision`]: () => ({ decisionNumber: '102/QĐ', effectiveDate: '2018-03-05' }),
  [`POST ${CASE}/decide-not-enforceable`]: () => ({
    decisionNumber: '3/QĐ-CĐK',
    ground: 'NO_INCOME_OR_ASSETS',
    effectiveDate: '2018-03-23',
  }),
  [`POST ${CASE}/record-periodic-reverification`]: () => ({
    result: 'ENFORCEABLE',
    findings: 'New income',
    effectiveDate: '2018-03-24',
  }),
  [`POST ${CASE}/apply-security-measure`]: (n) => ({
    measureId: `m-${n}`,
    kind: 'ACCOUNT_FREEZE',
    description: 'Freeze the debtor account',
    effectiveDate: '2018-03-06',
  }),
  [`POST ${CASE}/decide-coercion`]: () => ({
    decisionNumber: '15/QĐ-CC',
    measure: 'SEIZE_AND_SELL',
    scheduledAt: '2018-03-22T09:00',
    effectiveDate: '2018-03-21',
  }),
  [`POST ${CASE}/seize-asset`]: (n) => ({
    assetId: `asset-${n}`,
    kind: 'VEHICLE',
    description: 'Car',
    effectiveDate: '2018-03-22',
  }),
  [`POST ${CASE}/record-valuation`]: () => ({
    assetId: 'asset-1',
    value: '500000000',
    valuer: 'Công ty Thẩm định giá HP',
    effectiveDate: '2018-03-23',
  }),
  [`POST ${CASE}/record-auction-result`]: () => ({
    assetId: 'asset-1',
    outcome: 'FAILED',
    effectiveDate: '2018-03-24',
  }),
  [`POST ${CASE}/reduce-auction-price`]: () => ({
    assetId: 'asset-1',
    newPrice: '450000000',
    effectiveDate: '2018-03-25',
  }),
  [`POST ${CASE}/disburse-funds`]: (n) => ({
    disbursementId: `d-${n}`,
    itemId: 'debt',
    amount: '1000',
    payeePartyId: 'creditor-1',
    effectiveDate: '2018-03-26',
  }),
  [`POST ${CASE}/suspend-enforcement`]: () => ({
    decisionNumber: '8/QĐ-ĐC',
    ground: 'CASSATION_PROTEST',
    effectiveDate: '2018-03-27',
  }),
  [`POST ${CASE}/resume-enforcement`]: () => ({ decisionNumber: '9/QĐ-TT', effectiveDate: '2018-03-28' }),
  [`POST ${CASE}/terminate-enforcement`]: () => ({
    decisionNumber: '10/QĐ-ĐC',
    ground: 'SETTLEMENT_OR_WAIVER',
    effectiveDate: '2018-03-29',
  }),
  [`POST ${CASE}/entrust-enforcement`]: () => ({
    decisionNumber: '11/QĐ-UT',
    targetOfficeId: 'DN',
    effectiveDate: '2018-03-29',
  }),
  'POST /api/v1/complaints/:complaintId/decline': () => ({
    ground: 'NO_DIRECT_INTEREST',
    explanation: 'Not a party',
    effectiveDate: '2018-03-14',
  }),
  [`POST ${CASE}/assign-enforcement-officer`]: () => ({ officerId: 'chv-tran-b', effectiveDate: '2018-03-05' }),
  [`POST ${CASE}/record-verification`]: () => ({
    result: 'ENFORCEABLE',
    findings: 'Debtor owns a house',
    effectiveDate: '2018-03-20',
  }),
  [`POST ${CASE}/record-collection`]: (n) => ({
    collectionId: `c-${n}`,
    itemId: 'debt',
    amount: '1000000',
    source: 'VOLUNTARY',
    effectiveDate: '2018-03-21',
  }),
  [`POST ${CASE}/postpone-enforcement`]: () => ({
    decisionNumber: '7/QĐ-HOÃN',
    ground: 'SERIOUS_ILLNESS',
    effectiveDate: '2018-03-22',
  }),
  [`POST ${CASE}/settle`]: () => ({ effectiveDate: '2018-03-28' }),
  [`POST ${CASE}/withdraw-decision`]: () => ({
    decisionNumber: '101/QĐ',
    ground: 'WRONG_CONTENT',
    reason: 'Matrix',
    effectiveDate: '2018-03-29',
  }),
  [`POST ${CASE}/amend-decision`]: () => ({
    decisionNumber: '101/QĐ',
    amendment: 'Address',
    reason: 'Matrix',
    effectiveDate: '2018-03-29',
  }),
  [`POST ${CASE}/annul-decision`]: () => ({
    decisionNumber: '101/QĐ',
    annulledBy: 'Cục THADS HP',
    ground: 'WRONG_CONTENT',
    reason: 'Matrix',
    effectiveDate: '2018-03-29',
  }),
  [`POST ${CASE}/correct-recorded-fact`]: () => ({
    eventId: 'no-such-event',
    reason: 'Matrix',
    effectiveDate: '2018-03-29',
  }),
  [`POST ${CASE}/reassign-officer`]: (n) => ({ officerId: `chv-${n}`, reason: 'Matrix', effectiveDate: '2018-03-29' }),
  [`POST ${CASE}/reopen-case`]: () => ({ reason: 'Matrix', effectiveDate: '2018-03-29' }),
  'POST /api/v1/complaints/:complaintId/accept': () => ({ effectiveDate: '2018-03-14' }),
  'POST /api/v1/complaints/:complaintId/decide': () => ({
    decisionNumber: '05/QĐ-GQKN',
    finding: 'UNFOUNDED',
    effectiveDate: '2018-03-26',
  }),
};
