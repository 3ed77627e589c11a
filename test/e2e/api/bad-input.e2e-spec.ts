import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Bad input gets a 4xx problem that names the field or the rule, and the store does not move. */
describe('bad input over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-BAD-1')).expect(201);
  });
  afterAll(() => t.close());

  async function expectRefused(
    send: () => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>,
    status: number,
  ) {
    const head = await t.headOutsideRejections();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      code: expect.any(String),
    });
    expect(await t.headOutsideRejections()).toBe(head);
    return res.body;
  }
  const fieldsOf = (body: Record<string, unknown>) => (body.errors as { field: string }[]).map((e) => e.field);

  it.each([
    ['a negative amount', '-5', 'obligations.0.amount'],
    ['a fractional amount', '100.5', 'obligations.0.amount'],
    ['an amount as a JSON number', 100, 'obligations.0.amount'],
    ['an exponent', '1e9', 'obligations.0.amount'],
  ])('refuses %s and names the field', async (_label, amount, field) => {
    const body = receiveCaseBody('HP-BAD-2', {
      obligations: [{ itemId: 'x', kind: 'DEBT', description: 'd', amount }],
    });
    const problem = await expectRefused(() => t.http.post('/api/v1/cases').send(body), 400);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(problem)).toContain(field);
  });

  it('refuses unknown fields, naming them', async () => {
    const problem = await expectRefused(
      () => t.http.post('/api/v1/cases').send(receiveCaseBody('HP-BAD-3', { priority: 'high' })),
      400,
    );
    expect(fieldsOf(problem)).toContain('priority');
  });

  it('refuses wrong types and impossible dates, naming each field', async () => {
    const body = receiveCaseBody('HP-BAD-4', { source: 'EMAIL', interimMeasure: 'yes', effectiveDate: '2018-02-30' });
    const problem = await expectRefused(() => t.http.post('/api/v1/cases').send(body), 400);
    expect(fieldsOf(problem)).toEqual(expect.arrayContaining(['source', 'interimMeasure', 'effectiveDate']));
  });

  it('refuses a command on an unknown case with 404 CASE_NOT_FOUND', async () => {
    const problem = await expectRefused(
      () => t.http.post('/api/v1/cases/NOPE/settle').send({ effectiveDate: '2018-03-05' }),
      404,
    );
    expect(problem.code).toBe('CASE_NOT_FOUND');
    await t.http.get('/api/v1/cases/NOPE').expect(404);
  });

  it('refuses a command the case state does not allow with 409 and the rule code', async () => {
    const problem = await expectRefused(
      () =>
        t.http
          .post('/api/v1/cases/HP-BAD-1/seize-asset')
          .send({ assetId: 'a1', kind: 'VEHICLE', description: 'Car', effectiveDate: '2018-03-05' }),
      409,
    );
    expect(problem.code).toEqual(expect.stringMatching(/^[A-Z_]+$/));
  });

  it('refuses receiving the same case twice with 409 CASE_ALREADY_EXISTS', async () => {
    const problem = await expectRefused(() => t.http.post('/api/v1/cases').send(receiveCaseBody('HP-BAD-1')), 409);
    expect(problem.code).toBe('CASE_ALREADY_EXISTS');
  });

  it('refuses a receipt dated before the judgment took legal effect with 422, writing nothing', async () => {
    const head = await t.headOutsideRejections();
    const body = receiveCaseBody('HP-2018-EARLY', { effectiveDate: '2017-11-19' });
    const res = await t.http.post('/api/v1/cases').send(body).expect(422);
    expect(res.body).toMatchObject({
      code: 'RECEIVED_BEFORE_JUDGMENT_EFFECTIVE',
      details: { effectiveDate: '2017-11-19', legallyEffectiveOn: '2017-11-20' },
    });
    expect(await t.headOutsideRejections()).toBe(head);
  });

  it('refuses malformed JSON with 400, a bad path id with 400, and an oversized body with 413', async () => {
    await expectRefused(
      () => t.http.post('/api/v1/cases').set('content-type', 'application/json').send('{"caseId": '),
      400,
    );
    const badId = await expectRefused(() => t.http.post('/api/v1/cases/bad%20id/settle').send({}), 400);
    expect(fieldsOf(badId)).toEqual(['caseId']);
    const huge = receiveCaseBody('HP-BAD-5', {
      parties: [{ partyId: 'p', role: 'CREDITOR', kind: 'PERSON', name: 'x'.repeat(2_000_000) }],
    });
    await expectRefused(() => t.http.post('/api/v1/cases').send(huge), 413);
  });

  it('refuses a non-JSON body with 415', async () => {
    await expectRefused(() => t.http.post('/api/v1/cases').set('content-type', 'text/plain').send('hello'), 415);
  });

  it('refuses a malformed Idempotency-Key or If-Match, naming the header', async () => {
    const key = await expectRefused(
      () => t.http.post('/api/v1/cases/HP-BAD-1/settle').set('Idempotency-Key', 'has spaces').send({}),
      400,
    );
    expect(fieldsOf(key)).toEqual(['idempotency-key']);
    const ifMatch = await expectRefused(
      () => t.http.post('/api/v1/cases/HP-BAD-1/settle').set('If-Match', 'abc').send({}),
      400,
    );
    expect(fieldsOf(ifMatch)).toEqual(['If-Match']);
  });

  it('answers an unknown route with a 404 problem', async () => {
    await expectRefused(() => t.http.get('/api/v1/nothing-here'), 404);
  });

  it('refuses a request line over 16 KiB with a 431 problem the OpenAPI document lists (no route ran)', async () => {
    const body = await expectRefused(() => t.http.get(`/api/v1/cases?officeId=${'x'.repeat(17 * 1024)}`), 431);
    expect(body.code).toBe('HEADERS_TOO_LARGE');
    expect(body.instance).toBeUndefined();
  });
});
