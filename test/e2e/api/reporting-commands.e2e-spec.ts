import { startTestApp, type TestApp } from './test-app';

/** Offices, targets and period closes over HTTP: what the completion statistics are built on. */
describe('office and reporting commands over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const office = (officeId: string, extra: Record<string, unknown> = {}) => ({
    officeId,
    name: `Cơ quan ${officeId}`,
    tier: 'PROVINCE',
    effectiveDate: '2017-10-01',
    ...extra,
  });

  async function expectRefused(
    send: () => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>,
    status: number,
    code: string,
  ) {
    const head = await t.headOutsideRejections();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await t.headOutsideRejections()).toBe(head);
    return res.body;
  }

  it('registers offices top-down, sets a target and closes a period, one stream per office', async () => {
    await t.http
      .post('/api/v1/offices')
      .send(office('TC', { tier: 'GENERAL_DEPARTMENT' }))
      .expect(201);
    const registered = await t.http
      .post('/api/v1/offices')
      .send(office('HP', { parentOfficeId: 'TC' }))
      .expect(201);
    expect(registered.body).toMatchObject({
      id: 'HP',
      streamName: 'reporting-HP',
      revision: '0',
      events: [{ type: 'OfficeRegistered', revision: '0' }],
    });

    const target = await t.http
      .post('/api/v1/offices/HP/targets')
      .send({ reportingYear: 2018, casesRatePercent: '72', moneyRatePercent: '32.5', effectiveDate: '2017-10-02' })
      .expect(200);
    expect(target.body.events).toEqual([{ type: 'TargetSet', revision: '1' }]);
    expect(target.headers.etag).toBe('"1"');

    const closed = await t.http
      .post('/api/v1/offices/HP/close-period')
      .send({ period: '2018-05', effectiveDate: '2018-06-04' })
      .expect(200);
    expect(closed.body.events).toEqual([{ type: 'PeriodClosed', revision: '2' }]);

    const [, targetSet, periodClosed] = await t.store.readStream('reporting-HP');
    expect(targetSet.data).toMatchObject({
      officeId: 'HP',
      reportingYear: 2018,
      casesTargetBasisPoints: 7200,
      moneyTargetBasisPoints: 3250,
    });
    expect(periodClosed.data).toMatchObject({ period: '2018-05', reportingYear: 2018, periodEndsOn: '2018-05-31' });
  });

  it('refuses an office whose parent is not registered: 422 PARENT_OFFICE_NOT_REGISTERED', async () => {
    const problem = await expectRefused(
      () => t.http.post('/api/v1/offices').send(office('HP-NQ', { tier: 'DISTRICT', parentOfficeId: 'NOWHERE' })),
      422,
      'PARENT_OFFICE_NOT_REGISTERED',
    );
    expect(problem.details).toMatchObject({ field: 'parentOfficeId' });
  });

  it('refuses a second registration: 409 OFFICE_ALREADY_REGISTERED', async () => {
    await t.http.post('/api/v1/offices').send(office('DN')).expect(201);
    await expectRefused(() => t.http.post('/api/v1/offices').send(office('DN')), 409, 'OFFICE_ALREADY_REGISTERED');
  });

  it('refuses targets and closes for an unknown office: 404 OFFICE_NOT_REGISTERED', async () => {
    await expectRefused(
      () =>
        t.http
          .post('/api/v1/offices/NOPE/targets')
          .send({ reportingYear: 2018, casesRatePercent: '72', moneyRatePercent: '32' }),
      404,
      'OFFICE_NOT_REGISTERED',
    );
    await expectRefused(
      () => t.http.post('/api/v1/offices/NOPE/close-period').send({ period: '2018-05' }),
      404,
      'OFFICE_NOT_REGISTERED',
    );
  });

  it.each([
    ['a rate as a JSON number', { casesRatePercent: 72 }, 'casesRatePercent'],
    ['three decimals', { moneyRatePercent: '32.125' }, 'moneyRatePercent'],
    ['a fractional year', { reportingYear: 2018.5 }, 'reportingYear'],
    ['an unknown field', { bonus: '1' }, 'bonus'],
  ])('refuses a target with %s, naming the field: 400', async (_label, change, field) => {
    const body = { reportingYear: 2018, casesRatePercent: '72', moneyRatePercent: '32', ...change };
    const problem = await expectRefused(
      () => t.http.post('/api/v1/offices/HP/targets').send(body),
      400,
      'VALIDATION_FAILED',
    );
    expect((problem.errors as { field: string }[]).map((error) => error.field)).toContain(field);
  });

  it('refuses a target over 100%: 400 INVALID_TARGET_RATE', async () => {
    await expectRefused(
      () =>
        t.http
          .post('/api/v1/offices/HP/targets')
          .send({ reportingYear: 2019, casesRatePercent: '100.01', moneyRatePercent: '32' }),
      400,
      'INVALID_TARGET_RATE',
    );
  });

  it('refuses to close a period before its month has ended, a closed one again, or a malformed one', async () => {
    await t.http.post('/api/v1/offices').send(office('HN')).expect(201);
    await expectRefused(
      () => t.http.post('/api/v1/offices/HN/close-period').send({ period: '2018-05', effectiveDate: '2018-05-31' }),
      409,
      'PERIOD_NOT_ENDED',
    );
    await t.http
      .post('/api/v1/offices/HN/close-period')
      .send({ period: '2018-05', effectiveDate: '2018-06-01' })
      .expect(200);
    await expectRefused(
      () => t.http.post('/api/v1/offices/HN/close-period').send({ period: '2018-05', effectiveDate: '2018-06-02' }),
      409,
      'PERIOD_ALREADY_CLOSED',
    );
    await expectRefused(
      () => t.http.post('/api/v1/offices/HN/close-period').send({ period: '2018-07', effectiveDate: '2018-08-02' }),
      409,
      'PERIOD_CLOSED_OUT_OF_ORDER',
    );
    await expectRefused(
      () => t.http.post('/api/v1/offices/HN/close-period').send({ period: '2018-13' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
