import { CommandRateLimits, RateLimited } from './command-rate-limits';
import { FixedWindowCounters } from './fixed-window-counters';

describe('FixedWindowCounters', () => {
  it('counts per key within a window that starts at the first hit, and starts afresh when it ends', () => {
    let now = 1_000_000;
    const counters = new FixedWindowCounters(60_000, 10, () => now);
    expect(counters.peek('a')).toEqual({ count: 0, secondsLeft: 60 });
    expect(counters.add('a')).toEqual({ count: 1, secondsLeft: 60 });
    now += 20_500;
    expect(counters.add('a')).toEqual({ count: 2, secondsLeft: 40 });
    expect(counters.add('b')).toEqual({ count: 1, secondsLeft: 60 });
    now += 39_500;
    expect(counters.peek('a').count).toBe(0);
    expect(counters.add('a')).toEqual({ count: 1, secondsLeft: 60 });
  });

  it('keeps at most maxKeys windows, dropping ended ones first, then the oldest', () => {
    let now = 0;
    const counters = new FixedWindowCounters(1_000, 2, () => now);
    counters.add('a');
    now = 500;
    counters.add('b');
    counters.add('b');
    counters.add('c'); // both running: the oldest (a) goes
    expect([counters.peek('a').count, counters.peek('b').count, counters.peek('c').count]).toEqual([0, 2, 1]);
  });
});

describe('CommandRateLimits', () => {
  let now = 0;
  const limits = (commands: number, refusedCommands: number) =>
    new CommandRateLimits({ windowSeconds: 60, commands, refusedCommands }, () => now);

  it('admits RATE_LIMIT_COMMANDS commands per caller and window, then refuses with the seconds left', () => {
    const rate = limits(3, 0);
    for (let i = 0; i < 3; i++) rate.admitCommand('sub:a');
    now = 15_000;
    expect(() => rate.admitCommand('sub:a')).toThrow(
      expect.objectContaining({ limit: 'commands', max: 3, retryAfterSeconds: 45 }),
    );
    rate.admitCommand('sub:b');
    now = 60_000;
    rate.admitCommand('sub:a');
  });

  it('refuses every command of a caller whose recorded refusals reached the stricter limit, until the window ends', () => {
    now = 0;
    const rate = limits(1_000, 2);
    rate.admitCommand('sub:a');
    rate.recordRefusal('sub:a');
    rate.admitCommand('sub:a');
    rate.recordRefusal('sub:a');
    expect(() => rate.admitCommand('sub:a')).toThrow(RateLimited);
    expect(() => rate.admitCommand('sub:a')).toThrow(expect.objectContaining({ limit: 'refused-commands' }));
    rate.admitCommand('sub:b');
    now = 60_000;
    rate.admitCommand('sub:a');
  });

  it('counts nothing against a limit set to 0', () => {
    const rate = limits(0, 0);
    for (let i = 0; i < 1_000; i++) {
      rate.admitCommand('ip:127.0.0.1');
      rate.recordRefusal('ip:127.0.0.1');
    }
  });
});
