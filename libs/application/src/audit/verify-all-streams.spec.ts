import { sealEvents, type EventStore, type ReadAllOptions, type RecordedEvent } from '@thads/event-store';
import { verifyAllStreams } from './verify-all-streams';

const metadata = {
  actor: { id: 'a', role: 'officer' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  schemaVersion: 1,
};

/** A chain of `count` events on `stream`, sealed as a store would seal them. */
function chain(stream: string, count: number, tag = 'x'): RecordedEvent[] {
  const events = Array.from({ length: count }, (_unused, index) => ({
    id: `${stream}-${tag}-${index}`,
    type: 'Noted',
    data: { index },
    dataJson: JSON.stringify({ index }), // canonical: one key
    metadata,
  }));
  return sealEvents(stream, events, undefined, '2026-01-01T00:00:00.000Z').map((event) => ({ ...event, position: 0n }));
}

/** Just enough of a store for verifyAllStreams: readAll pages over a fixed log. */
function storeOf(log: RecordedEvent[]): EventStore {
  const positioned = log.map((event, index) => ({ ...event, position: BigInt(index) }));
  return {
    readAll: async ({ fromPosition, maxCount }: ReadAllOptions = {}) =>
      positioned.filter((event) => fromPosition === undefined || event.position > fromPosition).slice(0, maxCount),
    headPosition: async () => BigInt(positioned.length - 1),
  } as unknown as EventStore;
}

describe('verifyAllStreams', () => {
  it('checks links across page boundaries and reports progress up to the head', async () => {
    const [a, b] = [chain('case-A', 5), chain('case-B', 4)];
    const progress: bigint[] = [];
    const result = await verifyAllStreams(storeOf([a[0], b[0], a[1], a[2], b[1], a[3], b[2], a[4], b[3]]), {
      pageSize: 2,
      onProgress: (position) => progress.push(position),
    });
    expect(result).toEqual({ ok: true, streams: 2, events: 9, broken: [] });
    expect(progress).toEqual([1n, 3n, 5n, 7n, 8n]);
  });

  it('finds an event swapped for a self-consistent forgery in the next page (a prevHash break) and skips the rest of that stream', async () => {
    const original = chain('case-A', 4);
    // The forgery's own hash is right (sealed from genesis), but it does not link to revision 1.
    const forged = { ...chain('case-A', 3, 'forged')[2] };
    const result = await verifyAllStreams(storeOf([original[0], original[1], forged, original[3]]), { pageSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.broken).toEqual([
      expect.objectContaining({
        stream: 'case-A',
        brokenAt: expect.objectContaining({ revision: '2', eventId: forged.id, kind: 'prevHash' }),
      }),
    ]);
  });

  it('names a stream whose first event is not revision 0', async () => {
    const [, second] = chain('case-A', 2);
    const result = await verifyAllStreams(storeOf([second]));
    expect(result.broken).toEqual([
      expect.objectContaining({
        stream: 'case-A',
        brokenAt: expect.objectContaining({ kind: 'revision', expected: '0', actual: '1' }),
      }),
    ]);
  });
});
