import { deterministicUuid, eventIdFor } from './event-ids';

describe('event ids', () => {
  it('are the same for the same stream, command and index, so a retry dedupes', () => {
    expect(eventIdFor('case-1', 'cmd', 0)).toBe(eventIdFor('case-1', 'cmd', 0));
  });

  it('differ by stream, command and index', () => {
    const ids = new Set([
      eventIdFor('case-1', 'cmd', 0),
      eventIdFor('case-2', 'cmd', 0),
      eventIdFor('case-1', 'cmd2', 0),
      eventIdFor('case-1', 'cmd', 1),
    ]);
    expect(ids.size).toBe(4);
  });

  it('are RFC 9562 version-8 uuids', () => {
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
