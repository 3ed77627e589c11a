/**
 * Commits announced between the threads of one process: a store on the same file in another worker thread (the API's
 * projector thread) wakes its live subscriptions at once instead of at its next poll. Other processes still rely on
 * the poll; a BroadcastChannel reaches only this process's threads.
 */
import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

/** One store's end of its file's channel. */
export interface CommitChannel {
  /** Tells the other stores on this file that events were committed. */
  announce(): void;
  close(): void;
}

/** Opens the channel of `filename`; undefined for ':memory:', which no other connection can open. */
export function openCommitChannel(filename: string, onOtherThreadCommit: () => void): CommitChannel | undefined {
  if (filename === ':memory:' || filename === '') return undefined;
  const channel = new BroadcastChannel(`thads:sqlite-commits:${resolve(filename)}`);
  channel.onmessage = () => onOtherThreadCommit();
  // The channel alone must not keep a process alive that has nothing else to do.
  channel.unref();
  return {
    announce: () => channel.postMessage(0),
    close: () => channel.close(),
  };
}
