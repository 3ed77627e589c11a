import { randomUUID } from 'node:crypto';
import { capturedLog } from './captured-log';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

const METRICS_TOKEN = 'prometheus-scrapes-with-this-token-0123456789';

/**
 * TURN_BUDGET_MS (apps/api/src/http/turn-budget.ts): with a budget of 1 ms a burst of commands cannot all be handled
 * in the turn they arrive in; the ones that wait for a later turn are answered as the others are, in their own
 * request's log scope, and counted.
 */
describe('API request handling spread over turns of the event loop', () => {
  let t: TestApp;
  const { logger, lines } = capturedLog();
  beforeAll(async () => {
    t = await startTestApp({ TURN_BUDGET_MS: '1', METRICS_TOKEN, EMBEDDED_PROJECTOR: 'false' }, { logger });
  });
  afterAll(() => t.close());

  it('given a burst of probes and scrapes, then none of them waits', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const probes = ['/health', '/health/live', '/health/ready'].flatMap((url) => Array.from({ length: 8 }, () => url));
    const answers = await Promise.all(probes.map((url) => fastify.inject({ method: 'GET', url })));
    expect(answers.map((answer) => answer.statusCode)).toEqual(probes.map(() => 200));
    expect(await deferredCount()).toBe(0);
  });

  it('given a burst of commands, then each is answered and logged with its own ids, and the waits are counted', async () => {
    const burst = Array.from({ length: 24 }, () => ({
      caseId: `TURN-${randomUUID()}`,
      commandId: `cmd-${randomUUID()}`,
      correlationId: `corr-${randomUUID()}`,
    }));
    // Fastify's inject hands every request to the server in the same turn, as a loaded server's poll phase does.
    const fastify = t.app.getHttpAdapter().getInstance();
    const answers = await Promise.all(
      burst.map(({ caseId, commandId, correlationId }) =>
        fastify.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: {
            authorization: t.authorization,
            'idempotency-key': commandId,
            'x-correlation-id': correlationId,
          },
          payload: receiveCaseBody(caseId),
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(burst.map(() => 201));
    for (const { commandId, correlationId } of burst) {
      const requestLines = lines.filter((line) => line.msg === 'request' && line.commandId === commandId);
      expect(requestLines).toHaveLength(1);
      expect(requestLines[0]).toMatchObject({ correlationId, status: 201 });
    }
    for (const { caseId, commandId, correlationId } of burst) {
      const events = await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200);
      expect(events.body.events[0].metadata).toMatchObject({ commandId, correlationId });
    }
    expect(await deferredCount()).toBeGreaterThan(0);
  });

  async function deferredCount(): Promise<number> {
    const metrics = await t.anonymous.get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    return Number(/^thads_http_requests_deferred_total (\d+)$/m.exec(metrics.text)?.[1]);
  }
});
