import type { AddressInfo } from 'node:net';
import { readChanges, type ProjectorRuntime } from '@thads/read-models';
import { PROJECTOR_RUNTIME } from '../../../apps/api/src/read-models/read-models.tokens';
import { receiveCaseBody } from './case-fixtures';
import { connectSse, type SseMessage } from './sse-client';
import { startTestApp, type TestApp } from './test-app';

/** GET /api/v1/feeds/read-models over a real listening port, read with Node's http client. */
describe('read-model change feed (SSE)', () => {
  let t: TestApp;
  let port: number;
  let runtime: ProjectorRuntime;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    runtime = t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME);
  });
  afterAll(() => t.close());

  /** Receives and decides a case through the API; returns once every read model has applied it. */
  async function receiveAndDecide(caseId: string): Promise<void> {
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    const decided = await t.http
      .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
      .send({ decisionNumber: `${caseId}/QĐ`, effectiveDate: '2018-03-05' })
      .expect(200);
    await runtime.projector.waitForPosition(BigInt(decided.body.position));
  }

  /** What the change log holds for the filter after `afterId`, as the feed must send it. */
  async function logged(projection: string | undefined, afterId = 0n): Promise<SseMessage[]> {
    const changes = await readChanges(runtime.readModels.db, { afterId, projection, limit: 10_000 });
    return changes.map((change) => ({
      id: change.id.toString(),
      event: 'read-model-change',
      data: { projection: change.projection, key: change.key, position: change.position.toString() },
    }));
  }

  it('catches up, goes live, and after a disconnect resumes with Last-Event-ID: nothing missed, nothing twice', async () => {
    await receiveAndDecide('HP-FEED-1');
    const first = await connectSse(port, '/api/v1/feeds/read-models?projection=case_summary', {
      authorization: t.authorization,
    });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const catchUp = await logged('case_summary');
    expect(catchUp.length).toBeGreaterThan(0);
    expect(await first.next(catchUp.length)).toEqual(catchUp);

    // Live: a change made while connected arrives without reconnecting.
    await receiveAndDecide('HP-FEED-2');
    const live = await logged('case_summary', BigInt(catchUp.at(-1)?.id ?? '0'));
    // case_summary names its keys by case id; others by stream.
    expect(live.map((message) => (message.data as { key: string }).key)).toContainEqual(
      expect.stringContaining('HP-FEED-2'),
    );
    const liveReceived = await first.next(live.length);
    expect(liveReceived).toEqual(live);
    first.close();
    await first.ended;

    // Changes made while nobody listens.
    await receiveAndDecide('HP-FEED-3');
    await t.http
      .post('/api/v1/cases/HP-FEED-1/assign-enforcement-officer')
      .send({ officerId: 'chv-tran', effectiveDate: '2018-03-06' })
      .expect(200);
    await receiveAndDecide('HP-FEED-4');

    const lastSeen = liveReceived.at(-1)?.id ?? '0';
    const resumed = await connectSse(port, '/api/v1/feeds/read-models?projection=case_summary', {
      authorization: t.authorization,
      'last-event-id': lastSeen,
    });
    const missed = await logged('case_summary', BigInt(lastSeen));
    const missedKeys = missed.map((message) => (message.data as { key: string }).key);
    for (const caseId of ['HP-FEED-3', 'HP-FEED-1', 'HP-FEED-4'])
      expect(missedKeys).toContainEqual(expect.stringContaining(caseId));
    const afterResume = await resumed.next(missed.length);
    expect(afterResume).toEqual(missed);

    // Across both connections: every change of the filter exactly once, in id order, no gap.
    const everything = [...catchUp, ...liveReceived, ...afterResume];
    expect(everything).toEqual(await logged('case_summary'));
    expect(new Set(everything.map((message) => message.id)).size).toBe(everything.length);
    resumed.close();
  });

  it('without a filter serves every read model; fromId resumes like Last-Event-ID, and Last-Event-ID wins', async () => {
    await receiveAndDecide('HP-FEED-5');
    const all = await logged(undefined);
    const projections = new Set(all.map((message) => (message.data as { projection: string }).projection));
    expect([...projections].sort()).toEqual(expect.arrayContaining(['audit_trail', 'case_summary', 'deadlines']));
    const middle = all[Math.floor(all.length / 2)].id;
    const fromId = await connectSse(port, `/api/v1/feeds/read-models?fromId=${middle}`, {
      authorization: t.authorization,
    });
    const rest = await logged(undefined, BigInt(middle));
    expect(await fromId.next(rest.length)).toEqual(rest);
    fromId.close();

    const both = await connectSse(port, '/api/v1/feeds/read-models?fromId=0', {
      authorization: t.authorization,
      'last-event-id': middle,
    });
    expect(await both.next(1)).toEqual([rest[0]]);
    both.close();
  });

  it('refuses an unknown projection, a bad fromId and a bad Last-Event-ID with a 400 problem naming the field', async () => {
    const unknown = await t.http.get('/api/v1/feeds/read-models?projection=gossip').expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'projection' }] });
    const badFrom = await t.http.get('/api/v1/feeds/read-models?fromId=-1').expect(400);
    expect(badFrom.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'fromId' }] });
    const badHeader = await t.http.get('/api/v1/feeds/read-models').set('Last-Event-ID', 'yesterday').expect(400);
    expect(badHeader.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Last-Event-ID' }] });
  });

  it('lets the reporting service read the case_summary row a message names, without case-work rights', async () => {
    await receiveAndDecide('HP-FEED-REPORT');
    const reporting = t.as('reporting', [], 'bao-cao');
    const stream = await connectSse(port, '/api/v1/feeds/read-models?projection=case_summary', {
      authorization: `Bearer ${t.token({ sub: 'bao-cao', roles: ['reporting'] })}`,
    });
    expect(stream.status).toBe(200);
    const messages = await stream.next((await logged('case_summary')).length);
    stream.close();
    const named = messages.map((message) => message.data as { key: string; position: string });
    const change = named.find((message) => message.key === 'HP-FEED-REPORT');
    expect(change).toBeDefined();
    const row = await reporting.get(`/api/v1/cases/${change?.key}/summary?minPosition=${change?.position}`).expect(200);
    expect(row.body.item).toMatchObject({ caseId: 'HP-FEED-REPORT', officeId: 'HP-NGO-QUYEN' });
    expect(BigInt(row.body.position)).toBeGreaterThanOrEqual(BigInt(change?.position ?? '0'));
    // The row, not the case: its state and events name the parties.
    expect((await reporting.get('/api/v1/cases/HP-FEED-REPORT').expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await reporting.get('/api/v1/cases/NO-SUCH-CASE/summary').expect(404)).body.code).toBe('CASE_NOT_FOUND');
  });
});

describe('read-model change feed at shutdown', () => {
  it('app.close() ends connected streams instead of waiting for them', async () => {
    const t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const client = await connectSse(port, '/api/v1/feeds/read-models', { authorization: t.authorization });
    expect(client.status).toBe(200);

    await t.close();

    await client.ended;
  });
});
