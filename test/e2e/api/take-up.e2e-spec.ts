import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Rút lên over HTTP (Law 2008 Art. 35(2)): the head of the provincial office takes up a district office's case; the
 * case ends there as taken up and the province opens its own case for it. The report counts the case as taken up at
 * the district (out of its phải thi hành) and as newly received at the province, so the roll-up counts it once
 * (docs/statistics.md). Anyone else is refused and nothing is written.
 */
describe('taking a case up to the provincial office over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const CASE = 'HP-NQ-2018-0001';
  const takeUp = { decisionNumber: '7/QĐ-CTHADS', effectiveDate: '2018-04-02' };
  const url = (caseId: string, act: string) => `/api/v1/cases/${caseId}/${act}`;

  beforeAll(async () => {
    t = await startTestApp();
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    for (const [caseId, officeId] of [
      [CASE, 'HP-NGO-QUYEN'],
      ['HP-2018-0001', 'HP'],
    ]) {
      await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId, { officeId })).expect(201);
      await t.http
        .post(url(caseId, 'issue-enforcement-decision'))
        .send({ decisionNumber: `101/QĐ-${caseId}`, effectiveDate: '2018-03-05' })
        .expect(200);
    }
  });
  afterAll(() => t.close());

  async function expectRefused(agent: ReturnType<TestApp['as']>, caseId: string, status: number, code: string) {
    const before = await t.headOutsideRejections();
    const res = await agent.post(url(caseId, 'take-up')).send(takeUp).expect(status);
    expect(res.body).toMatchObject({ status, code });
    expect(await t.headOutsideRejections()).toBe(before);
    return res;
  }

  it('refuses anyone but the head of the provincial office above, naming that office, writing nothing', async () => {
    const own = await expectRefused(t.as('head', 'HP-NGO-QUYEN'), CASE, 403, 'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED');
    expect(own.body.details).toMatchObject({ requiredOfficeId: 'HP', actingOfficeIds: ['HP-NGO-QUYEN'] });
    await expectRefused(t.as('head', 'HP-LE-CHAN'), CASE, 403, 'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED');
    await expectRefused(t.as('officer', 'HP'), CASE, 403, 'FORBIDDEN_ROLE');
  });

  it('refuses a case the province already holds (409 CASE_ALREADY_AT_PROVINCE)', async () => {
    await expectRefused(t.as('head', 'HP'), 'HP-2018-0001', 409, 'CASE_ALREADY_AT_PROVINCE');
  });

  it('takes the case up: it ends at the district, recorded for the province', async () => {
    const res = await t.as('head', 'HP', 'cuc-truong').post(url(CASE, 'take-up')).send(takeUp).expect(200);
    expect(res.body.events).toEqual([{ type: 'CaseTakenUp', revision: expect.any(String) }]);
    const recorded = (await t.as('head', 'HP-NGO-QUYEN').get(url(CASE, 'events')).expect(200)).body.events;
    expect(recorded.slice(-1)).toEqual([
      expect.objectContaining({
        type: 'CaseTakenUp',
        data: expect.objectContaining({ fromOfficeId: 'HP-NGO-QUYEN', provincialOfficeId: 'HP' }),
      }),
    ]);
    const { body } = await t.as('head', 'HP-NGO-QUYEN').get(url(CASE, 'events')).expect(200);
    expect(body.events.at(-1).metadata.actor).toMatchObject({ id: 'cuc-truong', role: 'head', officeId: 'HP' });
    const state = await t.as('head', 'HP-NGO-QUYEN').get(`/api/v1/cases/${CASE}`).expect(200);
    expect(state.body.state.status).toBe('taken_up');
    // The province opens its own case for it (one decision = one case).
    await t.http
      .post('/api/v1/cases')
      .send(receiveCaseBody('HP-2018-0002', { officeId: 'HP', effectiveDate: '2018-04-02' }))
      .expect(201);
    const decided = await t.http
      .post(url('HP-2018-0002', 'issue-enforcement-decision'))
      .send({ decisionNumber: '15/QĐ-CTHADS', effectiveDate: '2018-04-03' })
      .expect(200);
    lastPosition = decided.body.position;
  });

  it('counts it as taken up at the district and newly received at the province; the roll-up counts it once', async () => {
    const { body } = await t.http
      .get(`/api/v1/reports/completion?office=HP&period=2018-05&minPosition=${lastPosition}`)
      .expect(200);
    const district = body.children.find((row: { officeId: string }) => row.officeId === 'HP-NGO-QUYEN');
    expect(district.cases).toMatchObject({ newlyReceived: '1', takenUp: '1', toEnforce: '0', enforceable: '0' });
    expect(district.money).toMatchObject({ newlyReceived: '850000000', takenUp: '850000000', toEnforce: '0' });
    expect(body.office.cases).toMatchObject({ newlyReceived: '2', takenUp: '0', toEnforce: '2', enforceable: '2' });
    expect(body.rollUp.cases).toMatchObject({ takenOn: '3', newlyReceived: '3', takenUp: '1', toEnforce: '2' });
    expect(body.rollUp.money).toMatchObject({ takenUp: '850000000', toEnforce: '1700000000' });
  });
});
