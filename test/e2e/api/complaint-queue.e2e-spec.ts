import { HAI_PHONG_2018_OFFICES, receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** GET /complaints over the complaint_queue projection running inside the API; reads wait on minPosition. */
describe('complaint queue over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const post = async (path: string, body: object, status = 200) => {
    const res = await t.http.post(`/api/v1/${path}`).send(body).expect(status);
    lastPosition = res.body.position;
    return res;
  };
  const queue = (query = '') => t.http.get(`/api/v1/complaints?minPosition=${lastPosition}${query ? `&${query}` : ''}`);
  const ids = (body: { items: { complaintId: string }[] }) => body.items.map((item) => item.complaintId);
  const fileBody = (
    complaintId: string,
    effectiveDate: string,
    respondent = { role: 'OFFICE_HEAD', officeId: 'HP-NGO-QUYEN', officeTier: 'DISTRICT' },
  ) => ({
    complaintId,
    caseId: 'HP-2018-0100',
    complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
    subject: { kind: 'DECISION', reference: '201/QĐ', description: 'The enforcement decision names the wrong amount' },
    group: 'A',
    respondent,
    knownOn: '2018-03-06',
    effectiveDate,
  });

  beforeAll(async () => {
    t = await startTestApp();
    for (const office of HAI_PHONG_2018_OFFICES) await post('offices', office, 201);
    await post('cases', receiveCaseBody('HP-2018-0100'), 201);
    await post('cases/HP-2018-0100/issue-enforcement-decision', {
      decisionNumber: '201/QĐ',
      effectiveDate: '2018-03-05',
    });
    // KN-1 waits for acceptance; KN-2 was accepted and waits for its decision; KN-3 concerns an officer of another office.
    await post('complaints', fileBody('KN-1', '2018-03-12'), 201);
    await post('complaints', fileBody('KN-2', '2018-03-12'), 201);
    await post('complaints/KN-2/accept', { effectiveDate: '2018-03-14' });
    await post(
      'complaints',
      fileBody('KN-3', '2018-03-13', { role: 'ENFORCEMENT_OFFICER', officeId: 'HP-LE-CHAN', officeTier: 'DISTRICT' }),
      201,
    );
  });
  afterAll(() => t.close());

  it('lists complaints soonest due first, with due dates, level, authority, position and asOf', async () => {
    const res = await queue('asOf=2018-03-15').expect(200);
    expect(ids(res.body)).toEqual(['KN-1', 'KN-3', 'KN-2']);
    expect(res.body).toMatchObject({ asOf: '2018-03-15', nextCursor: null });
    expect(BigInt(res.body.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    expect(res.headers['x-read-model-position']).toBe(res.body.position);
    // Five working days from Monday 12 March; fifteen days from acceptance on 14 March.
    expect(res.body.items[0]).toMatchObject({
      complaintId: 'KN-1',
      caseId: 'HP-2018-0100',
      officeId: 'HP-NGO-QUYEN',
      level: 1,
      status: 'filed',
      decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
      acceptanceDueOn: '2018-03-19',
      nextDueOn: '2018-03-19',
      overdue: false,
      deadlineMissed: false,
      revision: '0',
    });
    expect(res.body.items[2]).toMatchObject({
      complaintId: 'KN-2',
      status: 'accepted',
      resolutionDueOn: '2018-03-29',
      nextDueOn: '2018-03-29',
    });
  });

  it('judges overdue against asOf: an open acceptance or resolution past its due date', async () => {
    const onTheDay = await queue('overdue=true&asOf=2018-03-19').expect(200);
    expect(ids(onTheDay.body)).toEqual([]);
    const dayAfter = await queue('overdue=true&asOf=2018-03-21').expect(200);
    expect(ids(dayAfter.body)).toEqual(['KN-1', 'KN-3']);
    expect(dayAfter.body.items[0]).toMatchObject({ overdue: true, overdueStep: 'ACCEPTANCE' });
    const april = await queue('overdue=true&asOf=2018-04-02').expect(200);
    expect(
      april.body.items.map((item: { complaintId: string; overdueStep: string }) => [
        item.complaintId,
        item.overdueStep,
      ]),
    ).toEqual([
      ['KN-1', 'ACCEPTANCE'],
      ['KN-3', 'ACCEPTANCE'],
      ['KN-2', 'RESOLUTION'],
    ]);
    expect(ids((await queue('overdue=false&asOf=2018-03-21').expect(200)).body)).toEqual(['KN-2']);
  });

  it('defaults asOf to today in Asia/Ho_Chi_Minh, stated in the answer', async () => {
    const res = await queue().expect(200);
    expect(res.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every complaint here was due in 2018.
    expect(res.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
  });

  it('filters by level, office and status, and follows an escalation to level 2', async () => {
    expect(ids((await queue('office=HP-LE-CHAN&asOf=2018-03-15').expect(200)).body)).toEqual(['KN-3']);
    expect(ids((await queue('status=accepted&asOf=2018-03-15').expect(200)).body)).toEqual(['KN-2']);
    await post('complaints/KN-2/decide', {
      decisionNumber: '05/QĐ-GQKN',
      finding: 'UNFOUNDED',
      effectiveDate: '2018-03-26',
    });
    await post('complaints/KN-2/escalate', { decisionReceivedOn: '2018-03-27', effectiveDate: '2018-04-05' });
    const level2 = await queue('level=2&asOf=2018-04-05').expect(200);
    expect(level2.body.items).toEqual([
      expect.objectContaining({
        complaintId: 'KN-2',
        level: 2,
        status: 'escalated',
        decidingAuthority: 'HEAD_OF_GENERAL_DEPARTMENT',
        resolutionDueOn: null,
      }),
    ]);
    expect(ids((await queue('level=1&asOf=2018-04-05').expect(200)).body)).toEqual(['KN-1', 'KN-3']);
  });

  it('pages with the cursor', async () => {
    const first = await queue('limit=2&asOf=2018-03-15').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await queue(`limit=2&asOf=2018-03-15&cursor=${first.body.nextCursor}`).expect(200);
    expect([...ids(first.body), ...ids(second.body)].sort()).toEqual(['KN-1', 'KN-2', 'KN-3']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers 400 naming the parameter for unknown parameters and bad values', async () => {
    for (const [query, field] of [
      ['priority=high', 'priority'],
      ['overdue=yes', 'overdue'],
      ['level=3', 'level'],
      ['status=open', 'status'],
      ['asOf=tomorrow', 'asOf'],
      ['limit=abc', 'limit'],
      ['cursor=bm9wZQ', 'cursor'],
      ['minPosition=x', 'minPosition'],
    ]) {
      const res = await t.http.get(`/api/v1/complaints?${query}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] });
    }
  });
});
