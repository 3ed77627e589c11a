/**
 * Batches announced between the threads of one process: the API's projector thread commits batches into the read
 * models, and the API's own runtime (a follower, applying nothing) refreshes its checkpoints at once, so its
 * read-your-writes waits and change feed move with every batch instead of at the next control poll.
 */
import { resolve } from 'node:path';
import { openThreadSignal, type ThreadSignal } from '@thads/event-store';

/** Opens the channel of a read-model database (a SQLite file by its absolute path, else the URL). */
export function openBatchChannel(readModelUrl: string, onOtherThreadBatch: () => void): ThreadSignal | undefined {
  if (readModelUrl === 'sqlite::memory:') return undefined;
  const target = readModelUrl.startsWith('sqlite:') ? resolve(readModelUrl.slice('sqlite:'.length)) : readModelUrl;
  return openThreadSignal(`thads:read-model-batches:${target}`, onOtherThreadBatch);
}
