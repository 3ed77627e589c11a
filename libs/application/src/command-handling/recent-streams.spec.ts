import { RecentStreams } from './recent-streams';

const folded = (events: number) => ({ revision: events === 0 ? undefined : BigInt(events - 1) });

describe('the command path keeps recent folded streams within limits', () => {
  it('given more streams than the limit, then the least recently used go first', () => {
    const cache = new RecentStreams({ streams: 2, events: 1_000 });
    cache.set('a', folded(1));
    cache.set('b', folded(1));
    cache.get('a');
    cache.set('a', folded(2)); // used again: now the newest
    cache.set('c', folded(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(folded(2));
    expect(cache.size).toEqual({ streams: 2, events: 3 });
  });

  it('given long streams, then the events they hold bound the cache, not only their number', () => {
    const cache = new RecentStreams({ streams: 100, events: 10 });
    cache.set('short-1', folded(3));
    cache.set('short-2', folded(3));
    cache.set('long', folded(6));
    expect(cache.get('short-1')).toBeUndefined(); // 3 + 3 + 6 = 12 events: the oldest goes
    expect(cache.get('short-2')).toEqual(folded(3));
    expect(cache.size).toEqual({ streams: 2, events: 9 });
    cache.set('longer', folded(7));
    expect(cache.get('short-2')).toBeUndefined();
    expect(cache.get('long')).toBeUndefined();
    expect(cache.size).toEqual({ streams: 1, events: 7 });
  });

  it('given one stream longer than the whole limit, then it is still kept until the next one comes', () => {
    const cache = new RecentStreams({ streams: 100, events: 10 });
    cache.set('huge', folded(50));
    expect(cache.get('huge')).toEqual(folded(50));
    cache.set('next', folded(1));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toEqual({ streams: 1, events: 1 });
  });

  it('given a stream replaced by its longer fold, then its events are counted once', () => {
    const cache = new RecentStreams({ streams: 100, events: 1_000 });
    cache.set('a', folded(5));
    cache.set('a', folded(8));
    expect(cache.size).toEqual({ streams: 1, events: 8 });
  });
});
