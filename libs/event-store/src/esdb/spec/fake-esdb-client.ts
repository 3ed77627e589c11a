/**
 * TEST DOUBLE. An in-process fake of the narrow EventStoreDB client (../client-port.ts) for unit specs; production
 * code never imports it. It models what the adapter relies on, as documented for EventStoreDB, not as observed on a
 * server (none was available): positions are byte-like offsets (not dense, commit = prepare per event), $all holds
 * system events, ids are unique per stream only, idempotency follows the expected revision, errors carry the client's
 * `type` strings. A green run against it shows the adapter is consistent with that model, not that the model is right.
 */
import { randomUUID } from 'node:crypto';
import type {
  EsdbAppendResult,
  EsdbClient,
  EsdbExpectedRevision,
  EsdbPosition,
  EsdbProposedEvent,
  EsdbReadAllOptions,
  EsdbReadStreamOptions,
  EsdbRecordedEvent,
  EsdbServerFilter,
  EsdbSubscribeOptions,
  EsdbSubscription,
} from '../client-port';

interface StoredRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly position: bigint;
}

export interface FakeEsdbOptions {
  /** False models a server before 22.6: stream reads carry 2^64−1 instead of the $all position. */
  readonly streamReadPositions?: boolean;
  /** False: append results carry no position (the adapter must read the last event back). */
  readonly appendResultPositions?: boolean;
  /** Writes a `$stats` system event after every n-th append, so $all is never only ours. 0 = never. */
  readonly systemEventEvery?: number;
}

/** Builds an error shaped like the client's CommandError subclasses: an Error with the ErrorType string in `type`. */
export function esdbError(type: string, fields: Record<string, unknown> = {}, message = type): Error {
  return Object.assign(new Error(message), { type, ...fields });
}

export type FakeMethod = 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll';

export class FakeEsdbClient implements EsdbClient {
  readonly log: StoredRecord[] = [];
  /** Every call, in order, with its main arguments: specs assert what reached the "network". */
  readonly calls: {
    method: FakeMethod;
    stream?: string;
    expectedRevision?: EsdbExpectedRevision;
    filter?: EsdbServerFilter;
  }[] = [];
  /** Runs inside appendToStream before the server looks at the stream: a spec can play "another process" here. */
  beforeAppend?: (streamName: string) => Promise<void> | void;
  disposed = false;
  private nextOffset = 4096n;
  private appendCount = 0;
  private readonly failures = new Map<FakeMethod, unknown[]>();
  private wake: () => void = () => undefined;
  private changed = this.newChange();

  constructor(private readonly options: FakeEsdbOptions = {}) {}

  /** The next call of `method` fails with `error` (queued; one error per call). */
  failNext(method: FakeMethod, error: unknown): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Appends a system event, as the server's own statistics do. */
  writeSystemEvent(): void {
    this.store('$stats-127.0.0.1:2113', [
      { id: randomUUID(), type: '$statsCollected', data: { proc: 1 }, metadata: {} },
    ]);
  }

  async appendToStream(
    streamName: string,
    events: readonly EsdbProposedEvent[],
    expectedRevision: EsdbExpectedRevision,
  ): Promise<EsdbAppendResult> {
    this.calls.push({ method: 'appendToStream', stream: streamName, expectedRevision });
    this.throwIfFailing('appendToStream');
    await this.beforeAppend?.(streamName);
    const stream = this.log.filter((record) => record.streamId === streamName);
    const current = stream.length === 0 ? undefined : stream[stream.length - 1].revision;
    const idempotent = this.idempotentMatch(stream, events, expectedRevision, current);
    if (idempotent) {
      const position =
        this.options.appendResultPositions === false
          ? undefined
          : { commit: idempotent.position, prepare: idempotent.position };
      return { nextExpectedRevision: idempotent.revision, position };
    }
    const ok =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && current === undefined) ||
      (expectedRevision === 'stream_exists' && current !== undefined) ||
      (typeof expectedRevision === 'bigint' && current === expectedRevision);
    if (!ok) {
      throw esdbError('wrong-expected-version', {
        streamName,
        expectedVersion: expectedRevision,
        actualVersion: current ?? 'no_stream',
      });
    }
    const written = this.store(streamName, events);
    this.appendCount += 1;
    const every = this.options.systemEventEvery ?? 0;
    if (every > 0 && this.appendCount % every === 0) this.writeSystemEvent();
    const first = written[0];
    const last = written[written.length - 1];
    // The commit of the last event, with the transaction's (first event's) prepare: a caller must use commit.
    const position =
      this.options.appendResultPositions === false ? undefined : { commit: last.position, prepare: first.position };
    return { nextExpectedRevision: last.revision, position };
  }

  readStream(streamName: string, options: EsdbReadStreamOptions): AsyncIterable<EsdbRecordedEvent> {
    this.calls.push({ method: 'readStream', stream: streamName });
    return this.lazily('readStream', () => {
      const stream = this.log.filter((record) => record.streamId === streamName);
      if (stream.length === 0) throw esdbError('stream-not-found', { streamName }, `${streamName} not found`);
      const { fromRevision: from, direction } = options;
      if (typeof from === 'bigint' && from < 0n) throw new RangeError('revision is sent as an unsigned integer');
      const selected =
        direction === 'forwards'
          ? stream.filter((record) => from === 'start' || (from !== 'end' && record.revision >= from))
          : stream.filter((record) => from === 'end' || (from !== 'start' && record.revision <= from)).reverse();
      return selected
        .slice(0, options.maxCount)
        .map((record) => this.toRecorded(record, this.options.streamReadPositions !== false));
    });
  }

  readAll(options: EsdbReadAllOptions): AsyncIterable<EsdbRecordedEvent> {
    this.calls.push({ method: 'readAll' });
    return this.lazily('readAll', () => {
      const from = options.fromPosition;
      if (typeof from === 'object') this.assertRecordBoundary(from);
      const selected =
        options.direction === 'forwards'
          ? this.log.filter((record) => from === 'start' || (from !== 'end' && record.position >= from.commit))
          : this.log
              .filter((record) => from === 'end' || (from !== 'start' && record.position < from.commit))
              .reverse();
      return selected.slice(0, options.maxCount).map((record) => this.toRecorded(record, true));
    });
  }

  subscribeToAll(options: EsdbSubscribeOptions): EsdbSubscription {
    this.calls.push({ method: 'subscribeToAll', filter: options.filter });
    const from = options.fromPosition;
    if (typeof from === 'object') this.assertRecordBoundary(from);
    let index = from === 'start' ? 0 : this.log.findIndex((record) => record.position > from.commit);
    if (index === -1) index = this.log.length;
    let ended = false;
    const next = async (): Promise<IteratorResult<EsdbRecordedEvent>> => {
      for (;;) {
        if (ended) return { done: true, value: undefined };
        this.throwIfFailing('subscribeToAll');
        while (index < this.log.length) {
          const record = this.log[index++];
          if (matchesServerFilter(record, options.filter)) return { done: false, value: this.toRecorded(record, true) };
        }
        await this.changed;
      }
    };
    const end = async () => {
      ended = true;
      this.notify();
    };
    return {
      [Symbol.asyncIterator]: () => ({ next, return: async () => (await end(), { done: true, value: undefined }) }),
      unsubscribe: end,
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Wakes live subscriptions, e.g. after queueing a subscribeToAll failure. */
  notify(): void {
    const wake = this.wake;
    this.changed = this.newChange();
    wake();
  }

  private idempotentMatch(
    stream: StoredRecord[],
    events: readonly EsdbProposedEvent[],
    expected: EsdbExpectedRevision,
    current: bigint | undefined,
  ) {
    if (events.length === 0 || current === undefined) return undefined;
    // Exact / no_stream: the ids must follow the expected revision. any / stream_exists: best effort, by first id.
    const start =
      expected === 'no_stream'
        ? 0
        : typeof expected === 'bigint'
          ? Number(expected) + 1
          : stream.findIndex((record) => record.id === events[0].id);
    if (start < 0 || (typeof expected === 'bigint' && expected === current)) return undefined;
    const matching = events.every((event, i) => stream[start + i]?.id === event.id);
    return matching ? stream[start + events.length - 1] : undefined;
  }

  private store(streamName: string, events: readonly EsdbProposedEvent[]): StoredRecord[] {
    const existing = this.log.filter((record) => record.streamId === streamName).length;
    const written = events.map((event, i) => {
      const dataJson = JSON.stringify(event.data);
      const metadataJson = JSON.stringify(event.metadata);
      const record = {
        streamId: streamName,
        id: event.id,
        revision: BigInt(existing + i),
        type: event.type,
        dataJson,
        metadataJson,
        position: this.nextOffset,
      };
      // Record sizes, not counts: positions grow by the bytes written.
      this.nextOffset += BigInt(96 + dataJson.length + metadataJson.length);
      return record;
    });
    this.log.push(...written);
    this.notify();
    return written;
  }

  private toRecorded(record: StoredRecord, withPosition: boolean): EsdbRecordedEvent {
    const commit = withPosition ? record.position : 2n ** 64n - 1n;
    return {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      isJson: true,
      data: JSON.parse(record.dataJson),
      metadata: JSON.parse(record.metadataJson),
      position: { commit, prepare: commit },
    };
  }

  private assertRecordBoundary(position: EsdbPosition): void {
    if (position.commit !== position.prepare || !this.log.some((record) => record.position === position.commit)) {
      throw esdbError('unknown', {}, `invalid position ${position.commit}/${position.prepare}`);
    }
  }

  /** Like the client's readable streams: the request (and its failure) happens when iteration starts. */
  private lazily(method: FakeMethod, produce: () => EsdbRecordedEvent[]): AsyncIterable<EsdbRecordedEvent> {
    const throwIfFailing = () => this.throwIfFailing(method);
    return {
      async *[Symbol.asyncIterator]() {
        throwIfFailing();
        yield* produce();
      },
    };
  }

  private throwIfFailing(method: FakeMethod): void {
    const queued = this.failures.get(method);
    if (queued && queued.length > 0) throw queued.shift();
  }

  private newChange(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}

function matchesServerFilter(record: StoredRecord, filter: EsdbServerFilter): boolean {
  const value = filter.filterOn === 'streamName' ? record.streamId : record.type;
  return 'regex' in filter
    ? new RegExp(filter.regex).test(value)
    : filter.prefixes.some((prefix) => value.startsWith(prefix));
}
