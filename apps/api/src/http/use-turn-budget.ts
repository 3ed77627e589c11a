import type { FastifyInstance } from 'fastify';
import { TurnBudget } from './turn-budget';

/** Probes and scrapes answer at once: a liveness probe that waits behind the load it is meant to survive would fail. */
const UNGATED_ROUTES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * Gates each request's handling (guards, validation, the handler) behind the turn budget, after Fastify has read
 * its body and the request's log scope is re-entered (request-observability.ts), so a waiting request holds no work.
 */
export function useTurnBudget(fastify: FastifyInstance, budgetMs: number, onDeferred: () => void): void {
  const budget = new TurnBudget({ budgetMs, onDeferred });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (UNGATED_ROUTES.has(request.routeOptions.url ?? '')) return done();
    budget.admit(() => done());
  });
}
