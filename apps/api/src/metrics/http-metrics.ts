import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from '../auth/route-table';
import type { EngineMetrics } from './engine-metrics';

/**
 * The command label of each POST route under /api/v1, keyed by its route template: the handler's name (receiveCase,
 * seizeAsset, …), read once from the route table instead of per request. A global Nest interceptor used to set it on
 * every request, which ran Nest's rxjs interceptor chain (and two AsyncResource.bind) for every GET too: that chain
 * kept each request's objects alive past young-generation collections (docs/performance.md, M5get).
 */
export function commandNamesOf(routes: readonly RouteAccess[]): ReadonlyMap<string, string> {
  return new Map(
    routes
      .filter((route) => route.method === 'POST' && route.path.startsWith('/api/'))
      .map((route) => [route.path, route.handler]),
  );
}

/**
 * Counts every response by route template and status, and times commands: a POST under /api/v1 is a command; its
 * label is the handler's name, or the route template for a route the table does not name.
 */
export function recordHttpMetrics(
  fastify: FastifyInstance,
  metrics: EngineMetrics,
  commandNames: ReadonlyMap<string, string>,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, seconds);
    if (request.method === 'POST' && route.startsWith('/api/')) {
      const command = commandNames.get(route) ?? route;
      metrics.commandDuration.observe({ command, outcome: outcomeOf(reply.statusCode) }, seconds);
    }
    done();
  });
}

function outcomeOf(status: number): string {
  if (status < 400) return 'accepted';
  return status < 500 ? 'refused' : 'failed';
}
