import { startTestApp, type TestApp } from './test-app';

/** GET /api/v1/session: who the bearer is and what the access policies let them do (the console's source of truth). */
describe('session: the permitted operations of a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const operationsOf = async (role: Parameters<TestApp['as']>[0], offices: string[] = []) => {
    const res = await t.as(role, offices, `${role}-session`).get('/api/v1/session').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body as {
      subject: string;
      roles: string[];
      offices: string[];
      operations: { operation: string; method: string; path: string; roles: string[]; offices: 'any' | string[] }[];
    };
  };
  const names = (session: Awaited<ReturnType<typeof operationsOf>>) => session.operations.map((op) => op.operation);

  it('gives an admin the corrective commands, across offices', async () => {
    const session = await operationsOf('admin');
    expect(session).toMatchObject({ subject: 'admin-session', roles: ['admin'], offices: [] });
    expect(session.operations).toContainEqual({
      operation: 'correctRecordedFact',
      method: 'POST',
      path: '/api/v1/cases/:caseId/correct-recorded-fact',
      roles: ['admin'],
      offices: 'any',
    });
    expect(names(session)).toEqual(expect.arrayContaining(['completion', 'history', 'verify', 'evidence', 'audit']));
    expect(names(session)).not.toContain('settle');
  });

  it('gives an auditor reads only, and the API refuses the correction the auditor is not offered', async () => {
    const session = await operationsOf('auditor');
    expect(session.operations.every((op) => op.method === 'GET')).toBe(true);
    expect(names(session)).not.toContain('correctRecordedFact');
    const refused = await t
      .as('auditor', [], 'auditor-session')
      .post('/api/v1/cases/HP-2018-0001/correct-recorded-fact')
      .send({ eventId: 'x', reason: 'try' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN_ROLE');
  });

  it("binds an officer's operations to the offices of the token, without statistics", async () => {
    const session = await operationsOf('officer', ['HP-NGO-QUYEN']);
    expect(session.operations.find((op) => op.operation === 'settle')).toMatchObject({ offices: ['HP-NGO-QUYEN'] });
    expect(names(session)).not.toEqual(expect.arrayContaining(['completion']));
    expect(names(session)).not.toContain('history');
    await t
      .as('officer', 'HP-NGO-QUYEN')
      .get('/api/v1/reports/completion?office=HP-NGO-QUYEN&period=2018-05')
      .expect(403);
  });

  it('refuses an anonymous request, and an officer token without offices', async () => {
    await t.anonymous.get('/api/v1/session').expect(401);
    const res = await t.as('officer', []).get('/api/v1/session').expect(403);
    expect(res.body.code).toBe('FORBIDDEN_OFFICE');
  });
});
