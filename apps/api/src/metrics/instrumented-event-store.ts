import type { EventStore } from '@thads/event-store';
import type { EngineMetrics } from './engine-metrics';

/**
 * The event store with its appends timed and counted. A Proxy rather than a wrapper object, so adapter extras the
 * start-up checks look for (durability settings, group-commit stats) stay reachable.
 */
export function instrumentedEventStore(store: EventStore, metrics: EngineMetrics): EventStore {
  const append: EventStore['append'] = async (stream, events, options) => {
    const stop = metrics.appendDuration.startTimer();
    try {
      const result = await store.append(stream, events, options);
      stop({ outcome: 'ok' });
      metrics.eventsAppended.inc(events.length);
      return result;
    } catch (error) {
      stop({ outcome: 'error' });
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
