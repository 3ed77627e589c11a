import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EngineMetrics } from './engine-metrics';

/** Where the command interceptor leaves the handler's name for the response hook. */
const COMMAND = Symbol('thads.command');

/** Marks a request as the command `name` (the controller method), so its latency lands in the command histogram. */
export function markCommand(request: FastifyRequest, name: string): void {
  (request as FastifyRequest & { [COMMAND]?: string })[COMMAND] = name;
}

/**
 * Counts every response by route template and status, and times commands: a POST under /api/v1 is a command; its
 * label is the handler's name, or the route when a guard refused it before the handler was known.
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: EngineMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, seconds);
    if (request.method === 'POST' && route.startsWith('/api/')) {
      const command = (request as FastifyRequest & { [COMMAND]?: string })[COMMAND] ?? route;
      metrics.commandDuration.observe({ command, outcome: outcomeOf(reply.statusCode) }, seconds);
    }
    done();
  });
}

function outcomeOf(status: number): string {
  if (status < 400) return 'accepted';
  return status < 500 ? 'refused' : 'failed';
}
