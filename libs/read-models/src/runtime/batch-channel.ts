/**
 * Batches announced between the threads of one process: the API's projector thread commits batches into the read
 * models, and the API's own runtime (a follower, applying nothing) refreshes its checkpoints at once, so its
 * read-your-writes waits and change feed move with every batch instead of at the next control poll. Other processes
 * still rely on their polls; a BroadcastChannel reaches only this process's threads.
 */
import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

/** One runtime's end of its read-model database's channel. */
export interface BatchChannel {
  /** Tells the other runtimes on this database that a batch committed. */
  announce(): void;
  close(): void;
}

/** The channel's name: one per read-model database (a SQLite file by its absolute path, else the URL). */
function channelName(readModelUrl: string): string {
  const target = readModelUrl.startsWith('sqlite:') ? resolve(readModelUrl.slice('sqlite:'.length)) : readModelUrl;
  return `thads:read-model-batches:${target}`;
}

/** Opens the channel; `onOtherThreadBatch` runs when another thread's runtime committed a batch. */
export function openBatchChannel(readModelUrl: string, onOtherThreadBatch: () => void): BatchChannel | undefined {
  if (readModelUrl === 'sqlite::memory:') return undefined;
  const channel = new BroadcastChannel(channelName(readModelUrl));
  channel.onmessage = () => onOtherThreadBatch();
  channel.unref();
  return {
    announce: () => channel.postMessage(0),
    close: () => channel.close(),
  };
}
