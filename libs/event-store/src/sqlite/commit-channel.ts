/**
 * Commits announced to the stores on the same file in the other threads of this process (the API's projector
 * thread), which wake their live subscriptions at once instead of at their next poll.
 */
import { resolve } from 'node:path';
import { openThreadSignal, type ThreadSignal } from '../thread-signal';

/** Opens the channel of `filename`; undefined for ':memory:', which no other connection can open. */
export function openCommitChannel(filename: string, onOtherThreadCommit: () => void): ThreadSignal | undefined {
  if (filename === ':memory:' || filename === '') return undefined;
  return openThreadSignal(`thads:sqlite-commits:${resolve(filename)}`, onOtherThreadCommit);
}
