import { randomUUID } from 'node:crypto';
import { capturedLog } from './captured-log';
import { receiveCaseBody } from './case-fixtures';
import { DEFAULT_TEST_SUBJECT, startTestApp, type TestApp } from './test-app';

/** The API's log lines (docs/operations.md "Logs"), captured as the JSON objects it writes. */
describe('API logs', () => {
  let t: TestApp;
  const { logger, lines } = capturedLog();
  beforeAll(async () => {
    // No projector and no wait: a query for a command's position is answered 503 READ_MODEL_BEHIND at once.
    t = await startTestApp({ MIN_POSITION_WAIT_MS: '0', EMBEDDED_PROJECTOR: 'false' }, { logger });
  });
  afterAll(() => t.close());

  const linesOf = (requestId: unknown) => lines.filter((line) => line.requestId === requestId);
  const requestLine = (path: string, status: number) => {
    const found = lines.filter((line) => line.msg === 'request' && line.path === path && line.status === status);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('writes a request line per command carrying its correlation id, command id and actor', async () => {
    const caseId = `LOG-${randomUUID()}`;
    const correlationId = `corr-${randomUUID()}`;
    const commandId = `cmd-${randomUUID()}`;
    await t.http
      .post('/api/v1/cases')
      .set('x-correlation-id', correlationId)
      .set('idempotency-key', commandId)
      .send(receiveCaseBody(caseId))
      .expect(201);

    const line = requestLine('/api/v1/cases', 201);
    expect(line).toMatchObject({
      level: 'info',
      app: 'api',
      method: 'POST',
      route: '/api/v1/cases',
      correlationId,
      commandId,
      actor: { id: DEFAULT_TEST_SUBJECT, role: 'officer', officeId: 'HP-NGO-QUYEN' },
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
    // The events the command wrote carry the same ids: a log line leads to the events and back.
    const events = await t.http.get(`/api/v1/cases/${caseId}/events`).expect(200);
    expect(events.body.events[0].metadata).toMatchObject({ commandId, correlationId });
  });

  it('uses the command id as correlation id when the client sends none, as the events record it', async () => {
    const commandId = `cmd-${randomUUID()}`;
    const caseId = `LOG-${randomUUID()}`;
    await t.http.post('/api/v1/cases').set('idempotency-key', commandId).send(receiveCaseBody(caseId)).expect(201);
    const line = lines.filter((candidate) => candidate.msg === 'request' && candidate.commandId === commandId);
    expect(line).toHaveLength(1);
    expect(line[0].correlationId).toBe(commandId);
  });

  it('logs a query with its route template and a correlation id of its own', async () => {
    await t.http.get('/api/v1/cases/NO-SUCH-CASE').expect(404);
    const line = requestLine('/api/v1/cases/NO-SUCH-CASE', 404);
    expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/api/v1/cases/:caseId' });
    expect(line.correlationId).toBe(line.requestId);
    expect(line.commandId).toBeUndefined();
  });

  it('logs a refusal of the domain at info with its code and no stack, inside the command scope', async () => {
    const caseId = `LOG-${randomUUID()}`;
    const correlationId = `corr-${randomUUID()}`;
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    await t.http.post('/api/v1/cases').set('x-correlation-id', correlationId).send(receiveCaseBody(caseId)).expect(409);
    const request = requestLine('/api/v1/cases', 409);
    const refusal = linesOf(request.requestId).find((line) => line.msg !== 'request');
    expect(refusal).toMatchObject({ level: 'info', status: 409, correlationId, context: 'Problem' });
    expect(refusal?.code).toEqual(expect.any(String));
    expect(refusal?.commandId).toEqual(expect.any(String));
    expect(JSON.stringify(refusal)).not.toMatch(/\n\s+at /);
    expect(refusal).not.toHaveProperty('stack');
  });

  it('logs 503 READ_MODEL_BEHIND at info without a stack: the engine is waiting, not failing', async () => {
    const written = await t.http
      .post('/api/v1/cases')
      .send(receiveCaseBody(`LOG-${randomUUID()}`))
      .expect(201);
    await t.http.get(`/api/v1/cases?office=HP-NGO-QUYEN&minPosition=${written.body.position}`).expect(503);
    const request = requestLine('/api/v1/cases', 503);
    expect(request.route).toBe('/api/v1/cases');
    const related = linesOf(request.requestId);
    expect(related.find((line) => line.code === 'READ_MODEL_BEHIND')).toMatchObject({ level: 'info', status: 503 });
    for (const line of related) {
      expect(line.level).toBe('info');
      expect(line).not.toHaveProperty('stack');
    }
  });

  it('has written no line at error or above', () => {
    expect(lines.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
  });
});
