import { Counter, Gauge } from 'prom-client';
import type { EventStore } from '@thads/event-store';
import type { ProjectorRuntime } from '@thads/read-models';
import type { EngineMetrics } from './engine-metrics';

/**
 * Projection lag (events and seconds) and open dead letters per projection, read from the projector at scrape time.
 * Lag in seconds is how long the projection has been behind without catching up: 0 once it has applied the head.
 */
export function registerProjectionMetrics(metrics: EngineMetrics, runtime: ProjectorRuntime, now = Date.now): void {
  const labels = { labelNames: ['projection'] as const, registers: [metrics.registry] };
  const lagEvents = new Gauge({ name: 'thads_projection_lag_events', help: 'Events not yet applied', ...labels });
  const lagSeconds = new Gauge({
    name: 'thads_projection_lag_seconds',
    help: 'Seconds the projection has been behind the event-store head (0 when caught up)',
    ...labels,
  });
  const deadLetters = new Gauge({ name: 'thads_projection_dead_letters', help: 'Open dead letters', ...labels });
  const position = new Gauge({ name: 'thads_projection_position', help: 'Last applied log position', ...labels });
  const behindSince = new Map<string, number>();
  metrics.onScrape(async () => {
    await runtime.projector.refresh().catch(() => undefined);
    for (const status of runtime.projector.status()) {
      const lag = Number(status.lag);
      if (lag === 0) behindSince.delete(status.name);
      else if (!behindSince.has(status.name)) behindSince.set(status.name, now());
      lagEvents.set({ projection: status.name }, lag);
      lagSeconds.set(
        { projection: status.name },
        lag === 0 ? 0 : (now() - (behindSince.get(status.name) ?? now())) / 1000,
      );
      deadLetters.set({ projection: status.name }, status.deadLetters.length);
      position.set({ projection: status.name }, Number(status.position));
    }
  });
}

/** Group-commit counters of the SQLite and PostgreSQL event stores (absent on EventStoreDB): mean batch = appends / commits. */
export function registerGroupCommitMetrics(metrics: EngineMetrics, store: EventStore): void {
  const stats = (
    store as Partial<{ groupCommitStats(): { transactions: number; appends: number; largestGroup: number } }>
  ).groupCommitStats;
  if (typeof stats !== 'function') return;
  const registers = [metrics.registry];
  const commits = new Counter({ name: 'thads_group_commits_total', help: 'Group transactions committed', registers });
  const appends = new Counter({
    name: 'thads_group_commit_appends_total',
    help: 'Appends committed in group transactions (divide by thads_group_commits_total for the mean batch size)',
    registers,
  });
  const largest = new Gauge({ name: 'thads_group_commit_largest_batch', help: 'Most appends in one group', registers });
  let seen = { transactions: 0, appends: 0 };
  metrics.onScrape(() => {
    const now = stats.call(store);
    commits.inc(now.transactions - seen.transactions);
    appends.inc(now.appends - seen.appends);
    largest.set(now.largestGroup);
    seen = now;
  });
}
