import { verifyChain } from '@thads/event-store';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Refused commands are audit facts: "who tried to close this case early?" */
describe('rejected commands as audit facts', () => {
  let t: TestApp;
  const caseId = 'HP-2018-0077';
  const office = 'HP-NGO-QUYEN';
  const head = () => t.as('head', office, 'head-le');
  const rejections = async () => {
    const minPosition = (await t.store.headPosition()).toString();
    const res = await t
      .as('auditor', [], 'auditor-nguyen')
      .get(`/api/v1/audit?type=CommandRejected&caseId=${caseId}&minPosition=${minPosition}`)
      .expect(200);
    return res.body.items as {
      actorId: string;
      actorRole: string;
      reason: string;
      stream: string;
      caseId: string;
      officeId: string | null;
    }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.as('officer', office, 'chv-tran-b').post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await head()
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .send({ decisionNumber: '101/QĐ', effectiveDate: '2018-03-05' })
      .expect(200);
    await head()
      .post(`/api/v1/cases/${caseId}/assign-enforcement-officer`)
      .send({ officerId: 'chv-tran-b', effectiveDate: '2018-03-05' })
      .expect(200);
    await head()
      .post(`/api/v1/cases/${caseId}/record-verification`)
      .send({ result: 'ENFORCEABLE', findings: 'House', effectiveDate: '2018-03-20' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('shows who tried to settle before the money was in, with the code, and the case stream untouched', async () => {
    const before = await t.store.readStream(`case-${caseId}`);
    const refused = await t
      .as('officer', office, 'chv-vu')
      .post(`/api/v1/cases/${caseId}/settle`)
      .send({ effectiveDate: '2018-04-01' })
      .expect(409);
    expect(refused.body.code).toBe('SETTLEMENT_INCOMPLETE');
    expect(await t.store.readStream(`case-${caseId}`)).toEqual(before);

    expect(await rejections()).toEqual([
      expect.objectContaining({
        stream: `rejection-${caseId}`,
        caseId,
        actorId: 'chv-vu',
        actorRole: 'officer',
        officeId: office,
        reason: expect.stringMatching(/^SETTLEMENT_INCOMPLETE: /),
      }),
    ]);
    const [recorded] = await t.store.readStream(`rejection-${caseId}`);
    expect(recorded).toMatchObject({
      type: 'CommandRejected',
      data: {
        caseId,
        route: 'POST /api/v1/cases/:caseId/settle',
        commandType: 'Settle',
        targetStream: `case-${caseId}`,
        code: 'SETTLEMENT_INCOMPLETE',
        status: 409,
        bodyDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      metadata: { actor: { id: 'chv-vu', role: 'officer', officeId: office } },
    });
    expect(JSON.stringify({ data: recorded.data, metadata: recorded.metadata })).not.toMatch(/Bearer|eyJ/);
  });

  it('records refusals by role, by office and by validation, naming the token holder; never 401s or queries', async () => {
    await t
      .as('reporting', [], 'feed-bot')
      .post(`/api/v1/cases/${caseId}/settle`)
      .send({ effectiveDate: '2018-04-02' })
      .expect(403);
    await t
      .as('head', 'HP-LE-CHAN', 'head-other')
      .post(`/api/v1/cases/${caseId}/settle`)
      .send({ effectiveDate: '2018-04-02' })
      .expect(404); // told as an unknown case; the log keeps the real reason below
    await head().post(`/api/v1/cases/${caseId}/settle`).send({ effectiveDate: 'soon' }).expect(400);
    await t.anonymous.post(`/api/v1/cases/${caseId}/settle`).send({ effectiveDate: '2018-04-02' }).expect(401);
    await t.as('reporting', [], 'feed-bot').get(`/api/v1/cases/${caseId}`).expect(403);

    const items = await rejections();
    expect(items.map((item) => [item.actorId, item.actorRole, item.reason.split(':')[0]])).toEqual([
      ['chv-vu', 'officer', 'SETTLEMENT_INCOMPLETE'],
      ['feed-bot', 'reporting', 'FORBIDDEN_ROLE'],
      ['head-other', 'head', 'FORBIDDEN_OFFICE'],
      ['head-le', 'head', 'VALIDATION_FAILED'],
    ]);
  });

  it('records a stale If-Match and keeps the rejection log hash-chained', async () => {
    await head()
      .post(`/api/v1/cases/${caseId}/settle`)
      .set('If-Match', '"1"')
      .send({ effectiveDate: '2018-04-03' })
      .expect(412);
    expect((await rejections()).at(-1)?.reason).toMatch(/^REVISION_MISMATCH: /);
    const log = await t.store.readStream(`rejection-${caseId}`);
    expect(log).toHaveLength(5);
    expect(verifyChain(log)).toEqual({ ok: true });
  });

  it('files a refusal that names no case under rejection-unknown', async () => {
    await t.as('reporting', [], 'feed-bot').post('/api/v1/offices').send({}).expect(403);
    const [recorded] = await t.store.readStream('rejection-unknown');
    expect(recorded.data).toMatchObject({ caseId: null, targetStream: null, code: 'FORBIDDEN_ROLE' });
  });
});
