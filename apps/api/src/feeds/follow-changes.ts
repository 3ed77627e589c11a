import { readChanges, type ChangeSignal, type ReadModelDatabase, type ReadModelChange } from '@thads/read-models';
import type { Kysely } from 'kysely';
import type { SseWriter } from './sse-response';

/** The `event:` of every change message. */
export const READ_MODEL_CHANGE_EVENT = 'read-model-change';

/** Where a feed reads, from where, and how it waits. */
export interface FollowChangesOptions {
  readonly db: Kysely<ReadModelDatabase>;
  /** Signalled by this process's projector after each committed batch. */
  readonly changes: ChangeSignal;
  readonly projection?: string;
  /** Exclusive: the last change id the client has. */
  readonly afterId: bigint;
  /** Ends the feed: the client left, or the app is shutting down. */
  readonly stop: AbortSignal;
  /** Rows read per query while catching up. */
  readonly pageSize: number;
  /** Longest wait for a change before looking again: changes written by other processes are not signalled. */
  readonly pollMs: number;
  /** A comment after this much silence, so idle connections are not cut. */
  readonly heartbeatMs: number;
}

/**
 * Catches up from the change log, then follows it live, until `stop`. Messages go out in id order with no gap and no
 * repeat: each query asks for ids after the last one sent, and ids appear in commit order (see change-log.ts). The
 * signal's version is read before each query, so a batch committed between the query and the wait is not slept on.
 */
export async function followChanges(writer: SseWriter, options: FollowChangesOptions): Promise<void> {
  let afterId = options.afterId;
  let lastWriteAt = Date.now();
  while (!options.stop.aborted) {
    const version = options.changes.version;
    const page = await readChanges(options.db, { afterId, projection: options.projection, limit: options.pageSize });
    for (const change of page) {
      if (options.stop.aborted) return;
      await writer.message(change.id.toString(), READ_MODEL_CHANGE_EVENT, changeData(change));
      afterId = change.id;
      lastWriteAt = Date.now();
    }
    if (page.length === options.pageSize) continue; // more to catch up on
    const untilHeartbeat = Math.max(0, lastWriteAt + options.heartbeatMs - Date.now());
    await options.changes.waitForChange(version, Math.min(options.pollMs, untilHeartbeat), options.stop);
    if (!options.stop.aborted && Date.now() - lastWriteAt >= options.heartbeatMs) {
      await writer.comment('heartbeat');
      lastWriteAt = Date.now();
    }
  }
}

/** The `data:` of a change message: positions as decimal strings, like every position this API returns. */
export function changeData(change: ReadModelChange): { projection: string; key: string; position: string } {
  return { projection: change.projection, key: change.key, position: change.position.toString() };
}
