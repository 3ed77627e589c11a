import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Injection token of this process's EngineMetrics. */
export const ENGINE_METRICS = Symbol('ENGINE_METRICS');

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics GET /metrics serves (Prometheus text format, prom-client). One registry per app instance rather than
 * prom-client's global one, so tests can start several apps in one process. Gauges that mirror state elsewhere
 * (projections, group commit, SSE) are read at scrape time by collectors added with `onScrape`.
 */
export class EngineMetrics {
  readonly registry = new Registry();

  readonly commandDuration = new Histogram({
    name: 'thads_command_duration_seconds',
    help: 'Command latency from request to answer, by command and outcome (accepted 2xx, refused 4xx, failed 5xx)',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'thads_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'thads_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'thads_event_store_append_duration_seconds',
    help: 'Event-store append latency (queueing, group commit and fsync included), by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'thads_events_appended_total',
    help: 'Events appended by this process',
    registers: [this.registry],
  });

  readonly httpRequestsDeferred = new Counter({
    name: 'thads_http_requests_deferred_total',
    help: 'HTTP requests whose handling waited for a later turn of the event loop (TURN_BUDGET_MS)',
    registers: [this.registry],
  });

  readonly sseClients = new Gauge({
    name: 'thads_sse_clients',
    help: 'Open read-model change feeds (Server-Sent Events)',
    registers: [this.registry],
  });

  private readonly scrapeHooks: (() => void | Promise<void>)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'thads_' });
  }

  /** Runs `hook` before every scrape, to refresh gauges that mirror state kept elsewhere. */
  onScrape(hook: () => void | Promise<void>): void {
    this.scrapeHooks.push(hook);
  }

  /** The text exposition of every metric, after refreshing the mirrored ones. */
  async scrape(): Promise<string> {
    for (const hook of this.scrapeHooks) await hook();
    return this.registry.metrics();
  }
}
