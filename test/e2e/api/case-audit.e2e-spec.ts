import { receiveCaseBody } from './case-fixtures';
import { tamperWithEventData } from './tamper-with-event';
import { startTestApp, type TestApp } from './test-app';

/** Replay (asOf / asKnownAt), hash-chain verification and evidence of one case. */
describe('case replay, verify and evidence over HTTP', () => {
  let t: TestApp;
  const caseId = 'HP-2018-0042';
  const auditor = () => t.as('auditor', [], 'auditor-nguyen');
  const step = (path: string, body: object) =>
    t.as('head', 'HP-NGO-QUYEN', 'head-le').post(`/api/v1/cases/${caseId}/${path}`).send(body).expect(200);
  const events = async () =>
    (await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200)).body.events as {
      id: string;
      type: string;
      data: Record<string, unknown>;
      metadata: { recordedAt: string };
    }[];
  let knownBeforeLateFact: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.as('officer', 'HP-NGO-QUYEN', 'chv-tran-b').post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await step('issue-enforcement-decision', { decisionNumber: '101/QĐ', effectiveDate: '2018-03-05' });
    await step('assign-enforcement-officer', { officerId: 'chv-tran-b', effectiveDate: '2018-03-05' });
    await step('record-verification', {
      result: 'ENFORCEABLE',
      findings: 'House at Lạch Tray',
      effectiveDate: '2018-03-20',
    });
    await step('record-collection', {
      collectionId: 'c-1',
      itemId: 'debt',
      amount: '100000000',
      source: 'VOLUNTARY',
      effectiveDate: '2018-03-25',
    });
    const recorded = await events();
    knownBeforeLateFact = recorded[recorded.length - 1].metadata.recordedAt;
    // A fact found later in the file, effective before the verification: recorded last, as a correction would be.
    const collected = recorded[recorded.length - 1];
    await t.store.append(
      `case-${caseId}`,
      [
        {
          id: '6f1d0c52-7a4e-4f7e-9d55-1d1c8f0a0042',
          type: 'FundsCollected',
          data: { ...collected.data, collectionId: 'c-0', amount: '5000000', effectiveDate: '2018-03-10' } as never,
          metadata: {
            actor: { id: 'admin-pham', role: 'admin' },
            commandId: 'late-receipt-1',
            correlationId: 'late-receipt-1',
            causationId: 'late-receipt-1',
            schemaVersion: 1,
            reason: 'Receipt 0007 found in the file',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    expect(String((await events()).at(-1)?.metadata.recordedAt) > knownBeforeLateFact).toBe(true);
  });
  afterAll(() => t.close());

  it('replays every step with actor, command, reason, legal basis and the state after it', async () => {
    const res = await auditor().get(`/api/v1/cases/${caseId}/history`).expect(200);
    expect(res.body).toMatchObject({ caseId, asOf: null, asKnownAt: null });
    expect(res.body.steps.map((s: { type: string }) => s.type)).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
      'EnforcementConditionsVerified',
      'FundsCollected',
      'FundsCollected',
    ]);
    const decided = res.body.steps[1];
    expect(decided).toMatchObject({
      revision: '1',
      effectiveDate: '2018-03-05',
      legalBasis: 'Law 2008 Art. 36',
      actor: { id: 'head-le', role: 'head', officeId: 'HP-NGO-QUYEN' },
      reason: null,
    });
    expect(decided.commandId).toEqual(expect.any(String));
    expect(decided.stateAfter.status).toBe(res.body.steps[2].stateAfter.status);
    expect(res.body.steps[5]).toMatchObject({ reason: 'Receipt 0007 found in the file', actor: { id: 'admin-pham' } });
  });

  it('as of a date, as known at a time: a late-recorded fact shows only once it was known', async () => {
    const asOf = '2018-03-15';
    const before = await auditor()
      .get(`/api/v1/cases/${caseId}/history?asOf=${asOf}&asKnownAt=${encodeURIComponent(knownBeforeLateFact)}`)
      .expect(200);
    expect(before.body.steps.map((s: { type: string }) => s.type)).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
    ]);
    const now = await auditor().get(`/api/v1/cases/${caseId}/history?asOf=${asOf}`).expect(200);
    expect(now.body.steps.map((s: { type: string }) => s.type)).toEqual([
      'CaseReceived',
      'EnforcementDecisionIssued',
      'EnforcementOfficerAssigned',
      'FundsCollected',
    ]);
    expect(JSON.stringify(now.body.state)).not.toEqual(JSON.stringify(before.body.state));
    const endOfMonth = await auditor()
      .get(`/api/v1/cases/${caseId}/history?asOf=2018-03-31&asKnownAt=${encodeURIComponent(knownBeforeLateFact)}`)
      .expect(200);
    expect(
      endOfMonth.body.steps.map((s: { data: { collectionId?: string } }) => s.data.collectionId).filter(Boolean),
    ).toEqual(['c-1']);
    const nothingKnown = await auditor()
      .get(`/api/v1/cases/${caseId}/history?asKnownAt=2000-01-01T00:00:00Z`)
      .expect(200);
    expect(nothingKnown.body.steps).toEqual([]);
  });

  it('answers 400 naming the parameter for a bad date or timestamp, 404 for an unknown case', async () => {
    for (const [query, field] of [
      ['asOf=2018-02-30', 'asOf'],
      ['asOf=yesterday', 'asOf'],
      ['asKnownAt=2018-03-01', 'asKnownAt'],
      ['asKnownAt=2018-03-01T10:00:00', 'asKnownAt'],
    ]) {
      const res = await auditor().get(`/api/v1/cases/${caseId}/history?${query}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] });
    }
    expect((await auditor().get('/api/v1/cases/NO-SUCH-CASE/history').expect(404)).body.code).toBe('CASE_NOT_FOUND');
  });

  it('lets auditors, admins and the head of the case office replay; refuses officers, and other heads as an unknown case', async () => {
    await t.as('admin', []).get(`/api/v1/cases/${caseId}/verify`).expect(200);
    await t.as('head', 'HP-NGO-QUYEN').get(`/api/v1/cases/${caseId}/history`).expect(200);
    expect((await t.as('head', 'HP-LE-CHAN').get(`/api/v1/cases/${caseId}/history`).expect(404)).body.code).toBe(
      'CASE_NOT_FOUND',
    );
    expect((await t.as('officer', 'HP-NGO-QUYEN').get(`/api/v1/cases/${caseId}/evidence`).expect(403)).body.code).toBe(
      'FORBIDDEN_ROLE',
    );
    await t.anonymous.get(`/api/v1/cases/${caseId}/verify`).expect(401);
  });

  it('exports one evidence document: events with metadata, the chain proof and rule, the verification and the as-of state', async () => {
    const res = await auditor().get(`/api/v1/cases/${caseId}/evidence?asOf=2018-03-31`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="case-${caseId}-evidence.json"`);
    const doc = res.body;
    expect(doc).toMatchObject({
      caseId,
      stream: `case-${caseId}`,
      verification: { ok: true, events: 6 },
      asOfState: { asOf: '2018-03-31', asKnownAt: null },
    });
    expect(Date.parse(doc.generatedAt)).not.toBeNaN();
    expect(doc.events).toHaveLength(6);
    expect(doc.events[0].metadata).toMatchObject({ actor: { id: 'chv-tran-b' }, prevHash: '0'.repeat(64) });
    expect(doc.hashChain.links[1].prevHash).toBe(doc.hashChain.links[0].hash);
    expect(doc.hashChain.headHash).toBe(doc.events[5].metadata.hash);
    expect(doc.hashChain.rule).toContain('sha256hex(prevHash');
  });

  it('names exactly the event an attacker altered in the database', async () => {
    expect((await auditor().get(`/api/v1/cases/${caseId}/verify`).expect(200)).body).toEqual({
      caseId,
      ok: true,
      events: 6,
    });
    const target = (await events())[3];
    await tamperWithEventData(t.eventStoreUrl, target.id, (data) => ({ ...data, findings: 'Nothing found' }));
    const res = await auditor().get(`/api/v1/cases/${caseId}/verify`).expect(200);
    expect(res.body).toMatchObject({
      caseId,
      ok: false,
      events: 6,
      brokenAt: { revision: '3', eventId: target.id, kind: 'hash' },
    });
    expect(res.body.brokenAt.expected).not.toBe(res.body.brokenAt.actual);
    const evidence = await auditor().get(`/api/v1/cases/${caseId}/evidence`).expect(200);
    expect(evidence.body.verification).toMatchObject({ ok: false, brokenAt: { eventId: target.id } });
  });
});
