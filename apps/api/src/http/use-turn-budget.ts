import type { FastifyInstance } from 'fastify';
import { ROUTES_WITHOUT_PREFIX } from './api-prefix';
import { TurnBudget } from './turn-budget';

/**
 * The probes and the metrics scrape (the routes outside the API prefix) answer at once: a liveness probe that waits
 * behind the load it is meant to survive would fail.
 */
const UNGATED_ROUTES = new Set(ROUTES_WITHOUT_PREFIX.map((route) => `/${route.path}`));

/**
 * Gates each request's handling (reading its body, guards, validation, the handler) behind the turn budget, from the
 * first hook after the one that opens its log scope (request-observability.ts, registered before this), so a waiting
 * request has cost only its routing, and the reading of its body counts in the turn that admits it (change 41).
 */
export function useTurnBudget(fastify: FastifyInstance, budgetMs: number, onDeferred: () => void): void {
  const budget = new TurnBudget({ budgetMs, onDeferred });
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (UNGATED_ROUTES.has(request.routeOptions.url ?? '')) return done();
    budget.admit(done);
  });
}
