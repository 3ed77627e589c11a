import { MATRIX, seedMatrixRecords } from './access-fixtures';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** What authorization records and decides beyond the matrix: the actor on events, office hierarchy, lists. */
describe('access rules over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMatrixRecords(t);
  });
  afterAll(() => t.close());

  const lastEvent = async (stream: string) => (await t.store.readStream(stream)).at(-1);

  it("records the token's sub, the role used and the case's office as the actor, whatever X-Actor-* headers say", async () => {
    await t
      .as('officer', MATRIX.office, 'chv-tran-b')
      .post('/api/v1/cases')
      .set('X-Actor-Id', 'someone-else')
      .set('X-Actor-Role', 'admin')
      .send(receiveCaseBody('HP-RULES-1'))
      .expect(201);
    expect((await lastEvent('case-HP-RULES-1'))?.metadata.actor).toEqual({
      id: 'chv-tran-b',
      role: 'officer',
      officeId: MATRIX.office,
    });
  });

  it('records case work by an officer-and-head as officer, and head decisions as head', async () => {
    const both = `Bearer ${t.token({ sub: 'le-van-c', roles: ['head', 'officer'], offices: [MATRIX.office] })}`;
    await t.anonymous.post('/api/v1/cases').set('authorization', both).send(receiveCaseBody('HP-RULES-2')).expect(201);
    expect((await lastEvent('case-HP-RULES-2'))?.metadata.actor).toMatchObject({ id: 'le-van-c', role: 'officer' });
    await t.anonymous
      .post('/api/v1/cases/HP-RULES-2/issue-enforcement-decision')
      .set('authorization', both)
      .send({ decisionNumber: '7/QĐ', effectiveDate: '2018-03-05' })
      .expect(200);
    expect((await lastEvent('case-HP-RULES-2'))?.metadata.actor).toMatchObject({
      id: 'le-van-c',
      role: 'head',
      officeId: MATRIX.office,
    });
  });

  it('lets a head of the parent office close a period, recording the parent office; a sibling head is refused', async () => {
    const head = await t.headOutsideRejections();
    const sibling = await t
      .as('head', MATRIX.otherOffice)
      .post(`/api/v1/offices/${MATRIX.office}/close-period`)
      .send({ period: '2018-04', effectiveDate: '2018-05-02' })
      .expect(403);
    expect(sibling.body.code).toBe('FORBIDDEN_OFFICE');
    expect(await t.headOutsideRejections()).toBe(head);
    await t
      .as('head', MATRIX.parentOffice, 'head-hp')
      .post(`/api/v1/offices/${MATRIX.office}/close-period`)
      .send({ period: '2018-04', effectiveDate: '2018-05-02' })
      .expect(200);
    expect((await lastEvent(`reporting-${MATRIX.office}`))?.metadata.actor).toEqual({
      id: 'head-hp',
      role: 'head',
      officeId: MATRIX.parentOffice,
    });
  });

  it("refuses a head setting their own office's target: targets come from the office above", async () => {
    const own = await t
      .as('head', MATRIX.office)
      .post(`/api/v1/offices/${MATRIX.office}/targets`)
      .send({ reportingYear: 2019, casesRatePercent: '80', moneyRatePercent: '40' })
      .expect(403);
    expect(own.body.code).toBe('FORBIDDEN_OFFICE');
    await t
      .as('head', MATRIX.parentOffice)
      .post(`/api/v1/offices/${MATRIX.office}/targets`)
      .send({ reportingYear: 2019, casesRatePercent: '80', moneyRatePercent: '40' })
      .expect(200);
  });

  it('leaves a top-level office to admins', async () => {
    const body = {
      officeId: 'TC-2',
      name: 'Cục Quản lý THADS',
      tier: 'GENERAL_DEPARTMENT',
      effectiveDate: '2025-07-01',
    };
    expect((await t.as('head', 'TC').post('/api/v1/offices').send(body).expect(403)).body.code).toBe(
      'FORBIDDEN_OFFICE',
    );
    const created = await t.as('admin', [], 'admin-1').post('/api/v1/offices').send(body).expect(201);
    expect(created.body.id).toBe('TC-2');
    expect((await lastEvent('reporting-TC-2'))?.metadata.actor).toEqual({ id: 'admin-1', role: 'admin' });
  });

  it('asks officers and heads to name one of their offices in lists; cross-office readers need not', async () => {
    const missing = await t.as('officer', MATRIX.office).get('/api/v1/cases').expect(403);
    expect(missing.body).toMatchObject({
      code: 'FORBIDDEN_OFFICE',
      detail: expect.stringMatching(/an office named in the request/),
    });
    await t.as('officer', MATRIX.office).get(`/api/v1/cases?office=${MATRIX.office}`).expect(200);
    await t.as('reporting', []).get('/api/v1/cases').expect(200);
    expect(
      (await t.as('head', MATRIX.office).get('/api/v1/reports/completion?period=2018-03').expect(403)).body.code,
    ).toBe('FORBIDDEN_OFFICE');
  });

  it('answers an unknown case with 404 and a malformed id with 400, as the handler would, before the office check', async () => {
    expect(
      (await t.as('officer', MATRIX.otherOffice).post('/api/v1/cases/NOPE/settle').send({}).expect(404)).body.code,
    ).toBe('CASE_NOT_FOUND');
    expect(
      (await t.as('officer', MATRIX.office).post('/api/v1/cases/bad%20id/settle').send({}).expect(400)).body.errors,
    ).toEqual([expect.objectContaining({ field: 'caseId' })]);
    expect(
      (await t.as('head', MATRIX.office).post('/api/v1/complaints/NOPE/accept').send({}).expect(404)).body.code,
    ).toBe('COMPLAINT_NOT_FOUND');
  });

  it('refuses a token without roles, and one sent with another scheme', async () => {
    const noRoles = `Bearer ${t.token({ sub: 'nobody', roles: [] })}`;
    expect((await t.anonymous.get('/api/v1/audit').set('authorization', noRoles).expect(403)).body).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      detail: 'This route is for auditor, admin; the token grants no role',
    });
    const basic = await t.anonymous.get('/api/v1/audit').set('authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
    expect(basic.headers['www-authenticate']).toMatch(/^Bearer realm="thads-engine", error="invalid_token"/);
  });
});
