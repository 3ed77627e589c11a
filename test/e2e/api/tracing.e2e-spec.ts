import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ProjectorRuntime } from '@thads/read-models';
import { PROJECTOR_RUNTIME } from '../../../apps/api/src/read-models/read-models.tokens';
import { receiveCaseBody } from './case-fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The spans of one command (docs/operations.md "Traces"), recorded in memory by the OpenTelemetry SDK the way
 * startTracing sets it up for an exporter: request → command → append, and the projector's batch linked to the
 * append. With no SDK (the default), the same code records nothing.
 */
describe('traces', () => {
  const exporter = new InMemorySpanExporter();
  let t: TestApp;
  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  const named = (name: string): ReadableSpan => {
    const spans = exporter.getFinishedSpans().filter((span) => span.name === name);
    expect(spans).toHaveLength(1);
    return spans[0];
  };
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('spans HTTP → command → append → projection batch for one command, each with its correlation id', async () => {
    const caseId = `TRACE-${randomUUID()}`;
    const correlationId = `corr-${randomUUID()}`;
    const callerTrace = randomUUID().replace(/-/g, '');
    const callerSpan = randomUUID().replace(/-/g, '').slice(0, 16);
    const created = await t.http
      .post('/api/v1/cases')
      .set('x-correlation-id', correlationId)
      .set('traceparent', `00-${callerTrace}-${callerSpan}-01`)
      .send(receiveCaseBody(caseId))
      .expect(201);
    await t.app.get<ProjectorRuntime>(PROJECTOR_RUNTIME).projector.waitForPosition(BigInt(created.body.position));

    const request = named('POST /api/v1/cases');
    const command = named('command ReceiveCase');
    const append = named(`append case-${caseId}`);

    // The caller's traceparent is the request's parent: the command joins the caller's trace.
    expect(request.spanContext().traceId).toBe(callerTrace);
    expect(parentOf(request)).toBe(callerSpan);
    expect(request.attributes).toMatchObject({
      'http.route': '/api/v1/cases',
      'http.response.status_code': 201,
      'thads.correlation_id': correlationId,
    });

    expect(command.spanContext().traceId).toBe(callerTrace);
    expect(parentOf(command)).toBe(request.spanContext().spanId);
    expect(command.attributes).toMatchObject({
      'thads.command.type': 'ReceiveCase',
      'thads.correlation_id': correlationId,
      'thads.aggregate.id': caseId,
      'thads.actor.role': 'officer',
    });

    expect(parentOf(append)).toBe(command.spanContext().spanId);
    expect(append.attributes).toMatchObject({
      'thads.correlation_id': correlationId,
      'thads.position': String(created.body.position),
    });

    // The batch that applied the command's event: linked to its append, naming its correlation id.
    const batches = exporter
      .getFinishedSpans()
      .filter(
        (span) =>
          span.name === 'projection batch' &&
          (span.attributes['thads.correlation_ids'] as string[] | undefined)?.includes(correlationId),
      );
    expect(batches).toHaveLength(1);
    expect(batches[0].links.map((link) => link.context.spanId)).toContain(append.spanContext().spanId);
  });

  it('marks a refused command on its span without making it an error', async () => {
    const caseId = `TRACE-${randomUUID()}`;
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
    exporter.reset();
    await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(409);
    const command = named('command ReceiveCase');
    expect(command.attributes['thads.refused']).toEqual(expect.any(String));
    expect(command.status.code).not.toBe(2); // SpanStatusCode.ERROR
    expect(exporter.getFinishedSpans().filter((span) => span.name.startsWith('append '))).toEqual([]);
  });
});
