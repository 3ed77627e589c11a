import { lowerThreadPriority, threadIdOfLink } from './thread-priority';

// Lowering a priority for real happens on the projector thread (projector-thread.int-spec.ts): done here, it would
// slow this test worker's own thread for the rest of its run.
describe('lowerThreadPriority', () => {
  it('refuses a niceness outside 0–19 or not whole, naming it', () => {
    for (const niceness of [-1, 20, 1.5, Number.NaN])
      expect(() => lowerThreadPriority(niceness)).toThrow(
        `A thread's niceness must be a whole number from 0 to 19, got ${niceness}`,
      );
  });

  it('leaves the thread as it is at 0, and says so', () => {
    expect(lowerThreadPriority(0)).toEqual({ applied: false, reason: 'niceness 0 leaves the thread as it is' });
  });
});

describe('threadIdOfLink', () => {
  it('reads the thread id of a /proc/thread-self link', () => {
    expect(threadIdOfLink('4242/task/4250')).toBe(4250);
    expect(threadIdOfLink('/proc/4242/task/4250')).toBe(4250);
  });

  it('finds none in anything else', () => {
    for (const link of ['4242', '4242/task/', 'task/x', '4242/task/12/fd'])
      expect(threadIdOfLink(link)).toBeUndefined();
  });
});
