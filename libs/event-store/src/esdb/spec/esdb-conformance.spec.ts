/**
 * The shared conformance suite, run against the ESDB adapter over the in-process fake client (a test double of the
 * narrow interface, not a server). It shows the adapter's own logic keeps the port's promises under the documented
 * ESDB model; the real-server run is esdb-event-store.int-spec.ts (needs ESDB_URL).
 */
import { eventStoreConformance } from '@thads/event-store/conformance';
import { createEsdbEventStore } from '../esdb-event-store';
import { FakeEsdbClient } from './fake-esdb-client';

// ESDB has no index of event ids across streams: docs/eventstoredb.md, "Deviations".
const esdb = { eventIdsUniqueAcrossStreams: false } as const;

// A fresh fake server per test; system events in $all and read pages of 2 make readAll and headPosition skip and page.
eventStoreConformance(
  'esdb adapter, fake client',
  async () => {
    const client = new FakeEsdbClient({ systemEventEvery: 2 });
    client.writeSystemEvent();
    const store = createEsdbEventStore({ client, readPageSize: 2 });
    return { store, cleanup: () => store.close() };
  },
  esdb,
);

// One shared fake server for every test, as on a long-lived real server: each test's store gets its own namespace,
// and the other tests' streams (same names, other namespaces) stay in $all.
const shared = new FakeEsdbClient({ systemEventEvery: 3 });
let namespaces = 0;
eventStoreConformance(
  'esdb adapter, fake client shared by namespaces',
  async () => {
    const store = createEsdbEventStore({ client: shared, namespace: `conformance_${++namespaces}`, readPageSize: 7 });
    // Leaves `shared` open for the next test: close() disposes of the fake, which only flags it.
    return { store, cleanup: () => store.close() };
  },
  esdb,
);

// The same run with append results that carry no position: every append reads its last event back.
eventStoreConformance(
  'esdb adapter, fake client without append positions',
  async () => {
    const store = createEsdbEventStore({ client: new FakeEsdbClient({ appendResultPositions: false }) });
    return { store, cleanup: () => store.close() };
  },
  esdb,
);
