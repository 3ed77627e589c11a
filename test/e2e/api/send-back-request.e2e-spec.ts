import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Sending an on-request case back to the creditor over HTTP (Law 106/2025 Art. 38(4) as press summaries number it;
 * Decree 152/2026 Art. 22(2), 32(1)(d)): allowed from 1 July 2026 for an on-request case not enforceable for 2 years
 * and re-verified since, a head's act; the case ends and leaves phải thi hành without counting as completed, shown
 * with the separate register (docs/law-2026.md). Every refusal writes nothing.
 */
describe('send-back of an enforcement request over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const head = () => t.as('head', 'HP-NGO-QUYEN', 'truong-nq');
  const url = (caseId: string, act: string) => `/api/v1/cases/${caseId}/${act}`;
  const post = async (caseId: string, act: string, body: object) => {
    const res = await head().post(url(caseId, act)).send(body).expect(200);
    lastPosition = res.body.position;
  };
  const notice = (effectiveDate: string) => ({ noticeNumber: '12/TB-THADS', effectiveDate });

  /** A case at Ngô Quyền decided on `decidedOn` and found not enforceable two days later, re-verified on each date. */
  async function notEnforceableCase(
    caseId: string,
    dates: { received: string; decided: string; verified: string; notEnforceable: string; reverified: string[] },
    mode: 'ON_REQUEST' | 'EX_OFFICIO' = 'ON_REQUEST',
  ) {
    const origin = mode === 'ON_REQUEST' ? { source: 'REQUEST', mode } : { source: 'JUDGMENT', mode };
    const judgment = {
      number: '5/2023/DS-ST',
      court: 'TAND quận Ngô Quyền',
      issuedOn: '2023-11-02',
      legallyEffectiveOn: '2023-11-20',
    };
    const received = await t
      .as('officer', 'HP-NGO-QUYEN')
      .post('/api/v1/cases')
      .send(receiveCaseBody(caseId, { ...origin, judgment, effectiveDate: dates.received }))
      .expect(201);
    lastPosition = received.body.position;
    await post(caseId, 'issue-enforcement-decision', {
      decisionNumber: `1/QĐ-${caseId}`,
      effectiveDate: dates.decided,
    });
    await post(caseId, 'record-verification', {
      result: 'NOT_ENFORCEABLE',
      ground: 'NO_INCOME_OR_ASSETS',
      findings: 'No income, no seizable assets',
      effectiveDate: dates.verified,
    });
    await post(caseId, 'decide-not-enforceable', {
      decisionNumber: `2/QĐ-CĐK-${caseId}`,
      ground: 'NO_INCOME_OR_ASSETS',
      effectiveDate: dates.notEnforceable,
    });
    for (const on of dates.reverified)
      await post(caseId, 'record-periodic-reverification', {
        result: 'STILL_NOT_ENFORCEABLE',
        findings: 'Nothing new',
        effectiveDate: on,
      });
  }

  const since2024 = {
    received: '2024-03-01',
    decided: '2024-03-04',
    verified: '2024-03-18',
    notEnforceable: '2024-03-20',
    reverified: ['2024-09-16', '2025-03-14'],
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const office of HAI_PHONG_2018_OFFICES) await t.http.post('/api/v1/offices').send(office).expect(201);
    await notEnforceableCase('SB-1', since2024);
    await notEnforceableCase('SB-EX-OFFICIO', since2024, 'EX_OFFICIO');
    await notEnforceableCase('SB-RECENT', {
      received: '2025-01-02',
      decided: '2025-01-06',
      verified: '2025-01-20',
      notEnforceable: '2025-01-22',
      reverified: ['2025-07-18'],
    });
    await notEnforceableCase('SB-UNVERIFIED', { ...since2024, reverified: [] });
  });
  afterAll(() => t.close());

  async function expectRefused(
    agent: ReturnType<TestApp['as']>,
    caseId: string,
    body: object,
    status: number,
    code: string,
  ) {
    const before = await t.headOutsideRejections();
    const res = await agent.post(url(caseId, 'send-back-request')).send(body).expect(status);
    expect(res.body).toMatchObject({ status, code });
    expect(await t.headOutsideRejections()).toBe(before);
    return res;
  }

  it('refuses before 1 July 2026, an ex officio case, before 2 years and without a re-verification, writing nothing', async () => {
    await expectRefused(head(), 'SB-1', notice('2026-06-30'), 409, 'SEND_BACK_NOT_IN_FORCE');
    await expectRefused(head(), 'SB-EX-OFFICIO', notice('2026-07-06'), 409, 'SEND_BACK_EX_OFFICIO');
    const early = await expectRefused(head(), 'SB-RECENT', notice('2026-07-06'), 409, 'SEND_BACK_TOO_EARLY');
    expect(early.body.details).toMatchObject({ notEnforceableDecidedOn: '2025-01-22', earliestOn: '2027-01-22' });
    await expectRefused(head(), 'SB-UNVERIFIED', notice('2026-07-06'), 409, 'SEND_BACK_NEEDS_REVERIFICATION');
    // From 1 July 2026 an on-request case no longer goes to the separate register: it is sent back.
    const before = await t.headOutsideRejections();
    const moved = await head()
      .post(url('SB-1', 'move-to-separate-tracking-register'))
      .send({ effectiveDate: '2026-07-06' })
      .expect(409);
    expect(moved.body.code).toBe('SEPARATE_REGISTER_ON_REQUEST');
    expect(await t.headOutsideRejections()).toBe(before);
  });

  it('is a head’s act of the office holding the case', async () => {
    await expectRefused(t.as('officer', 'HP-NGO-QUYEN'), 'SB-1', notice('2026-07-06'), 403, 'FORBIDDEN_ROLE');
    await expectRefused(t.as('head', 'HP-LE-CHAN'), 'SB-1', notice('2026-07-06'), 404, 'CASE_NOT_FOUND');
  });

  it('sends the request back: the case ends under Law 106/2025 and takes nothing more', async () => {
    const res = await head().post(url('SB-1', 'send-back-request')).send(notice('2026-07-06')).expect(200);
    lastPosition = res.body.position;
    expect(res.body.events).toEqual([{ type: 'EnforcementRequestSentBack', revision: expect.any(String) }]);
    const events = (await head().get(url('SB-1', 'events')).expect(200)).body.events;
    expect(events.slice(-1)).toEqual([
      expect.objectContaining({
        type: 'EnforcementRequestSentBack',
        data: expect.objectContaining({
          noticeNumber: '12/TB-THADS',
          notEnforceableDecidedOn: '2024-03-20',
          ruleSet: 'LAW_106_2025',
        }),
      }),
    ]);
    const { body } = await head().get('/api/v1/cases/SB-1').expect(200);
    expect(body.state.status).toBe('sent_back');
    const before = await t.headOutsideRejections();
    const again = await head()
      .post(url('SB-1', 'record-periodic-reverification'))
      .send({ result: 'ENFORCEABLE', findings: 'Debtor found work', effectiveDate: '2026-07-10' })
      .expect(409);
    expect(again.body.code).toBe('CASE_CLOSED');
    expect(await t.headOutsideRejections()).toBe(before);
  });

  it('leaves phải thi hành from the period it was sent back in, not completed, shown with the separate register', async () => {
    const report = async (period: string) =>
      (
        await t.http
          .get(`/api/v1/reports/completion?office=HP-NGO-QUYEN&period=${period}&minPosition=${lastPosition}`)
          .expect(200)
      ).body.office.cases;
    // Reporting year 2026 (1 Oct 2025 – 30 Sep 2026): all four carried over, not enforceable.
    expect(await report('2026-06')).toMatchObject({
      carriedOver: '4',
      movedToSeparateRegister: '0',
      toEnforce: '4',
      notEnforceable: '4',
    });
    expect(await report('2026-07')).toMatchObject({
      carriedOver: '4',
      movedToSeparateRegister: '1',
      toEnforce: '3',
      notEnforceable: '3',
      enforceable: '0',
      completed: '0',
      carriedToNext: '3',
    });
    // Reporting year 2027: the sent-back case is not carried over.
    expect(await report('2026-10')).toMatchObject({ carriedOver: '3', toEnforce: '3' });
  });
});
