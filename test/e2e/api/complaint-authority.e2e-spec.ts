import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Art. 142 over HTTP: a complaint about the head of the Ngô Quyền district office is decided at level 1 by the head
 * of Hải Phòng and at level 2 by the head of the Tổng cục, as the registered offices stood on the decision date.
 * Anyone else is refused with 403 and a code naming the authority, and nothing is written.
 */
describe('complaint deciding authority over HTTP', () => {
  let t: TestApp;
  const id = 'KN-AUTH-1';
  const url = (act: string) => `/api/v1/complaints/${id}/${act}`;
  const decision = (decisionNumber: string, effectiveDate: string) => ({
    decisionNumber,
    finding: 'UNFOUNDED',
    effectiveDate,
  });

  beforeAll(async () => {
    t = await startTestApp();
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-2018-0300')).expect(201);
    await t.http
      .post('/api/v1/cases/HP-2018-0300/issue-enforcement-decision')
      .send({ decisionNumber: '301/QĐ', effectiveDate: '2018-03-05' })
      .expect(200);
    await t
      .as('officer', 'HP-NGO-QUYEN')
      .post('/api/v1/complaints')
      .send({
        complaintId: id,
        caseId: 'HP-2018-0300',
        complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
        subject: { kind: 'DECISION', reference: '301/QĐ', description: 'Wrong amount' },
        group: 'A',
        respondent: { role: 'OFFICE_HEAD', officeId: 'HP-NGO-QUYEN', officeTier: 'DISTRICT' },
        knownOn: '2018-03-06',
        effectiveDate: '2018-03-12',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  async function expectRefused(agent: ReturnType<TestApp['as']>, act: string, body: object, code: string) {
    const head = await t.headOutsideRejections();
    const res = await agent.post(url(act)).send(body).expect(403);
    expect(res.body).toMatchObject({ status: 403, code });
    expect(await t.headOutsideRejections()).toBe(head);
    return res;
  }

  it('refuses the district head whose decision is complained of, at level 1 and in every act', async () => {
    const ownHead = t.as('head', 'HP-NGO-QUYEN', 'chi-cuc-truong');
    const res = await expectRefused(
      ownHead,
      'accept',
      { effectiveDate: '2018-03-14' },
      'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED',
    );
    expect(res.body.detail).toMatch(/head of HP/);
    await expectRefused(
      ownHead,
      'decline',
      { ground: 'NO_DIRECT_INTEREST', explanation: 'x', effectiveDate: '2018-03-14' },
      'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED',
    );
    // An officer of the province is not its head.
    await expectRefused(t.as('officer', 'HP'), 'accept', { effectiveDate: '2018-03-14' }, 'FORBIDDEN_ROLE');
  });

  it('lets the provincial head decide level 1 and refuses them level 2, which is the Tổng cục’s', async () => {
    const provincialHead = t.as('head', 'HP', 'cuc-truong');
    await provincialHead.post(url('accept')).send({ effectiveDate: '2018-03-14' }).expect(200);
    await provincialHead.post(url('decide')).send(decision('05/QĐ-GQKN', '2018-03-26')).expect(200);
    await t
      .as('officer', 'HP-NGO-QUYEN')
      .post(url('escalate'))
      .send({ decisionReceivedOn: '2018-03-27', effectiveDate: '2018-04-05' })
      .expect(200);
    await expectRefused(
      provincialHead,
      'accept',
      { effectiveDate: '2018-04-10' },
      'HEAD_OF_GENERAL_DEPARTMENT_REQUIRED',
    );

    const generalDepartment = t.as('head', 'TC', 'tong-cuc-truong');
    await generalDepartment.post(url('accept')).send({ effectiveDate: '2018-04-10' }).expect(200);
    await expectRefused(
      provincialHead,
      'decide',
      decision('11/QĐ-GQKN', '2018-05-07'),
      'HEAD_OF_GENERAL_DEPARTMENT_REQUIRED',
    );
    await generalDepartment.post(url('decide')).send(decision('11/QĐ-GQKN', '2018-05-07')).expect(200);

    const { body } = await t.http.get(`/api/v1/complaints/${id}`).expect(200);
    const decided = body.events.filter((event: { type: string }) => event.type === 'ComplaintDecided');
    expect(decided.map((event: { data: object; metadata: object }) => [event.data, event.metadata])).toEqual([
      [
        expect.objectContaining({ level: 1, decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE' }),
        expect.objectContaining({ actor: { id: 'cuc-truong', role: 'head', officeId: 'HP' } }),
      ],
      [
        expect.objectContaining({ level: 2, decidingAuthority: 'HEAD_OF_GENERAL_DEPARTMENT', final: true }),
        expect.objectContaining({ actor: { id: 'tong-cuc-truong', role: 'head', officeId: 'TC' } }),
      ],
    ]);
  });

  it('refuses a complaint act when the respondent office is not registered: 422 DECIDING_OFFICE_NOT_IN_STRUCTURE', async () => {
    await t
      .as('officer', 'HP-NGO-QUYEN')
      .post('/api/v1/complaints')
      .send({
        complaintId: 'KN-AUTH-2',
        caseId: 'HP-2018-0300',
        complainant: { name: 'Nguyễn Văn A' },
        subject: { kind: 'ACT', reference: 'BB-12', description: 'Seizure record' },
        group: 'A',
        respondent: { role: 'ENFORCEMENT_OFFICER', officeId: 'HP-UNREGISTERED', officeTier: 'DISTRICT' },
        knownOn: '2018-03-06',
        effectiveDate: '2018-03-12',
      })
      .expect(201);
    const head = await t.headOutsideRejections();
    const res = await t
      .as('head', 'HP')
      .post('/api/v1/complaints/KN-AUTH-2/accept')
      .send({ effectiveDate: '2018-03-14' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('DECIDING_OFFICE_NOT_IN_STRUCTURE');
    expect(await t.headOutsideRejections()).toBe(head);
  });
});
