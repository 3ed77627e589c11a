import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Corrections can be corrected, over HTTP: a second correction of the same event supersedes the first, a correction
 * is retracted (the fact counts as it stood before it) and that retraction retracted in turn; the history shows every
 * step with its reason and the case list follows each one. Reads wait on positions, never sleep.
 */
describe('corrections of corrections over HTTP', () => {
  let t: TestApp;
  let position = '0';
  const CASE = 'HP-2018-CC';
  const admin = () => t.as('admin', 'HP', 'admin-cc');
  type StoredEvent = { id: string; type: string; data: Record<string, unknown>; metadata: { reason?: string } };
  const eventsOf = async () =>
    (await t.http.get(`/api/v1/cases/${CASE}/events`).expect(200)).body.events as StoredEvent[];
  const correct = async (body: object, status = 200) => {
    const res = await admin().post(`/api/v1/cases/${CASE}/correct-recorded-fact`).send(body).expect(status);
    if (status === 200) position = res.body.position;
    return res;
  };
  const collected = async () => {
    const res = await t.http.get(`/api/v1/cases?office=HP-NGO-QUYEN&minPosition=${position}`).expect(200);
    return (res.body.items as { caseId: string; collected: string }[]).find((item) => item.caseId === CASE)!.collected;
  };
  const lastEvent = async () => (await eventsOf()).at(-1)!;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/cases').send(receiveCaseBody(CASE)).expect(201);
    await t.http
      .post(`/api/v1/cases/${CASE}/issue-enforcement-decision`)
      .send({ decisionNumber: '101/QĐ-CC', effectiveDate: '2018-03-05' })
      .expect(200);
    const res = await t.http
      .post(`/api/v1/cases/${CASE}/record-collection`)
      .send({
        collectionId: 'thu-1',
        itemId: 'debt',
        amount: '8000000',
        source: 'VOLUNTARY',
        effectiveDate: '2018-03-20',
      })
      .expect(200);
    position = res.body.position;
  });
  afterAll(() => t.close());

  it('supersedes, retracts and reinstates a correction; the case list and the history follow every step', async () => {
    expect(await collected()).toBe('8000000');
    const collection = (await eventsOf()).find((event) => event.type === 'FundsCollected')!;

    await correct({ eventId: collection.id, correctedData: { amount: '3000000' }, reason: 'Receipt misread' });
    expect(await collected()).toBe('3000000');
    const first = await lastEvent();

    // Correcting the same event again supersedes the first correction (once 409 EVENT_ALREADY_RETRACTED).
    await correct({
      eventId: collection.id,
      correctedData: { amount: '5000000' },
      reason: 'Second look at the receipt',
    });
    expect(await collected()).toBe('5000000');
    const second = await lastEvent();

    // Retracting the second correction (once 422 EVENT_NOT_RETRACTABLE) restores the fact as it stood before it.
    await correct({ eventId: second.id, reason: 'The second look was at another receipt' });
    expect(await collected()).toBe('3000000');
    const undo = await lastEvent();
    expect(undo).toMatchObject({
      type: 'FactRetracted',
      data: { retractedEventId: second.id, retractedType: 'FactRetracted', effectiveDate: '2018-03-20' },
      metadata: { reason: 'The second look was at another receipt' },
    });

    // Retracting that retraction reinstates the second correction.
    await correct({ eventId: undo.id, reason: 'It was this receipt after all' });
    expect(await collected()).toBe('5000000');

    // The replay keeps every standing step: the collection (as corrected), both corrections of it, the retraction
    // of the retraction; the retracted retraction is the one step no longer folded.
    const history = (await t.http.get(`/api/v1/cases/${CASE}/history`).expect(200)).body as {
      steps: { eventId: string; type: string; reason: string | null; data: Record<string, unknown> }[];
      state: { facts: { items: { collected: string }[] } };
    };
    const ids = history.steps.map((step) => step.eventId);
    expect(ids).toEqual(expect.arrayContaining([collection.id, first.id, second.id]));
    expect(ids).not.toContain(undo.id);
    expect(history.steps.find((step) => step.eventId === collection.id)!.data).toMatchObject({ amount: '5000000' });
    expect(history.steps.at(-1)).toMatchObject({ type: 'FactRetracted', reason: 'It was this receipt after all' });
    expect(history.state.facts.items[0].collected).toBe('5000000');
    // Every step stays in the stream.
    expect((await eventsOf()).filter((event) => event.type === 'FactRetracted')).toHaveLength(4);
  });

  it('refuses correctedData on a correction (400) and a second retraction of the same correction (409)', async () => {
    const corrections = (await eventsOf()).filter((event) => event.type === 'FactRetracted');
    const bad = await correct({ eventId: corrections[0].id, correctedData: { reason: 'x' }, reason: 'No' }, 400);
    expect(bad.body).toMatchObject({ code: 'INVALID_CORRECTED_DATA', details: { field: 'correctedData' } });
    const again = await correct({ eventId: corrections[2].id, reason: 'Again' }, 409);
    expect(again.body.code).toBe('EVENT_ALREADY_RETRACTED');
  });
});
