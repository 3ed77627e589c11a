import { deterministicUuid, eventIdFor } from './event-ids';

const AT = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('event ids', () => {
  it('are RFC 9562 version-7 uuids whose first 48 bits are the time given, in milliseconds', () => {
    const id = eventIdFor('case-1', 'cmd', 0, AT);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(AT);
  });

  it('sort in the order of their times, whatever the stream and command', () => {
    const later = eventIdFor('case-0', 'a', 0, AT + 1);
    const earlier = eventIdFor('case-z', 'z', 9, AT);
    expect(earlier < later).toBe(true);
  });

  it('differ by stream, command and index at the same millisecond', () => {
    const ids = new Set([
      eventIdFor('case-1', 'cmd', 0, AT),
      eventIdFor('case-2', 'cmd', 0, AT),
      eventIdFor('case-1', 'cmd2', 0, AT),
      eventIdFor('case-1', 'cmd', 1, AT),
    ]);
    expect(ids.size).toBe(4);
  });

  it('are the same for the same inputs', () => {
    expect(eventIdFor('case-1', 'cmd', 0, AT)).toBe(eventIdFor('case-1', 'cmd', 0, AT));
  });

  it('are the ids stored events already carry (a known answer: the hashing must not change)', () => {
    expect(eventIdFor('case-1', 'cmd', 0, AT)).toBe('01a25060-0600-7313-9582-a8ce48834fea');
  });
});

describe('deterministicUuid', () => {
  it('is an RFC 9562 version-8 uuid, the same for the same name', () => {
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('x')).toBe(deterministicUuid('x'));
    expect(deterministicUuid('y')).not.toBe(deterministicUuid('x'));
  });

  it('is the uuid stored data already carries (a known answer)', () => {
    expect(deterministicUuid('x')).toBe('2d711642-b726-8044-8162-7ca9fbac32f5');
  });
});
