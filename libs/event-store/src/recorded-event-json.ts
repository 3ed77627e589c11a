import { canonicalJson } from './canonical-json';
import type { RecordedEvent, RecordedEventJson } from './event-store';

/**
 * readStreamJson for a store that holds its events parsed (in memory, EventStoreDB's client): the texts are written
 * canonically, the very text the SQL stores keep, so every adapter gives the same bytes for the same event.
 */
export function asRecordedEventJson(event: RecordedEvent): RecordedEventJson {
  const json: RecordedEventJson = {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(event.metadata),
  };
  return event.unreadable === undefined ? json : Object.assign({}, json, { unreadable: event.unreadable });
}
