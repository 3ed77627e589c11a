import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** A complaint about a case, decided at level 1, escalated and decided finally at level 2. */
describe('complaint escalated to level 2 over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Who decides a complaint follows the registered offices: Ngô Quyền → Hải Phòng → Tổng cục.
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-2018-0100')).expect(201);
    await t.http
      .post('/api/v1/cases/HP-2018-0100/issue-enforcement-decision')
      .send({ decisionNumber: '201/QĐ', effectiveDate: '2018-03-05' })
      .expect(200);
  });
  afterAll(() => t.close());

  const fileBody = {
    complaintId: 'KN-2018-0001',
    caseId: 'HP-2018-0100',
    complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
    subject: { kind: 'DECISION', reference: '201/QĐ', description: 'The enforcement decision names the wrong amount' },
    group: 'A',
    respondent: { role: 'OFFICE_HEAD', officeId: 'HP-NGO-QUYEN', officeTier: 'DISTRICT' },
    knownOn: '2018-03-06',
    effectiveDate: '2018-03-12',
  };

  it('goes file → accept → decide (L1) → escalate → accept (L2) → decide (L2, final)', async () => {
    const filed = await t.http.post('/api/v1/complaints').send(fileBody).expect(201);
    expect(filed.headers.location).toBe('/api/v1/complaints/KN-2018-0001');
    const id = 'KN-2018-0001';
    await t.http.post(`/api/v1/complaints/${id}/accept`).send({ effectiveDate: '2018-03-14' }).expect(200);
    await t.http
      .post(`/api/v1/complaints/${id}/decide`)
      .send({ decisionNumber: '05/QĐ-GQKN', finding: 'UNFOUNDED', effectiveDate: '2018-03-26' })
      .expect(200);
    await t.http
      .post(`/api/v1/complaints/${id}/escalate`)
      .send({ decisionReceivedOn: '2018-03-27', effectiveDate: '2018-04-05' })
      .expect(200);
    await t.http.post(`/api/v1/complaints/${id}/accept`).send({ effectiveDate: '2018-04-10' }).expect(200);
    await t.http
      .post(`/api/v1/complaints/${id}/decide`)
      .send({
        decisionNumber: '11/QĐ-GQKN',
        finding: 'PARTLY_JUSTIFIED',
        remedies: 'Amend the amount',
        effectiveDate: '2018-05-07',
      })
      .expect(200);

    const complaint = await t.http.get(`/api/v1/complaints/${id}`).expect(200);
    expect(complaint.body.state).toMatchObject({ level: 2 });
    expect(complaint.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAccepted',
      'ComplaintDecided',
      'ComplaintEscalated',
      'ComplaintAccepted',
      'ComplaintDecided',
    ]);
    expect(complaint.body.events[5].data).toMatchObject({ level: 2, final: true });

    const again = await t.http
      .post(`/api/v1/complaints/${id}/escalate`)
      .send({ effectiveDate: '2018-05-10' })
      .expect(409);
    expect(again.body.code).toBe('COMPLAINT_DECISION_FINAL');
  });

  it('refuses a complaint about a case that does not exist, writing nothing', async () => {
    const head = await t.headOutsideRejections();
    const res = await t.http
      .post('/api/v1/complaints')
      .send({ ...fileBody, complaintId: 'KN-X', caseId: 'NO-SUCH-CASE' })
      .expect(404);
    expect(res.body).toMatchObject({ code: 'CASE_NOT_FOUND', status: 404 });
    expect(await t.headOutsideRejections()).toBe(head);
  });

  it('refuses a complaint filed after the group A limit of 15 days', async () => {
    const res = await t.http
      .post('/api/v1/complaints')
      .send({ ...fileBody, complaintId: 'KN-LATE', knownOn: '2018-03-06', effectiveDate: '2018-04-20' })
      .expect(409);
    expect(res.body.code).toBe('COMPLAINT_FILING_LIMIT_EXPIRED');
  });
});
