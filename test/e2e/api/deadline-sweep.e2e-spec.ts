import type { RecordedEvent } from '@thads/event-store';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/** The deadline sweep runs inside the API process (npm start embeds the projector) and stops with it. */
describe('deadline sweep in the API process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEADLINE_SWEEP_INTERVAL_MS: '1000' });
  });
  afterAll(() => t.close());

  /** The first event of `type` in the log, waiting for it as the store commits (no sleeps). */
  async function firstEventOf(type: string): Promise<RecordedEvent> {
    const controller = new AbortController();
    try {
      for await (const event of t.store.subscribeToAll({ signal: controller.signal }))
        if (event.type === type) return event;
      throw new Error(`The subscription ended before a ${type}`);
    } finally {
      controller.abort();
    }
  }

  it('records a verification date missed years ago as the system actor, once', async () => {
    const caseId = 'HP-2018-0042';
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .send({ decisionNumber: '101/QĐ-CCTHADS', servedOn: '2018-03-06', effectiveDate: '2018-03-05' })
      .expect(200);

    const missed = await firstEventOf('VerificationDeadlineMissed');

    expect(missed.stream).toBe(`case-${caseId}`);
    expect(missed.metadata.actor).toEqual({ id: 'deadline-sweep', role: 'system' });
    expect(missed.data).toMatchObject({ caseId, officeId: 'HP-NGO-QUYEN', dueOn: '2018-03-26' });
    // The late verification is still accepted: a missed deadline blocks nothing.
    await t.http
      .post(`/api/v1/cases/${caseId}/record-verification`)
      .send({ result: 'ENFORCEABLE', findings: 'Late, but done', effectiveDate: '2018-04-02' })
      .expect(200);
    const history = await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200);
    expect(
      history.body.events.filter((event: { type: string }) => event.type === 'VerificationDeadlineMissed'),
    ).toHaveLength(1);
  });
});
