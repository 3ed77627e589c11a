import type { RecordedEvent } from '@thads/event-store';

/** A stored event as the API shows it: revisions and positions as decimal strings, data as stored. */
export function recordedEventView(event: RecordedEvent) {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}
