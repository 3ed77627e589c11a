/**
 * A signal between the threads of one process, named by what it is about (a database file): the SQLite store's
 * commits (sqlite/commit-channel.ts) and the read-model runtime's batches reach the API's projector thread and back
 * at once instead of at the next poll. Other processes still rely on their polls; a BroadcastChannel reaches only
 * this process's threads.
 */
import { BroadcastChannel } from 'node:worker_threads';

/** One end of a named signal. */
export interface ThreadSignal {
  /** Wakes every other end of this name in the process (not this one). */
  announce(): void;
  close(): void;
}

/** Opens an end of the signal `name`; `onSignal` runs when another end announces. */
export function openThreadSignal(name: string, onSignal: () => void): ThreadSignal {
  const channel = new BroadcastChannel(name);
  channel.onmessage = () => onSignal();
  // The signal alone must not keep a process alive that has nothing else to do.
  channel.unref();
  return {
    announce: () => channel.postMessage(0),
    close: () => channel.close(),
  };
}
