import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Idempotency-Key over HTTP: a retry replays the first answer (body, Location, ETag) and writes nothing, also with
 * If-Match; the same key with another request is refused with 422 and writes nothing; a key belongs to the caller
 * and the resource it was sent to.
 */
describe('Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const decision = { decisionNumber: '102/QĐ-CCTHADS', effectiveDate: '2018-03-05' };

  it('replays a retry that also sends If-Match, although the stream has moved past that revision', async () => {
    const caseId = 'HP-IDEM-1';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    const first = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'decide-1')
      .set('If-Match', '"0"')
      .send(decision)
      .expect(200);
    expect(first.headers.etag).toBe('"1"');
    const headBefore = await t.headOutsideRejections();

    const retry = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'decide-1')
      .set('If-Match', '"0"')
      .send(decision)
      .expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.headOutsideRejections()).toBe(headBefore);

    // A new request with the stale If-Match is still refused: only the retry is let through.
    await t.http
      .post(`/api/v1/cases/${caseId}/assign-enforcement-officer`)
      .set('Idempotency-Key', 'assign-1')
      .set('If-Match', '"0"')
      .send({ officerId: 'chv-1', effectiveDate: '2018-03-06' })
      .expect(412);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED, the head unchanged', async () => {
    const caseId = 'HP-IDEM-2';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'decide-2')
      .send(decision)
      .expect(200);
    const headBefore = await t.headOutsideRejections();

    const reused = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'decide-2')
      .send({ ...decision, decisionNumber: '999/QĐ-CCTHADS' })
      .expect(422)
      .expect('content-type', /application\/problem\+json/);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(await t.headOutsideRejections()).toBe(headBefore);

    // Another route is another request too.
    await t.http
      .post(`/api/v1/cases/${caseId}/assign-enforcement-officer`)
      .set('Idempotency-Key', 'decide-2')
      .send({ officerId: 'chv-1', effectiveDate: '2018-03-06' })
      .expect(422);
    expect(await t.headOutsideRejections()).toBe(headBefore);
    const events = await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200);
    expect(JSON.stringify(events.body)).not.toContain('999/QĐ-CCTHADS');
  });

  it('scopes a key to the caller: another officer sending the same key on the same case acts on its own', async () => {
    const caseId = 'HP-IDEM-3';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    const head = (sub: string) => t.as('head', 'HP-NGO-QUYEN', sub);
    const mine = await head('head-a')
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'shared-key')
      .send(decision)
      .expect(200);
    const theirs = await head('head-b')
      .post(`/api/v1/cases/${caseId}/assign-enforcement-officer`)
      .set('Idempotency-Key', 'shared-key')
      .send({ officerId: 'chv-1', effectiveDate: '2018-03-06' })
      .expect(200);
    expect(theirs.headers['idempotent-replayed']).toBe('false');
    expect(theirs.body.events).toEqual([{ type: 'EnforcementOfficerAssigned', revision: '2' }]);
    expect(mine.body.events).toEqual([{ type: 'EnforcementDecisionIssued', revision: '1' }]);
  });

  it('replays a created resource with the same status, Location and ETag, also when the server chose the id', async () => {
    const { caseId: _omit, ...body } = receiveCaseBody('unused');
    const first = await t.http.post('/api/v1/cases').set('Idempotency-Key', 'receive-idem').send(body).expect(201);
    const retry = await t.http.post('/api/v1/cases').set('Idempotency-Key', 'receive-idem').send(body).expect(201);
    expect(first.headers.location).toBe(`/api/v1/cases/${first.body.id}`);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.body).toEqual(first.body);

    // The same key from another caller is that caller's own request: another case.
    const other = await t
      .as('officer', 'HP-NGO-QUYEN', 'officer-other')
      .post('/api/v1/cases')
      .set('Idempotency-Key', 'receive-idem')
      .send(body)
      .expect(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('replays a filed complaint with the same Location and ETag', async () => {
    const caseId = 'HP-IDEM-4';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    const fileBody = {
      complaintId: 'KN-IDEM-1',
      caseId,
      complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
      subject: { kind: 'DECISION', reference: '101/QĐ-CCTHADS', description: 'Wrong amount' },
      group: 'A',
      respondent: { role: 'OFFICE_HEAD', officeId: 'HP-NGO-QUYEN', officeTier: 'DISTRICT' },
      knownOn: '2018-03-06',
      effectiveDate: '2018-03-12',
    };
    const first = await t.http.post('/api/v1/complaints').set('Idempotency-Key', 'file-1').send(fileBody).expect(201);
    const retry = await t.http.post('/api/v1/complaints').set('Idempotency-Key', 'file-1').send(fileBody).expect(201);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.body).toEqual(first.body);
  });
});
