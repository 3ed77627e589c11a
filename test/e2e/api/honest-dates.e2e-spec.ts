import { addCalendarDays } from '@thads/domain';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** Today in Asia/Ho_Chi_Minh, as the engine reads it. */
const vietnamToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/**
 * Dates that cannot lie, over HTTP: an act dated after the office's today is 422 ACT_DATED_IN_FUTURE and writes
 * nothing; a correction without a date is dated at the act it corrects, so the case still takes back-dated entries.
 */
describe('honest dates over HTTP', () => {
  let t: TestApp;
  const CASE = 'HP-2018-DATES';
  // A week ahead: still in the future if the day turns while the test runs.
  const nextWeek = addCalendarDays(vietnamToday(), 7);
  const admin = () => t.as('admin', 'HP', 'admin-dates');

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/cases').send(receiveCaseBody(CASE)).expect(201);
    await t.http
      .post(`/api/v1/cases/${CASE}/issue-enforcement-decision`)
      .send({ decisionNumber: '101/QĐ-DATES', effectiveDate: '2018-03-05' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('refuses a receipt, a later act and a service dated after today with 422, writing nothing', async () => {
    const head = await t.headOutsideRejections();
    const receipt = await t.http
      .post('/api/v1/cases')
      .send(receiveCaseBody('HP-2018-FUTURE', { effectiveDate: nextWeek }))
      .expect(422);
    expect(receipt.body).toMatchObject({
      code: 'ACT_DATED_IN_FUTURE',
      details: { field: 'effectiveDate', effectiveDate: nextWeek, today: vietnamToday() },
    });
    const collection = await t.http
      .post(`/api/v1/cases/${CASE}/record-collection`)
      .send({ collectionId: 'thu-x', itemId: 'debt', amount: '1000', source: 'VOLUNTARY', effectiveDate: nextWeek })
      .expect(422);
    expect(collection.body.code).toBe('ACT_DATED_IN_FUTURE');
    expect(await t.headOutsideRejections()).toBe(head);
    await t.http.get('/api/v1/cases/HP-2018-FUTURE').expect(404);
  });

  it('dates a correction without effectiveDate at the act it corrects; a back-dated entry still follows it', async () => {
    await t.http
      .post(`/api/v1/cases/${CASE}/record-collection`)
      .send({
        collectionId: 'thu-1',
        itemId: 'debt',
        amount: '5000000',
        source: 'VOLUNTARY',
        effectiveDate: '2018-03-20',
      })
      .expect(200);
    const events = (await t.http.get(`/api/v1/cases/${CASE}/events`).expect(200)).body.events as {
      id: string;
      type: string;
      data: { effectiveDate: string };
    }[];
    const collected = events.find((event) => event.type === 'FundsCollected')!;
    await admin()
      .post(`/api/v1/cases/${CASE}/correct-recorded-fact`)
      .send({ eventId: collected.id, correctedData: { amount: '4000000' }, reason: 'Receipt misread' })
      .expect(200);
    const after = (await t.http.get(`/api/v1/cases/${CASE}/events`).expect(200)).body.events as typeof events;
    expect(after[after.length - 1]).toMatchObject({ type: 'FactRetracted', data: { effectiveDate: '2018-03-20' } });

    // The officer now enters the verification of 25 March 2018, recorded late: accepted.
    await t.http
      .post(`/api/v1/cases/${CASE}/record-verification`)
      .send({ result: 'ENFORCEABLE', findings: 'Salary at the port', effectiveDate: '2018-03-25' })
      .expect(200);
    const verified = ((await t.http.get(`/api/v1/cases/${CASE}/events`).expect(200)).body.events as typeof events).find(
      (event) => event.type === 'EnforcementConditionsVerified',
    )!;
    const tooEarly = await admin()
      .post(`/api/v1/cases/${CASE}/correct-recorded-fact`)
      .send({ eventId: verified.id, reason: 'Not verified that day', effectiveDate: '2018-03-24' })
      .expect(422);
    expect(tooEarly.body).toMatchObject({
      code: 'CORRECTION_BEFORE_CORRECTED_ACT',
      details: { effectiveDate: '2018-03-24', correctedActOn: '2018-03-25' },
    });
  });
});
