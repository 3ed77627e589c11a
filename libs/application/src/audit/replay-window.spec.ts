import { checkReplayWindow } from './replay-window';

describe('checkReplayWindow', () => {
  it('accepts a calendar date and a zoned instant, or neither', () => {
    expect(checkReplayWindow({ asOf: '2024-02-29', asKnownAt: '2026-03-01T10:00:00+07:00' })).toEqual({
      asOf: '2024-02-29',
      asKnownAt: '2026-03-01T10:00:00+07:00',
    });
    expect(checkReplayWindow({})).toEqual({});
  });

  it.each([
    [{ asOf: '2023-02-29' }, 'asOf'],
    [{ asOf: '2026-3-1' }, 'asOf'],
    [{ asKnownAt: '2026-03-01' }, 'asKnownAt'],
    [{ asKnownAt: '2026-03-01T10:00:00' }, 'asKnownAt'],
    [{ asKnownAt: '2026-13-01T10:00:00Z' }, 'asKnownAt'],
  ])('refuses %j naming %s', (window, param) => {
    expect(() => checkReplayWindow(window)).toThrow(
      expect.objectContaining({ code: 'INVALID_REPLAY_WINDOW', details: { param } }),
    );
  });
});
