/**
 * Read models projected from the log up to a chosen position and no further: what a read-model file must equal, table
 * by table, when its checkpoint stands at that position. One reference per projection (projections may stand at
 * different checkpoints), each advanced only forwards, so checking twenty crashes costs one pass over the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSqliteEventStore,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
  type RecordedEventJson,
  type SubscribeOptions,
} from '@thads/event-store';
import {
  createProjector,
  openSqliteReadModelFile,
  readModelKysely,
  readModelProjections,
  type Projector,
} from '@thads/read-models';
import { readModelTableHashes } from './store-checks';

/** The log as it stood at `limit`: reads and subscriptions stop there until the limit is raised. */
class LogUpTo implements EventStore {
  limit = -1n;
  private wakers: (() => void)[] = [];

  constructor(private readonly store: EventStore) {}

  raise(limit: bigint): void {
    if (limit <= this.limit) return;
    this.limit = limit;
    for (const wake of this.wakers.splice(0)) wake();
  }

  append(): never {
    throw new Error('the reference log is read-only');
  }

  readStream(stream: string): Promise<RecordedEvent[]> {
    return this.store.readStream(stream).then((events) => events.filter((event) => event.position <= this.limit));
  }

  readStreamJson(stream: string): Promise<RecordedEventJson[]> {
    return this.store.readStreamJson(stream).then((events) => events.filter((event) => event.position <= this.limit));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await this.store.readAll(options)).filter((event) => event.position <= this.limit);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
    let from = options.fromPosition;
    while (!options.signal?.aborted) {
      const page = await this.readAll({ fromPosition: from, maxCount: 256, filter: options.filter });
      for (const event of page) {
        yield event;
        from = event.position;
      }
      if (page.length > 0) continue;
      // Caught up with the limit: wait for it to be raised, or for the subscriber to stop.
      await new Promise<void>((resolve) => {
        const done = () => {
          options.signal?.removeEventListener('abort', done);
          resolve();
        };
        this.wakers.push(done);
        options.signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  async headPosition(): Promise<bigint> {
    const head = await this.store.headPosition();
    return head < this.limit ? head : this.limit;
  }

  storeId(): Promise<string> {
    return this.store.storeId!();
  }

  async close(): Promise<void> {
    for (const wake of this.wakers.splice(0)) wake();
  }
}

interface Reference {
  readonly name: string;
  readonly log: LogUpTo;
  readonly projector: Projector;
  readonly file: string;
  close(): Promise<void>;
}

/** One reference read-model file per projection, projected from `eventsFile` up to the position each is advanced to. */
export class ReferenceReadModels {
  private constructor(
    private readonly dir: string,
    private readonly store: EventStore,
    private readonly references: Reference[],
  ) {}

  static async open(eventsFile: string): Promise<ReferenceReadModels> {
    const dir = mkdtempSync(join(tmpdir(), 'thads-reference-'));
    const store = createSqliteEventStore({ filename: eventsFile });
    const references: Reference[] = [];
    for (const projection of readModelProjections) {
      const log = new LogUpTo(store);
      const file = join(dir, `${projection.name}.db`);
      const db = readModelKysely(openSqliteReadModelFile(file));
      const projector = createProjector({
        eventStore: log,
        db,
        projections: [projection],
        controlPollMs: 0,
        logger: { log: () => undefined, warn: () => undefined, error: (line) => process.stderr.write(`${line}\n`) },
      });
      await projector.start();
      references.push({
        name: projection.name,
        log,
        projector,
        file,
        close: async () => {
          await projector.stop();
          await log.close();
          await db.destroy();
        },
      });
    }
    return new ReferenceReadModels(dir, store, references);
  }

  /**
   * Differences between the read-model file's tables and the references advanced to the file's own checkpoints, as
   * readable lines (empty: the file holds exactly the events up to each checkpoint). Every read-model table of the
   * file must belong to some projection's reference.
   */
  async differences(readFile: string, checkpoints: Record<string, bigint>): Promise<string[]> {
    const actual = readModelTableHashes(readFile);
    const checked = new Set<string>();
    const differences: string[] = [];
    for (const reference of this.references) {
      const position = checkpoints[reference.name];
      if (position === undefined) {
        differences.push(`${reference.name}: no checkpoint`);
        continue;
      }
      reference.log.raise(position);
      await reference.projector.waitForPosition(position, 300_000, [reference.name]);
      for (const [table, hash] of Object.entries(readModelTableHashes(reference.file))) {
        checked.add(table);
        if (actual[table] !== hash)
          differences.push(
            `${table} at ${reference.name}'s checkpoint ${position}: ${actual[table]} ≠ rebuild ${hash}`,
          );
      }
    }
    for (const table of Object.keys(actual))
      if (!checked.has(table)) differences.push(`${table}: no projection's reference holds it`);
    return differences;
  }

  async close(): Promise<void> {
    for (const reference of this.references) await reference.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
