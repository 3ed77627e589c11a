import { AsyncResource } from 'node:async_hooks';
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentLogContext, type LogFields, type Logger, withLogContext } from '@thads/observability';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requesterOf } from '../auth/granted-access';

/** The X-Correlation-Id the command path accepts (request-context.ts): anything else is not carried. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** What one request keeps from its first hook to its last. */
interface RequestScope {
  readonly fields: LogFields;
  readonly span: Span;
  /** Re-enters the request's log scope and span after Fastify has read the body (see preValidation below). */
  readonly resource: AsyncResource;
}

const scopes = new WeakMap<FastifyRequest, RequestScope>();

export const TRACER_NAME = 'thads-engine';

/**
 * Gives every request a log scope and a span, and writes its request line:
 *
 * - Log scope: every line written while the request is handled carries its `requestId` and `correlationId` (the
 *   X-Correlation-Id header, else the request id); a command adds its `commandId`, `actor` and the correlation id
 *   it runs under when its context is built (request-context.ts).
 * - Span (OpenTelemetry, a no-op unless traces are on): `<METHOD> <route template>`, a child of the caller's
 *   `traceparent` when one is sent; the command, append and projection spans hang below it.
 * - Request line at `info` when the response is sent: method, route template, path, status, duration, correlation
 *   id, command id and actor. Refusals are `info` too: the engine's own faults are logged by the problem filter.
 *
 * Fastify reads the body on the socket's events, outside the scope the onRequest hook opened: the preValidation hook
 * re-enters it, so the handler, its guards and the command path run inside it (as @fastify/request-context does).
 */
export function observeRequests(fastify: FastifyInstance, logger: Logger): void {
  const tracer = trace.getTracer(TRACER_NAME);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : request.id;
    const route = request.routeOptions.url ?? 'unmatched';
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'url.path': request.url.split('?')[0],
          'thads.correlation_id': correlationId,
        },
      },
      parent,
    );
    const fields: LogFields = { requestId: request.id, correlationId };
    withLogContext(fields, () =>
      context.with(trace.setSpan(parent, span), () => {
        // withLogContext copies the fields into the scope's own object: keep that one, so what the command adds
        // later (command id, actor) is on the request line too.
        const scope = { fields: currentLogContext() ?? fields, span, resource: new AsyncResource('thads-request') };
        scopes.set(request, scope);
        done();
      }),
    );
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const scope = scopes.get(request);
    if (scope === undefined) return done();
    scope.resource.runInAsyncScope(done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const scope = scopes.get(request);
    const status = reply.statusCode;
    const actor = scope?.fields.actor ?? requesterOf(request);
    // Object.assign, not a literal opening with `...scope?.fields`: on Node 20 such a literal survives the young
    // generation's collections, one per request (toRecordedEvent in events-table.ts says more).
    logger.info(
      Object.assign({}, scope?.fields, {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        path: request.url.split('?')[0],
        status,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(actor !== undefined ? { actor } : {}),
      }),
      'request',
    );
    if (scope !== undefined) endSpan(scope, status);
    done();
  });
}

function endSpan({ span, fields }: RequestScope, status: number): void {
  span.setAttribute('http.response.status_code', status);
  // The command may have set its own correlation id (X-Correlation-Id defaults to the command id).
  if (fields.correlationId !== undefined) span.setAttribute('thads.correlation_id', fields.correlationId);
  if (fields.commandId !== undefined) span.setAttribute('thads.command.id', fields.commandId);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
