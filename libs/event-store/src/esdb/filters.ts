/**
 * The port's EventFilter on EventStoreDB. Pure.
 *
 * ESDB filters on one thing at a time (stream name or event type, by prefixes or one regex), and
 * `@eventstore/db-client` 6.x filters only subscriptions, not readAll. So:
 * - subscriptions get the most selective server-side filter (`serverFilter`), which also keeps system events out;
 * - every event, read or subscribed, then passes `acceptsEvent`, the exact port semantics: in the namespace, not a
 *   system event, category and type both matching. For subscriptions this re-check is cheap and makes the combined
 *   filters (category and type) exact; for readAll it is the whole filter.
 *
 * Categories are the part before the first `-` (streamCategory).
 */
import { streamCategory } from '../append-rules';
import type { EventFilter } from '../event-store';
import type { EsdbRecordedEvent, EsdbServerFilter } from './client-port';
import { fromEsdbStreamName, isSystemEvent } from './event-mapping';

/** The client's `excludeSystemEvents()` regex: any event type not starting with `$`. */
export const EXCLUDE_SYSTEM_EVENTS = '^[^$].*';

/** True when the filter can match nothing (an empty list): the adapter then never calls the server. */
export function matchesNothing(filter: EventFilter | undefined): boolean {
  return filter?.categories?.length === 0 || filter?.eventTypes?.length === 0;
}

/**
 * The server-side filter for a subscription to $all:
 * - categories → a stream-name regex `^(?:case|complaint)(?:-|$)` (after the namespace, if any): exactly the port's
 *   category, which a prefix `case-` is not (it misses a stream named just `case`, which readAll would return);
 * - else a namespace → the stream-name prefix `${namespace}.`;
 * - else event types → an event-type regex of the exact names (a prefix `CaseReceived` would also match
 *   `CaseReceivedV2`);
 * - else → the client's excludeSystemEvents regex.
 * Call only when `matchesNothing(filter)` is false.
 */
export function serverFilter(filter: EventFilter | undefined, namespace: string | undefined): EsdbServerFilter {
  const scope = namespace === undefined ? '' : `${namespace}.`;
  if (filter?.categories) {
    return {
      filterOn: 'streamName',
      regex: `^${escapeRegex(scope)}(?:${filter.categories.map(escapeRegex).join('|')})(?:-|$)`,
    };
  }
  if (namespace !== undefined) return { filterOn: 'streamName', prefixes: [scope] };
  if (filter?.eventTypes)
    return { filterOn: 'eventType', regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` };
  return { filterOn: 'eventType', regex: EXCLUDE_SYSTEM_EVENTS };
}

/**
 * The logical stream of an event the port should deliver under `filter`, or undefined to skip it: system events,
 * events outside the namespace, and events whose category or type does not match.
 */
export function acceptsEvent(
  event: EsdbRecordedEvent,
  filter: EventFilter | undefined,
  namespace: string | undefined,
): string | undefined {
  if (isSystemEvent(event)) return undefined;
  const stream = fromEsdbStreamName(event.streamId, namespace);
  if (stream === undefined) return undefined;
  if (filter?.categories && !filter.categories.includes(streamCategory(stream))) return undefined;
  if (filter?.eventTypes && !filter.eventTypes.includes(event.type)) return undefined;
  return stream;
}

/** Escapes regex metacharacters, so an event type is matched literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
