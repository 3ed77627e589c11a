import type { AddressInfo } from 'node:net';
import { readChanges, type ProjectorRuntime } from '@thads/read-models';
import type { ProjectorThreadHost } from '../../../apps/api/src/read-models/projector-thread-host';
import { PROJECTOR_RUNTIME, PROJECTOR_THREAD } from '../../../apps/api/src/read-models/read-models.tokens';
import { receiveCaseBody } from './case-fixtures';
import { connectSse } from './sse-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * The default EMBEDDED_PROJECTOR=thread: events applied on a worker thread with its own connections, the API's own
 * runtime following its checkpoints. Reads with minPosition, the change feed and the projection status must behave
 * as with the projector on the event loop.
 */
describe('projector on a worker thread (the default)', () => {
  let t: TestApp;
  let runtime: ProjectorRuntime;

  beforeAll(async () => {
    t = await startTestApp({ EMBEDDED_PROJECTOR: 'thread' });
    runtime = t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME);
  });
  afterAll(() => t?.close());

  it('reads its own writes: a list read with minPosition waits for the thread to apply the command', async () => {
    expect(t.app.get<ProjectorThreadHost>(PROJECTOR_THREAD).running).toBe(true);
    const received = await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-THREAD-1')).expect(201);
    const list = await t.http.get(`/api/v1/cases?minPosition=${received.body.position}`).expect(200);
    expect(list.body.items.map((item: { caseId: string }) => item.caseId)).toContain('HP-THREAD-1');
  });

  it('wakes the change feed with every batch the thread commits', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    await runtime.projector.waitForPosition(await t.store.headPosition());
    const logged = await readChanges(runtime.readModels.db, { afterId: 0n, projection: 'case_summary', limit: 10_000 });
    const feed = await connectSse(port, '/api/v1/feeds/read-models?projection=case_summary', {
      authorization: t.authorization,
      'last-event-id': String(logged.at(-1)?.id ?? 0n),
    });
    try {
      await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-THREAD-2')).expect(201);
      const [change] = await feed.next(1);
      expect((change.data as { key: string }).key).toContain('HP-THREAD-2');
    } finally {
      feed.close();
      await feed.ended;
    }
  });

  it('reports the thread’s progress as this process’s projection status', async () => {
    const received = await t.http.post('/api/v1/cases').send(receiveCaseBody('HP-THREAD-3')).expect(201);
    await runtime.projector.waitForPosition(BigInt(received.body.position));
    const status = runtime.projector.status();
    expect(status.length).toBeGreaterThan(0);
    for (const projection of status) {
      expect(projection.status).toBe('running');
      expect(BigInt(projection.position)).toBeGreaterThanOrEqual(BigInt(received.body.position));
    }
  });
});
