import { StreamNotFound, type EventStore, type ReadStreamOptions, type RecordedEvent } from '@thads/event-store';

/** The stream's events the options select, or none when the stream does not exist yet. */
export async function readStreamIfAny(
  store: EventStore,
  streamName: string,
  options?: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName, options);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
}

/** All events of a stream, or none when it does not exist yet. */
export function readWholeStream(store: EventStore, streamName: string): Promise<RecordedEvent[]> {
  return readStreamIfAny(store, streamName);
}
