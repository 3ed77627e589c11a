/**
 * Lowers the scheduling priority of the calling thread, and of that thread only: on Linux a thread has a nice value
 * of its own (setpriority on its thread id), so the API's projector thread can yield the CPU to the thread that
 * answers requests when both want it, and take it back when requests pause (docs/performance.md, change 44).
 * Elsewhere threads share their process's priority; then nothing changes and the reason says why.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** What lowering the priority did. */
export type ThreadPriorityOutcome =
  | { readonly applied: true; readonly niceness: number; readonly threadId: number }
  | { readonly applied: false; readonly reason: string };

/** Sets the calling thread's nice value to `niceness` (1–19; 0 leaves it as it is). */
export function lowerThreadPriority(niceness: number): ThreadPriorityOutcome {
  if (!Number.isInteger(niceness) || niceness < 0 || niceness > 19)
    throw new RangeError(`A thread's niceness must be a whole number from 0 to 19, got ${niceness}`);
  if (niceness === 0) return { applied: false, reason: 'niceness 0 leaves the thread as it is' };
  let link: string;
  try {
    link = readlinkSync('/proc/thread-self');
  } catch {
    return { applied: false, reason: 'this system gives threads no priority of their own (no /proc/thread-self)' };
  }
  const threadId = threadIdOfLink(link);
  if (threadId === undefined) return { applied: false, reason: `unexpected /proc/thread-self link "${link}"` };
  try {
    setPriority(threadId, niceness);
  } catch (error) {
    return { applied: false, reason: `setpriority refused: ${(error as Error).message}` };
  }
  return { applied: true, niceness, threadId };
}

/** The thread id in a `/proc/thread-self` link (`<pid>/task/<tid>`). */
export function threadIdOfLink(link: string): number | undefined {
  const match = /(?:^|\/)task\/(\d+)$/.exec(link);
  return match ? Number(match[1]) : undefined;
}
