import { StreamNotFound, type EventStore, type RecordedEvent } from '@thads/event-store';

/** All events of a stream, or none when it does not exist yet. */
export async function readWholeStream(store: EventStore, streamName: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName);
  } catch (error) {
    if (error instanceof StreamNotFound) return [];
    throw error;
  }
}
