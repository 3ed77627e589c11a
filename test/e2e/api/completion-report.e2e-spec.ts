import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '@thads/read-models';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** GET /reports/completion over the projector running inside the API; waits on positions, never sleeps. */
describe('completion report over HTTP', () => {
  let t: TestApp;
  let lastPosition = '0';
  const post = async (path: string, body: object, status = 200) => {
    const res = await t.http.post(`/api/v1/${path}`).send(body).expect(status);
    lastPosition = res.body.position;
    return res;
  };
  const report = (query: string) => t.http.get(`/api/v1/reports/completion?${query}&minPosition=${lastPosition}`);

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
        officeId: 'HP-NGO-QUYEN',
        name: 'Chi cục THADS quận Ngô Quyền',
        parentOfficeId: 'HP',
        tier: 'DISTRICT',
        effectiveDate: '2017-10-01',
      },
      201,
    );
    await post('offices/HP/targets', {
      reportingYear: 2018,
      casesRatePercent: '72',
      moneyRatePercent: '32',
      effectiveDate: '2017-10-02',
    });
    for (const caseId of ['HP-2018-0001', 'HP-2018-0002']) {
      await post('cases', receiveCaseBody(caseId), 201);
      await post(`cases/${caseId}/issue-enforcement-decision`, {
        decisionNumber: `101/QĐ-${caseId}`,
        effectiveDate: '2018-03-05',
      });
    }
    await post('cases/HP-2018-0002/record-collection', {
      collectionId: 'thu-1',
      itemId: 'debt',
      amount: '850000000',
      source: 'VOLUNTARY',
      effectiveDate: '2018-03-10',
    });
    await post('cases/HP-2018-0002/disburse-funds', {
      disbursementId: 'chi-1',
      itemId: 'debt',
      amount: '850000000',
      effectiveDate: '2018-03-12',
    });
    await post('cases/HP-2018-0002/settle', { effectiveDate: '2018-03-12' });
  });
  afterAll(() => t.close());

  it('answers JSON with every figure, rates, targets and gaps, and the position it reflects', async () => {
    const res = await report('office=HP&period=2018-03').expect(200);
    expect(BigInt(res.body.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    expect(res.headers['x-read-model-position']).toBe(res.body.position);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      officeId: 'HP',
      period: '2018-03',
      reportingYear: 2018,
      regime: { id: 'TT_08_2015' },
      closed: false,
    });
    expect(res.body.rollUp).toMatchObject({
      cases: {
        newlyReceived: '2',
        toEnforce: '2',
        enforceable: '2',
        completed: '1',
        fullyEnforced: '1',
        completionRate: '50.00',
      },
      money: { toEnforce: '1700000000', completed: '850000000', completionRate: '50.00' },
      target: { cases: '72.00', money: '32.00' },
      gap: { cases: '-22.00', money: '18.00' },
    });
    expect(res.body.children.map((row: { officeId: string }) => row.officeId)).toEqual(['HP-NGO-QUYEN']);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const res = await report('office=HP&period=2018-03').set('accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-read-model-position']).toMatch(/^\d+$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text.startsWith('\uFEFF')).toBe(true); // the UTF-8 byte-order mark Excel needs for "Hải Phòng"
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^period,reporting_year,regime,position,as_of,office_id/);
    expect(lines.filter((line) => line.includes(',ROLL_UP,'))).toHaveLength(4); // HP-NGO-QUYEN and HP, by cases and money
  });

  it('answers CSV with Vietnamese headings for lang=vi', async () => {
    const res = await report('office=HP&period=2018-03&lang=vi').set('accept', 'text/csv').expect(200);
    expect(res.headers['content-disposition']).toContain('completion-HP-2018-03-vi.csv');
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Kỳ báo cáo,Năm báo cáo,Chế độ báo cáo,/);
    expect(lines[0]).toContain(',Tổng số phải thi hành,Có điều kiện thi hành,Chưa có điều kiện thi hành,');
    expect(lines.some((line) => line.includes(',Cục THADS TP Hải Phòng,Cục THADS tỉnh,Tổng hợp,'))).toBe(true);
  });

  it('answers the XLSX form for its media type, read back with exceljs', async () => {
    const res = await report('office=HP&period=2018-03')
      .set('accept', XLSX_MEDIA_TYPE)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers['content-disposition']).toBe('attachment; filename="completion-HP-2018-03.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Việc');
    const total = sheet?.getRows(1, 40)?.find((row) => String(row.getCell(2).value).startsWith('Tổng cộng'));
    expect(total?.getCell(2).value).toBe('Tổng cộng: Cục THADS TP Hải Phòng');
  });

  it.each(['application/pdf', 'text/html', 'application/xml'])(
    'answers 406 NOT_ACCEPTABLE to Accept: %s, never a silent JSON',
    async (accept) => {
      const res = await report('office=HP&period=2018-03').set('accept', accept).expect(406);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'NOT_ACCEPTABLE', status: 406 });
      expect(res.body.detail).toContain('text/csv');
    },
  );

  it('keeps a closed period byte-identical after a correction recorded later, which lands in the next period', async () => {
    await post('offices/HP-NGO-QUYEN/close-period', { period: '2018-03', effectiveDate: '2018-04-02' });
    await post('offices/HP/close-period', { period: '2018-03', effectiveDate: '2018-04-03' });
    const before = await report('office=HP&period=2018-03').expect(200);
    expect(before.body).toMatchObject({ closed: true, rollUp: { closed: true } });

    // Terminated with effect on 20 March, recorded after the close.
    await post('cases/HP-2018-0001/terminate-enforcement', {
      decisionNumber: '7/QĐ-ĐC',
      ground: 'SETTLEMENT_OR_WAIVER',
      effectiveDate: '2018-03-20',
    });
    const after = await report('office=HP&period=2018-03').expect(200);
    expect(after.text).toBe(before.text);

    const april = await report('office=HP&period=2018-04').expect(200);
    expect(april.body.rollUp.cases).toMatchObject({ completed: '2', completionRate: '100.00' });
    expect(april.body.rollUp.adjustments).toMatchObject({
      appliesToPeriod: '2018-03',
      landsIn: 'SAME_YEAR',
      cases: { terminated: '1', completed: '1' },
    });
  });

  it('reports the whole country when no office is named', async () => {
    const res = await report('period=2018-03').expect(200);
    expect(res.body).toMatchObject({ officeId: null, office: null, rollUp: { officeId: null } });
    expect(res.body.children.map((row: { officeId: string }) => row.officeId)).toEqual(['HP']);
  });

  it.each([
    ['office=NOPE&period=2018-03', 404, 'OFFICE_NOT_FOUND'],
    ['office=HP&period=2018-13', 400, 'VALIDATION_FAILED'],
    ['office=HP&period=2018-03&asOf=2018-02-30', 400, 'VALIDATION_FAILED'],
    ['office=HP&period=2018-03&format=xls', 400, 'VALIDATION_FAILED'],
    ['office=HP&period=2018-03&minPosition=-1', 400, 'VALIDATION_FAILED'],
  ])('refuses %s: %i %s', async (query, status, code) => {
    const res = await t.http.get(`/api/v1/reports/completion?${query}`).expect(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
  });
});
