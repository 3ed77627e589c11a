import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** GET /cases over the case_summary projection running inside the API; reads wait on minPosition, never sleep. */
describe('case list over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const post = async (path: string, body: object, status = 200) => {
    const res = await t.http.post(`/api/v1/${path}`).send(body).expect(status);
    lastPosition = res.body.position;
    return res;
  };
  const list = (query = '') => t.http.get(`/api/v1/cases?minPosition=${lastPosition}${query ? `&${query}` : ''}`);
  const ids = (body: { items: { caseId: string }[] }) => body.items.map((item) => item.caseId);

  beforeAll(async () => {
    t = await startTestApp();
    await post('cases', receiveCaseBody('HP-2018-0001'), 201);
    await post('cases/HP-2018-0001/issue-enforcement-decision', {
      decisionNumber: '101/QĐ',
      effectiveDate: '2018-03-05',
    });
    await post('cases/HP-2018-0001/assign-enforcement-officer', {
      officerId: 'chv-tran-b',
      effectiveDate: '2018-03-05',
    });
    const bigDebt = [{ itemId: 'debt', kind: 'DEBT', description: 'Trả nợ vay', amount: '2200000000' }];
    await post(
      'cases',
      receiveCaseBody('HP-2018-0002', { officeId: 'HP-LE-CHAN', obligations: bigDebt, effectiveDate: '2018-03-02' }),
      201,
    );
    await post(
      'cases',
      receiveCaseBody('HP-2018-0003', {
        obligations: [{ itemId: 'debt', kind: 'DEBT', description: 'Trả nợ', amount: '45000000' }],
        effectiveDate: '2018-03-03',
      }),
      201,
    );
  });
  afterAll(() => t.close());

  it('reads its own writes: minPosition waits for the command, and the answer states its position', async () => {
    const res = await list().expect(200);
    expect(ids(res.body)).toEqual(['HP-2018-0001', 'HP-2018-0002', 'HP-2018-0003']);
    expect(BigInt(res.body.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    expect(res.headers['x-read-model-position']).toBe(res.body.position);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0]).toMatchObject({
      caseId: 'HP-2018-0001',
      officeId: 'HP-NGO-QUYEN',
      status: 'decided',
      officerId: 'chv-tran-b',
      owed: '850000000',
      collected: '0',
      disbursed: '0',
      receivedOn: '2018-03-01',
      decisionOn: '2018-03-05',
      nextDueKind: 'VERIFICATION',
      lastEventType: 'EnforcementOfficerAssigned',
    });

    await post('cases/HP-2018-0003/issue-enforcement-decision', {
      decisionNumber: '103/QĐ',
      effectiveDate: '2018-03-06',
    });
    const after = await list('status=decided').expect(200);
    expect(ids(after.body)).toEqual(['HP-2018-0001', 'HP-2018-0003']);
  });

  it('filters by office, status, officer and due date', async () => {
    expect(ids((await list('office=HP-LE-CHAN').expect(200)).body)).toEqual(['HP-2018-0002']);
    expect(ids((await list('status=intake').expect(200)).body)).toEqual(['HP-2018-0002']);
    expect(ids((await list('officer=chv-tran-b').expect(200)).body)).toEqual(['HP-2018-0001']);
    // HP-2018-0002's decision is due 5 working days after 2 March; the other two wait for verification in April.
    const dueSoon = await list('dueBefore=2018-03-15').expect(200);
    expect(ids(dueSoon.body)).toEqual(['HP-2018-0002']);
    expect(dueSoon.body.items[0]).toMatchObject({ nextDueKind: 'DECISION', nextDueOn: '2018-03-09' });
  });

  it('sorts by amount owed and received date, both ways, and pages with the cursor', async () => {
    expect(ids((await list('sort=owed&order=desc').expect(200)).body)).toEqual([
      'HP-2018-0002',
      'HP-2018-0001',
      'HP-2018-0003',
    ]);
    expect(ids((await list('sort=receivedOn&order=desc').expect(200)).body)).toEqual([
      'HP-2018-0003',
      'HP-2018-0002',
      'HP-2018-0001',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { caseId: string }[]; nextCursor: string | null } } = await list(
        `sort=owed&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['HP-2018-0003', 'HP-2018-0001', 'HP-2018-0002']);
  });

  it('answers 503 READ_MODEL_BEHIND with Retry-After when minPosition is not reached in time', async () => {
    // An app of its own that does not wait at all and applies nothing (no embedded projector), so the refusal does
    // not depend on how fast a projector runs.
    const impatient = await startTestApp({ MIN_POSITION_WAIT_MS: '0', EMBEDDED_PROJECTOR: 'false' });
    try {
      const written = await impatient.http.post('/api/v1/cases').send(receiveCaseBody('HP-2018-0009')).expect(201);
      const res = await impatient.http.get(`/api/v1/cases?minPosition=${written.body.position}`).expect(503);
      expect(res.body).toMatchObject({ code: 'READ_MODEL_BEHIND' });
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      await impatient.close();
    }
  });

  it('answers 400 naming minPosition when it is past the end of the log (no command answered it; waiting would only time out)', async () => {
    const res = await t.http.get(`/api/v1/cases?minPosition=${BigInt(lastPosition) + 1000n}`).expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'minPosition' })],
    });
  });

  it('answers 400 naming the parameter for unknown parameters and bad values', async () => {
    const { body: firstPage } = await list('sort=owed&limit=1').expect(200);
    for (const [query, field] of [
      ['color=blue', 'color'],
      ['status=open', 'status'],
      ['office=HP%20NGO', 'office'],
      ['dueBefore=2018-02-30', 'dueBefore'],
      ['sort=amount', 'sort'],
      ['order=up', 'order'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=1e2', 'limit'],
      ['cursor=%21%21', 'cursor'],
      [`sort=receivedOn&cursor=${firstPage.nextCursor}`, 'cursor'],
    ]) {
      const res = await t.http.get(`/api/v1/cases?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] });
    }
    const badPosition = await t.http.get('/api/v1/cases?minPosition=-1').expect(400);
    expect(badPosition.body.errors).toEqual([expect.objectContaining({ field: 'minPosition' })]);
  });

  it('documents the read-model endpoints and their query parameters in OpenAPI', async () => {
    const { body: openapi } = await t.http.get('/docs-json').expect(200);
    const parametersOf = (path: string) =>
      openapi.paths[path].get.parameters
        .map((parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`)
        .sort();
    const query = (...names: string[]) => names.map((name) => `query:${name}`);
    expect(parametersOf('/api/v1/cases')).toEqual(
      query('cursor', 'dueBefore', 'limit', 'minPosition', 'office', 'officer', 'order', 'sort', 'status'),
    );
    expect(parametersOf('/api/v1/complaints')).toEqual(
      query('asOf', 'cursor', 'level', 'limit', 'minPosition', 'office', 'overdue', 'status'),
    );
    expect(parametersOf('/api/v1/audit')).toEqual(
      query('actor', 'caseId', 'cursor', 'from', 'limit', 'minPosition', 'office', 'to', 'type'),
    );
    for (const path of ['/api/v1/cases', '/api/v1/complaints', '/api/v1/audit']) {
      expect(openapi.paths[path].get.summary).toBeTruthy();
      expect(openapi.paths[path].get.responses['200'].headers).toHaveProperty('X-Read-Model-Position');
    }
  });
});
