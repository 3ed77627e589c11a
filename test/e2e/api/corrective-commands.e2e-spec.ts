import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Corrective commands over HTTP: admins only, a reason in every event's metadata, history kept, and
 * their effect on the completion report in an open and in a closed period. Reads wait on positions, never sleep.
 */
describe('corrective commands over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const OFFICE = 'HP-NGO-QUYEN';
  const admin = () => t.as('admin', 'HP', 'admin-nguyen');
  const post = async (path: string, body: object, status = 200) => {
    const res = await t.http.post(`/api/v1/${path}`).send(body).expect(status);
    lastPosition = res.body.position;
    return res;
  };
  const correct = async (caseId: string, route: string, body: object, status = 200) => {
    const res = await admin().post(`/api/v1/cases/${caseId}/${route}`).send(body).expect(status);
    if (status === 200) lastPosition = res.body.position;
    return res;
  };
  const eventsOf = async (caseId: string) =>
    (await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200)).body.events as {
      id: string;
      type: string;
      metadata: { reason?: string; actor: { id?: string; sub?: string } };
    }[];
  const report = (period: string) =>
    t.http.get(`/api/v1/reports/completion?office=HP&period=${period}&minPosition=${lastPosition}`);
  const summary = async (caseId: string) => {
    const res = await t.http.get(`/api/v1/cases?office=${OFFICE}&minPosition=${lastPosition}`).expect(200);
    return (res.body.items as { caseId: string; status: string }[]).find((item) => item.caseId === caseId);
  };
  const settled = async (caseId: string, on: string) => {
    await post('cases', receiveCaseBody(caseId), 201);
    await post(`cases/${caseId}/issue-enforcement-decision`, {
      decisionNumber: `101/QĐ-${caseId}`,
      effectiveDate: '2018-03-05',
    });
    await post(`cases/${caseId}/record-collection`, {
      collectionId: 'thu-1',
      itemId: 'debt',
      amount: '850000000',
      source: 'VOLUNTARY',
      effectiveDate: on,
    });
    await post(`cases/${caseId}/disburse-funds`, {
      disbursementId: 'chi-1',
      itemId: 'debt',
      amount: '850000000',
      effectiveDate: on,
    });
    await post(`cases/${caseId}/settle`, { effectiveDate: on });
  };
  const settlementOf = async (caseId: string) =>
    (await eventsOf(caseId)).find((event) => event.type === 'CaseSettled')!;

  beforeAll(async () => {
    t = await startTestApp();
    await post(
      'offices',
      { officeId: 'HP', name: 'Cục THADS TP Hải Phòng', tier: 'PROVINCE', effectiveDate: '2017-10-01' },
      201,
    );
    await post(
      'offices',
      {
        officeId: OFFICE,
        name: 'Chi cục THADS quận Ngô Quyền',
        parentOfficeId: 'HP',
        tier: 'DISTRICT',
        effectiveDate: '2017-10-01',
      },
      201,
    );
    await settled('HP-2018-MARCH', '2018-03-12');
    await settled('HP-2018-APRIL', '2018-04-10');
    await post('cases', receiveCaseBody('HP-2018-W'), 201);
    await post('cases/HP-2018-W/issue-enforcement-decision', { decisionNumber: '7/QĐ-W', effectiveDate: '2018-03-05' });
  });
  afterAll(() => t.close());

  const routes: [string, object][] = [
    ['withdraw-decision', { decisionNumber: '7/QĐ-W', ground: 'WRONG_CONTENT', reason: 'x' }],
    ['amend-decision', { decisionNumber: '7/QĐ-W', amendment: 'Address', reason: 'x' }],
    ['annul-decision', { decisionNumber: '7/QĐ-W', annulledBy: 'Cục THADS HP', ground: 'WRONG_CONTENT', reason: 'x' }],
    ['correct-recorded-fact', { eventId: 'e', reason: 'x' }],
    ['reassign-officer', { officerId: 'chv-le-c', reason: 'x' }],
    ['reopen-case', { reason: 'x' }],
  ];

  it.each(routes)(
    '%s: 403 for officers and heads of the case office, 400 naming reason without one',
    async (route, body) => {
      for (const role of ['officer', 'head'] as const) {
        const res = await t.as(role, OFFICE).post(`/api/v1/cases/HP-2018-W/${route}`).send(body).expect(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
      const { reason: _reason, ...withoutReason } = body as { reason: string };
      void _reason;
      const res = await admin().post(`/api/v1/cases/HP-2018-W/${route}`).send(withoutReason).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.errors)).toContain('reason');
    },
  );

  it('a blank reason is refused by the domain (REASON_REQUIRED)', async () => {
    const res = await admin()
      .post('/api/v1/cases/HP-2018-W/reopen-case')
      .send({ reason: '   ', effectiveDate: '2018-03-06' })
      .expect(400);
    expect(res.body.code).toBe('REASON_REQUIRED');
  });

  it('reassigns, amends, withdraws, reopens and annuls, each with its reason and actor in the metadata; nothing is erased', async () => {
    await correct('HP-2018-W', 'reassign-officer', {
      officerId: 'chv-le-c',
      reason: 'Officer on leave',
      effectiveDate: '2018-03-06',
    });
    await correct('HP-2018-W', 'amend-decision', {
      decisionNumber: '7/QĐ-W',
      amendment: 'Debtor address',
      reason: 'Typo in the address',
      effectiveDate: '2018-03-06',
    });
    await correct('HP-2018-W', 'withdraw-decision', {
      decisionNumber: '7/QĐ-W',
      ground: 'WRONG_CONTENT',
      reason: 'Wrong debtor',
      effectiveDate: '2018-03-07',
    });
    expect((await t.http.get('/api/v1/cases/HP-2018-W').expect(200)).body.state.status).toBe('withdrawn');
    expect(await summary('HP-2018-W')).toMatchObject({ status: 'withdrawn' });
    await correct('HP-2018-W', 'reopen-case', { reason: 'Withdrawn by mistake', effectiveDate: '2018-03-08' });
    expect((await t.http.get('/api/v1/cases/HP-2018-W').expect(200)).body.state.status).toBe('decided');
    await correct('HP-2018-W', 'annul-decision', {
      decisionNumber: '7/QĐ-W',
      annulledBy: 'Cục THADS HP',
      ground: 'ISSUED_WITHOUT_COMPETENCE',
      reason: 'Annulled on review',
      effectiveDate: '2018-03-09',
    });
    expect(await summary('HP-2018-W')).toMatchObject({ status: 'withdrawn', officerId: 'chv-le-c' });

    const events = await eventsOf('HP-2018-W');
    const corrections = events.filter((event) => event.metadata.reason !== undefined);
    expect(corrections.map((event) => [event.type, event.metadata.reason])).toEqual([
      ['OfficerReassigned', 'Officer on leave'],
      ['DecisionAmended', 'Typo in the address'],
      ['DecisionWithdrawn', 'Wrong debtor'],
      ['CaseReopened', 'Withdrawn by mistake'],
      ['DecisionAnnulled', 'Annulled on review'],
    ]);
    expect(JSON.stringify(corrections[0].metadata.actor)).toContain('admin-nguyen');
    expect(events.map((event) => event.type)).toContain('EnforcementDecisionIssued');
  });

  it('correct-recorded-fact refuses an unknown event id (422 EVENT_NOT_FOUND)', async () => {
    const res = await correct(
      'HP-2018-W',
      'correct-recorded-fact',
      { eventId: 'no-such-event', reason: 'x', effectiveDate: '2018-03-10' },
      422,
    );
    expect(res.body.code).toBe('EVENT_NOT_FOUND');
  });

  it('open period: a retracted settlement no longer counts as completed; the original stays in the stream', async () => {
    const before = await report('2018-04').expect(200);
    expect(before.body.rollUp.cases).toMatchObject({ fullyEnforced: '2', completed: '2' });

    const settlement = await settlementOf('HP-2018-APRIL');
    await correct('HP-2018-APRIL', 'correct-recorded-fact', {
      eventId: settlement.id,
      reason: 'Receipt was forged',
      effectiveDate: '2018-04-12',
    });

    const after = await report('2018-04').expect(200);
    expect(after.body.rollUp.cases).toMatchObject({ fullyEnforced: '1', completed: '1', inProgress: '1' });
    expect((await t.http.get('/api/v1/cases/HP-2018-APRIL').expect(200)).body.state.status).toBe('decided');
    expect(await summary('HP-2018-APRIL')).toMatchObject({ status: 'decided' });
    const events = await eventsOf('HP-2018-APRIL');
    expect(events.find((event) => event.id === settlement.id)?.type).toBe('CaseSettled');
    expect(events.at(-1)).toMatchObject({
      type: 'FactRetracted',
      data: { retractedEventId: settlement.id, retractedType: 'CaseSettled' },
      metadata: { reason: 'Receipt was forged' },
    });
    // The command path folds without the settlement too: the case takes ordinary work again, not CASE_CLOSED.
    await post('cases/HP-2018-APRIL/record-verification', {
      result: 'ENFORCEABLE',
      findings: 'Debtor has income',
      effectiveDate: '2018-04-13',
    });
    expect((await t.http.get('/api/v1/cases/HP-2018-APRIL').expect(200)).body.state.status).toBe('enforceable');
    // Retracted once only.
    const again = await correct(
      'HP-2018-APRIL',
      'correct-recorded-fact',
      { eventId: settlement.id, reason: 'again', effectiveDate: '2018-04-13' },
      409,
    );
    expect(again.body.code).toBe('EVENT_ALREADY_RETRACTED');
  });

  it('closed period: the closed figures stay byte-identical and the retraction lands as an adjustment in the next period', async () => {
    await post(`offices/${OFFICE}/close-period`, { period: '2018-03', effectiveDate: '2018-04-02' });
    await post('offices/HP/close-period', { period: '2018-03', effectiveDate: '2018-04-03' });
    const closed = await report('2018-03').expect(200);
    expect(closed.body).toMatchObject({ closed: true });
    expect(closed.body.rollUp.cases).toMatchObject({ fullyEnforced: '1', completed: '1' });

    const settlement = await settlementOf('HP-2018-MARCH');
    await correct('HP-2018-MARCH', 'correct-recorded-fact', {
      eventId: settlement.id,
      reason: 'Settled on the wrong case',
      effectiveDate: '2018-04-13',
    });

    const after = await report('2018-03').expect(200);
    expect(after.text).toBe(closed.text);
    const april = await report('2018-04').expect(200);
    expect(april.body.rollUp.adjustments).toMatchObject({
      appliesToPeriod: '2018-03',
      landsIn: 'SAME_YEAR',
      cases: { fullyEnforced: '-1', completed: '-1' },
    });
    expect(april.body.rollUp.cases).toMatchObject({ fullyEnforced: '0', completed: '0' });
  });

  describe('a corrected collection amount (a receipt of 30,000,000 VND entered as 300,000,000)', () => {
    const CASE = 'HP-2018-T';
    const money = async (period: string) =>
      (await report(period).expect(200)).body.rollUp.money as Record<string, string>;
    const collectionOf = async () => (await eventsOf(CASE)).find((event) => event.type === 'FundsCollected')!;

    beforeAll(async () => {
      await post('cases', receiveCaseBody(CASE), 201);
      await post(`cases/${CASE}/issue-enforcement-decision`, { decisionNumber: '9/QĐ-T', effectiveDate: '2018-03-05' });
      await post(`cases/${CASE}/record-collection`, {
        collectionId: 'thu-1',
        itemId: 'debt',
        amount: '300000000',
        source: 'VOLUNTARY',
        effectiveDate: '2018-04-20',
      });
      await post(`cases/${CASE}/terminate-enforcement`, {
        decisionNumber: '9/QĐ-ĐC',
        ground: 'DEBTOR_DIED_NO_ESTATE',
        effectiveDate: '2018-04-25',
      });
    });

    it('bad corrected data is refused naming the field, and nothing is written', async () => {
      const { id } = await collectionOf();
      const head = await t.headOutsideRejections();
      for (const [correctedData, field] of [
        [{ amount: 30000000 }, 'correctedData.amount'],
        [{ amount: '-5' }, 'correctedData.amount'],
        [{ collectionId: 'thu-2' }, 'correctedData.collectionId'],
        [{ itemId: 'no-such-item' }, 'correctedData.itemId'],
        [{ colour: 'red' }, 'correctedData.colour'],
      ] as const) {
        const res = await correct(
          CASE,
          'correct-recorded-fact',
          { eventId: id, correctedData, reason: 'Receipt misread', effectiveDate: '2018-05-02' },
          400,
        );
        expect(res.body).toMatchObject({ code: 'INVALID_CORRECTED_DATA', details: { field } });
      }
      const over = await correct(
        CASE,
        'correct-recorded-fact',
        { eventId: id, correctedData: { amount: '900000000' }, reason: 'x', effectiveDate: '2018-05-02' },
        409,
      );
      expect(over.body).toMatchObject({
        code: 'CORRECTION_BREAKS_MONEY',
        details: { itemId: 'debt', field: 'collected' },
      });
      expect(await t.headOutsideRejections()).toBe(head);
    });

    it('counts the corrected amount in the completed money of the open period, and in the case summary', async () => {
      const before = await money('2018-04');
      const { id } = await collectionOf();
      await correct(CASE, 'correct-recorded-fact', {
        eventId: id,
        correctedData: { amount: '30000000' },
        reason: 'Receipt misread',
        effectiveDate: '2018-05-02',
      });

      const after = await money('2018-04');
      expect(BigInt(after.fullyEnforced) - BigInt(before.fullyEnforced)).toBe(-270_000_000n);
      expect(BigInt(after.terminated) - BigInt(before.terminated)).toBe(270_000_000n);
      expect(after.completed).toBe(before.completed);
      expect(await summary(CASE)).toMatchObject({ status: 'terminated', collected: '30000000' });
      const state = (await t.http.get(`/api/v1/cases/${CASE}`).expect(200)).body.state as {
        facts: { items: { itemId: string; collected: string }[] };
      };
      expect(state.facts.items.find((item) => item.itemId === 'debt')).toMatchObject({ collected: '30000000' });
      // The original stays in the stream; the retraction carries both versions for the auditor.
      const events = await eventsOf(CASE);
      expect(events.find((event) => event.id === id)).toMatchObject({
        type: 'FundsCollected',
        data: { amount: '300000000' },
      });
      expect(events.at(-1)).toMatchObject({
        type: 'FactRetracted',
        data: { retractedData: { amount: '300000000' }, correctedData: { amount: '30000000' } },
      });
    });
  });
});
