import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Office succession over HTTP (docs/domain.md "Offices and succession"): on 1 July 2025 the Ngô Quyền and Lê Chân
 * district offices merge into the regional unit HP-KV1. From that date the regional unit's officers work the district
 * office's open case, without a new case; the district's staff are refused with 403 OFFICE_SUCCEEDED and nothing is
 * written. Only admins change the structure.
 */
describe('office succession over HTTP', () => {
  let t: TestApp;
  const caseId = 'HP-NQ-2025-0001';
  const legalAct = { number: '1898/QĐ-BTP', issuedOn: '2025-06-20', issuedBy: 'Bộ Tư pháp' };
  const merger = {
    predecessorOfficeIds: ['HP-NGO-QUYEN', 'HP-LE-CHAN'],
    successorOfficeId: 'HP-KV1',
    effectiveDate: '2025-07-01',
    legalAct,
  };
  const admin = () => t.as('admin', [], 'admin-1');
  const caseUrl = (act: string) => `/api/v1/cases/${caseId}/${act}`;
  let lastPosition = '0';

  beforeAll(async () => {
    t = await startTestApp();
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    await t.http
      .post('/api/v1/offices')
      .send({
        officeId: 'HP-KV1',
        name: 'Phòng THADS khu vực 1 - Hải Phòng',
        tier: 'REGIONAL',
        parentOfficeId: 'HP',
        effectiveDate: '2025-07-01',
      })
      .expect(201);
    await t
      .as('officer', 'HP-NGO-QUYEN')
      .post('/api/v1/cases')
      .send(
        receiveCaseBody(caseId, {
          judgment: {
            number: '40/2024/DS-PT',
            court: 'TAND TP Hải Phòng',
            issuedOn: '2024-12-10',
            legallyEffectiveOn: '2024-12-10',
          },
          effectiveDate: '2025-03-03',
        }),
      )
      .expect(201);
    await t
      .as('head', 'HP-NGO-QUYEN')
      .post(caseUrl('issue-enforcement-decision'))
      .send({ decisionNumber: '88/QĐ-CCTHADS', effectiveDate: '2025-03-05' })
      .expect(200);
  });
  afterAll(() => t.close());

  async function expectRefused(
    agent: ReturnType<TestApp['as']>,
    url: string,
    body: object,
    status: number,
    code: string,
  ) {
    const head = await t.headOutsideRejections();
    const res = await agent.post(url).send(body).expect(status);
    expect(res.body).toMatchObject({ status, code });
    expect(await t.headOutsideRejections()).toBe(head);
    return res;
  }

  it('lets only admins change the structure: a provincial head is refused', async () => {
    await expectRefused(t.as('head', 'HP'), '/api/v1/offices/merge', merger, 403, 'FORBIDDEN_ROLE');
  });

  it('refuses a merger into an office registered after the date, naming it, and writes nothing', async () => {
    const res = await expectRefused(
      admin(),
      '/api/v1/offices/merge',
      { ...merger, effectiveDate: '2025-06-30' },
      422,
      'SUCCESSION_OFFICE_NOT_REGISTERED',
    );
    expect(res.body.details).toMatchObject({ officeId: 'HP-KV1', registeredOn: '2025-07-01' });
  });

  it('registers the merger with its date and legal act', async () => {
    const res = await admin().post('/api/v1/offices/merge').send(merger).expect(200);
    expect(res.body).toMatchObject({ streamName: 'officeregistry-national', events: [{ type: 'OfficesMerged' }] });
    const { body } = await admin().get('/api/v1/offices/successions').expect(200);
    expect(body.successions).toEqual([
      expect.objectContaining({ predecessorOfficeId: 'HP-NGO-QUYEN', successorOfficeId: 'HP-KV1', legalAct }),
      expect.objectContaining({ predecessorOfficeId: 'HP-LE-CHAN', successorOfficeId: 'HP-KV1', legalAct }),
    ]);
    await expectRefused(admin(), '/api/v1/offices/merge', merger, 409, 'OFFICE_ALREADY_SUCCEEDED');
  });

  it('refuses the predecessor’s officer and head after the date with 403 OFFICE_SUCCEEDED, writing nothing', async () => {
    const res = await expectRefused(
      t.as('officer', 'HP-NGO-QUYEN', 'chv-nq'),
      caseUrl('record-verification'),
      { result: 'ENFORCEABLE', findings: 'Debtor owns a house', effectiveDate: '2025-07-15' },
      403,
      'OFFICE_SUCCEEDED',
    );
    expect(res.body.details).toEqual({
      predecessorOfficeId: 'HP-NGO-QUYEN',
      successorOfficeId: 'HP-KV1',
      succeededOn: '2025-07-01',
      legalAct: '1898/QĐ-BTP',
    });
    await expectRefused(
      t.as('head', 'HP-NGO-QUYEN'),
      caseUrl('assign-enforcement-officer'),
      { officerId: 'chv-nq', effectiveDate: '2025-07-02' },
      403,
      'OFFICE_SUCCEEDED',
    );
    // An office that never held the case is told the case does not exist, as before.
    await expectRefused(
      t.as('officer', 'HP'),
      caseUrl('record-verification'),
      { result: 'ENFORCEABLE', findings: 'x', effectiveDate: '2025-07-15' },
      404,
      'CASE_NOT_FOUND',
    );
  });

  it('accepts the successor’s officer and head on the same case, recorded for the successor, without a new case', async () => {
    await t
      .as('head', 'HP-KV1', 'truong-kv1')
      .post(caseUrl('assign-enforcement-officer'))
      .send({ officerId: 'chv-kv1', effectiveDate: '2025-07-02' })
      .expect(200);
    const verified = await t
      .as('officer', 'HP-KV1', 'chv-kv1')
      .post(caseUrl('record-verification'))
      .send({ result: 'ENFORCEABLE', findings: 'Debtor owns a house', effectiveDate: '2025-07-15' })
      .expect(200);
    lastPosition = verified.body.position;
    const { body } = await t.as('officer', 'HP-KV1').get(`/api/v1/cases/${caseId}/events`).expect(200);
    const types = body.events.map((event: { type: string }) => event.type);
    expect(types).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
      'EnforcementConditionsVerified',
    ]);
    expect(body.events[3].metadata.actor).toEqual({ id: 'chv-kv1', role: 'officer', officeId: 'HP-KV1' });
    // The case keeps its receiving office: succession is neither an entrustment nor a new receipt.
    expect(body.events[3].data.officeId).toBe('HP-NGO-QUYEN');
  });

  it('reports the case under the successor, and under the district in the old structure (structure=2025-06-30)', async () => {
    const reporting = t.as('reporting', []);
    const query = (extra: string) =>
      `/api/v1/reports/completion?office=HP&period=2025-09${extra}&minPosition=${lastPosition}`;
    const now = await reporting.get(query('')).expect(200);
    const kv1 = now.body.children.find((row: { officeId: string }) => row.officeId === 'HP-KV1');
    expect(kv1.cases).toMatchObject({ newlyReceived: '1', toEnforce: '1', entrustedOut: '0' });
    expect(now.body.children.map((row: { officeId: string }) => row.officeId)).toEqual(['HP-KV1']);
    const before = await reporting.get(query('&structure=2025-06-30')).expect(200);
    const nq = before.body.children.find((row: { officeId: string }) => row.officeId === 'HP-NGO-QUYEN');
    expect(nq.cases).toMatchObject({ newlyReceived: '1', toEnforce: '1' });
    expect(before.body.structure).toEqual({ on: '2025-06-30', successions: [] });
    await reporting.get(query('&structure=2025-13-01')).expect(400);
  });
});
