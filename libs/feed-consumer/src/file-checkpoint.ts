import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isChangeId, type FeedChange } from './feed-change';
import type { FeedSink } from './follow-feed';

/** The last applied change id in a file of its own. */
export interface FileCheckpoint {
  readonly path: string;
  /** The saved id; undefined when the file does not exist yet. Throws on a file that is not a checkpoint. */
  read(): string | undefined;
  /** Replaces the file atomically and durably: after a crash it holds either the old id or the new one, whole. */
  write(id: string): void;
}

/**
 * A checkpoint file holding `{"lastEventId":"<id>"}`. Written as a temporary file in the same directory, fsynced,
 * renamed over the old one (rename is atomic within a file system), then the directory is fsynced so the rename
 * itself survives a power cut. A damaged file is refused, never read as "start from 0": that would repeat everything.
 */
export function fileCheckpoint(path: string): FileCheckpoint {
  return {
    path,
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      let saved: unknown;
      try {
        saved = (JSON.parse(text) as { lastEventId?: unknown }).lastEventId;
      } catch {
        saved = undefined;
      }
      if (typeof saved !== 'string' || !isChangeId(saved))
        throw new Error(`${path} is not a feed checkpoint ({"lastEventId":"<id>"}); move it away to start afresh`);
      return saved;
    },
    write(id) {
      if (!isChangeId(id)) throw new RangeError(`Not a change id: "${id}"`);
      const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify({ lastEventId: id })}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      const directory = openSync(dirname(path), 'r');
      try {
        fsyncSync(directory);
      } finally {
        closeSync(directory);
      }
    },
  };
}

/**
 * A sink that runs `handle` and then saves the change's id to `path`. At least once, not exactly once: a crash after
 * `handle` and before the save hands the same change to `handle` again after a restart (only that one). Make `handle`
 * idempotent by the change id, or keep the id in the same transaction as the effect (see docs/feed-consumer.md).
 */
export function fileCheckpointSink(path: string, handle: (change: FeedChange) => Promise<void> | void): FeedSink {
  const checkpoint = fileCheckpoint(path);
  return {
    lastAppliedId: async () => checkpoint.read(),
    apply: async (change) => {
      await handle(change);
      checkpoint.write(change.id);
    },
  };
}
