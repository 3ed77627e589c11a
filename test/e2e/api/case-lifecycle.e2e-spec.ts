import { generateOpenApiDocument } from '../../../apps/api/src/docs/openapi-document';
import { receiveCaseBody } from './case-fixtures';
import { DEFAULT_TEST_SUBJECT, startTestApp, type TestApp } from './test-app';

/** A whole case from receipt to settlement through the real HTTP API and the SQLite event store. */
describe('case lifecycle over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const step = (caseId: string, command: string, body: object) =>
    t.http.post(`/api/v1/cases/${caseId}/${command}`).send(body).expect('content-type', /json/);

  it('runs from receipt to settlement and tells the story in its events', async () => {
    const caseId = 'HP-2018-0001';
    const created = await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    expect(created.headers.location).toBe(`/api/v1/cases/${caseId}`);
    expect(created.body).toMatchObject({
      id: caseId,
      streamName: `case-${caseId}`,
      revision: '0',
      events: [{ type: 'CaseReceived', revision: '0' }],
    });
    expect(created.headers.etag).toBe('"0"');

    await step(caseId, 'issue-enforcement-decision', {
      decisionNumber: '101/QĐ-CCTHADS',
      servedOn: '2018-03-06',
      effectiveDate: '2018-03-05',
    }).expect(200);
    await step(caseId, 'assign-enforcement-officer', { officerId: 'chv-tran-b', effectiveDate: '2018-03-05' }).expect(
      200,
    );
    await step(caseId, 'record-verification', {
      result: 'ENFORCEABLE',
      findings: 'Debtor owns a house at 12 Lạch Tray',
      effectiveDate: '2018-03-20',
    }).expect(200);
    await step(caseId, 'decide-coercion', {
      decisionNumber: '15/QĐ-CC',
      measure: 'SEIZE_AND_SELL',
      scheduledAt: '2018-03-22T09:00',
      effectiveDate: '2018-03-21',
    }).expect(200);
    await step(caseId, 'seize-asset', {
      assetId: 'house-1',
      kind: 'REAL_ESTATE',
      description: 'House at 12 Lạch Tray',
      effectiveDate: '2018-03-22',
    }).expect(200);
    await step(caseId, 'record-valuation', {
      assetId: 'house-1',
      value: '1000000000',
      valuer: 'Công ty Thẩm định giá Hải Phòng',
      effectiveDate: '2018-03-29',
    }).expect(200);
    await step(caseId, 'record-auction-result', {
      assetId: 'house-1',
      outcome: 'FAILED',
      effectiveDate: '2018-04-20',
    }).expect(200);
    await step(caseId, 'reduce-auction-price', {
      assetId: 'house-1',
      newPrice: '900000000',
      effectiveDate: '2018-04-25',
    }).expect(200);
    await step(caseId, 'record-auction-result', {
      assetId: 'house-1',
      outcome: 'SOLD',
      price: '900000000',
      effectiveDate: '2018-05-15',
    }).expect(200);
    await step(caseId, 'record-collection', {
      collectionId: 'c-1',
      itemId: 'debt',
      amount: '850000000',
      source: 'AUCTION_PROCEEDS',
      effectiveDate: '2018-05-20',
    }).expect(200);
    await step(caseId, 'disburse-funds', {
      disbursementId: 'd-1',
      itemId: 'debt',
      amount: '850000000',
      payeePartyId: 'creditor-1',
      effectiveDate: '2018-05-25',
    }).expect(200);
    const settled = await step(caseId, 'settle', { effectiveDate: '2018-05-28' }).expect(200);
    expect(settled.body.events).toEqual([{ type: 'CaseSettled', revision: settled.body.revision }]);

    const state = await t.http.get(`/api/v1/cases/${caseId}`).expect(200);
    expect(state.body.state.status).toBe('settled');
    expect(state.body.revision).toBe(settled.body.revision);
    expect(state.headers.etag).toBe(`"${settled.body.revision}"`);

    const history = await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
      'EnforcementConditionsVerified',
      'CoercionDecided',
      'AssetSeized',
      'AssetValued',
      'AuctionFailed',
      'AuctionPriceReduced',
      'AssetSoldAtAuction',
      'FundsCollected',
      'FundsDisbursed',
      'CaseSettled',
    ]);
    // A query folded straight from the stream: the position of its last event, the revision as ETag, not cached.
    expect(history.headers['x-read-model-position']).toBe(history.body.events.at(-1).position);
    expect(history.headers.etag).toBe('"12"');
    expect(history.headers['cache-control']).toBe('no-store');
    const [received, decided] = history.body.events;
    expect(received.data.obligations[0].amount).toBe('850000000');
    expect(received.metadata).toMatchObject({ actor: { id: DEFAULT_TEST_SUBJECT, role: 'officer' }, schemaVersion: 1 });
    expect(received.metadata.prevHash).toBe('0'.repeat(64));
    expect(decided.metadata.prevHash).toBe(received.metadata.hash);
    expect(decided.data).toMatchObject({
      effectiveDate: '2018-03-05',
      ruleSet: 'LAW_2008_2014',
      voluntaryPeriodEndsOn: '2018-03-16',
    });
  });

  it('answers a retry with the same Idempotency-Key with the same response and writes nothing', async () => {
    const caseId = 'HP-2018-0002';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    const body = { decisionNumber: '102/QĐ-CCTHADS', effectiveDate: '2018-03-05' };
    const first = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'issue-0002')
      .send(body)
      .expect(200);
    const headBefore = await t.headOutsideRejections();
    const retry = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('Idempotency-Key', 'issue-0002')
      .send(body)
      .expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.headOutsideRejections()).toBe(headBefore);
  });

  it('derives the case id from the Idempotency-Key when the client gives none, so a retried ReceiveCase makes one case', async () => {
    const { caseId: _omit, ...body } = receiveCaseBody('unused');
    const first = await t.http.post('/api/v1/cases').set('Idempotency-Key', 'receive-anon-1').send(body).expect(201);
    const retry = await t.http.post('/api/v1/cases').set('Idempotency-Key', 'receive-anon-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const caseId = 'HP-2018-0003';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .set('If-Match', '"0"')
      .send({ decisionNumber: '103', effectiveDate: '2018-03-05' })
      .expect(200);
    const headBefore = await t.headOutsideRejections();
    const stale = await t.http
      .post(`/api/v1/cases/${caseId}/assign-enforcement-officer`)
      .set('If-Match', '"0"')
      .send({ officerId: 'chv-1', effectiveDate: '2018-03-06' })
      .expect(412)
      .expect('content-type', /application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', expectedRevision: '0', actualRevision: '1' });
    expect(await t.headOutsideRejections()).toBe(headBefore);
  });

  it('serves OpenAPI at /docs-json and health at /health', async () => {
    const docs = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases',
        '/api/v1/cases/{caseId}/seize-asset',
        '/api/v1/complaints/{complaintId}/escalate',
      ]),
    );
    // The served document is the one `npm run docs:openapi` generates without starting the app.
    expect(docs.body).toEqual(JSON.parse(JSON.stringify(await generateOpenApiDocument())));
    const health = await t.http.get('/health').expect(200);
    expect(health.body.status).toBe('up');
    expect(
      health.body.checks.projections.details.projections.map((projection: { name: string }) => projection.name),
    ).toContain('audit_trail');
  });
});
