import { receiveCaseBody } from '../../e2e/api/case-fixtures';
import { startTestApp, type TestApp } from '../../e2e/api/test-app';
import { FaultLog } from '../support/fault-log';

const WRITERS = 16;
const RACERS = 10;

/**
 * Many writers on one hot case. 16 concurrent, non-conflicting commands (each seizes its own asset) all succeed: in
 * one process, commands on a stream queue behind each other instead of racing (once 35–54% ended in 409
 * CONCURRENCY_CONFLICT after 4 attempts). 10 racers sending the same If-Match: exactly one wins, the rest get 412.
 */
describe('a hot case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  async function caseReadyForSeizure(caseId: string): Promise<string> {
    const post = async (path: string, body: object) =>
      (await t.http.post(`/api/v1/cases/${caseId}/${path}`).send(body).expect(200)).body as { revision: string };
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await post('issue-enforcement-decision', {
      decisionNumber: '101/QĐ',
      servedOn: '2018-03-06',
      effectiveDate: '2018-03-05',
    });
    await post('assign-enforcement-officer', { officerId: 'chv-1', effectiveDate: '2018-03-05' });
    await post('record-verification', { result: 'ENFORCEABLE', findings: 'A house', effectiveDate: '2018-03-20' });
    const last = await post('decide-coercion', {
      decisionNumber: '15/QĐ-CC',
      measure: 'SEIZE_AND_SELL',
      scheduledAt: '2018-03-22T09:00',
      effectiveDate: '2018-03-21',
    });
    return last.revision;
  }

  const seize = (caseId: string, assetId: string) =>
    t.http
      .post(`/api/v1/cases/${caseId}/seize-asset`)
      .send({ assetId, kind: 'VEHICLE', description: `Asset ${assetId}`, effectiveDate: '2018-03-22' });

  it(`${WRITERS} writers of non-conflicting commands all succeed`, async () => {
    const log = new FaultLog('hot case: 16 writers');
    const caseId = `HP-HOT-${log.between(1, 9999)}`;
    await caseReadyForSeizure(caseId);
    const order = Array.from({ length: WRITERS }, (_, index) => index).sort(() => log.random() - 0.5);
    const answers = await Promise.all(order.map((index) => seize(caseId, `asset-${index}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses).toEqual(Array(WRITERS).fill(200));
    const events = await t.store.readStream(`case-${caseId}`);
    expect(events.filter((event) => event.type === 'AssetSeized')).toHaveLength(WRITERS);
    log.outcome(
      `${WRITERS} concurrent seizures: ${statuses.filter((s) => s === 200).length} × 200, ${WRITERS} AssetSeized events`,
    );
  });

  it(`${RACERS} racers with one If-Match: exactly one 2xx`, async () => {
    const log = new FaultLog('hot case: If-Match racers');
    const caseId = `HP-RACE-${log.between(1, 9999)}`;
    const revision = await caseReadyForSeizure(caseId);
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, index) => seize(caseId, `asset-${index}`).set('if-match', `"${revision}"`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(RACERS - 1).fill(412)]);
    log.outcome(`${RACERS} racers on If-Match "${revision}": 1 × 200, ${RACERS - 1} × 412 REVISION_MISMATCH`);
  });
});
