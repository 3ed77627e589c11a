/// <reference types="jest" />
/**
 * The one conformance suite every EventStore adapter must pass (docs/architecture.md). It declares jest blocks, so it is
 * imported only from test files, through `@thads/event-store/conformance`, never from the library's main entry.
 */
import type { EventStore } from '../event-store';
import { appendConformance } from './append-conformance';
import { idempotencyConformance } from './idempotency-conformance';
import { integrityConformance } from './integrity-conformance';
import { readConformance } from './read-conformance';
import { readJsonConformance } from './read-json-conformance';
import { subscriptionConformance } from './subscription-conformance';

/** Creates a fresh, empty store for one test, and disposes of it afterwards (cleanup must tolerate a closed store). */
export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/** What an adapter documents it cannot promise. Default: everything is promised and tested. */
export interface ConformanceOptions {
  /**
   * False for a store with no index of event ids across streams (EventStoreDB): an id already stored in another
   * stream is then not refused, and that one assertion is left out.
   */
  readonly eventIdsUniqueAcrossStreams?: boolean;
}

/**
 * Declares the conformance tests for one adapter, inside `describe(\`EventStore conformance: ${name}\`)`.
 * Each test gets its own store from `factory`. Stream names follow the domain's `<category>-<id>` form.
 *
 * @example
 * eventStoreConformance('sqlite file', async () => {
 *   const store = createSqliteEventStore({ filename: tempFile() });
 *   return { store, cleanup: () => store.close() };
 * });
 */
export function eventStoreConformance(
  name: string,
  factory: EventStoreFactory,
  options: ConformanceOptions = {},
): void {
  describe(`EventStore conformance: ${name}`, () => {
    let current: { store: EventStore; cleanup(): Promise<void> } | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('No store: the factory did not run');
      return current.store;
    };

    beforeEach(async () => {
      current = await factory();
    });

    afterEach(async () => {
      const finished = current;
      current = undefined;
      await finished?.cleanup();
    });

    appendConformance(store);
    idempotencyConformance(store, options);
    readConformance(store);
    readJsonConformance(store);
    subscriptionConformance(store);
    integrityConformance(store);
  });
}
