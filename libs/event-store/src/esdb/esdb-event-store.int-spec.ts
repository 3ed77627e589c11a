/**
 * The conformance suite against a real EventStoreDB / KurrentDB server: `ESDB_URL=esdb://localhost:2113?tls=false
 * npm run test:int -- esdb` (docs/eventstoredb.md). Without ESDB_URL it prints one line and registers one skipped
 * test, so the run says the leg was not exercised instead of passing silently.
 *
 * A server keeps everything, across tests and runs, and writes its own system events: each test's store gets a
 * namespace of its own (`esdb_<run>_<n>`), so its streams, its readAll, its head and its subscriptions see only that
 * test's events, as the suite expects of a fresh store. No conformance test needed changing for that; the one
 * assertion ESDB cannot keep (an id re-used in another stream) is left out by `eventIdsUniqueAcrossStreams: false`.
 */
import { randomBytes } from 'node:crypto';
import { eventStoreConformance } from '@thads/event-store/conformance';
import type { EsdbClient } from './client-port';
import { connectEsdbClient } from './esdb-client';
import { createEsdbEventStore } from './esdb-event-store';

const url = process.env.ESDB_URL;

if (url) {
  // Network round trips, and readAll scans $all on the server side of a namespace: allow more than jest's 5 s.
  jest.setTimeout(30_000);
  const run = `esdb_${randomBytes(4).toString('hex')}`;
  let tests = 0;
  let client: EsdbClient | undefined;
  // One connection for the file; each test's store gets a view whose dispose() leaves it open.
  const shared = (): EsdbClient => {
    client ??= connectEsdbClient(url);
    return { ...client, dispose: async () => undefined };
  };

  afterAll(async () => {
    await client?.dispose();
  });

  eventStoreConformance(
    'esdb',
    async () => {
      const store = createEsdbEventStore({ client: shared(), namespace: `${run}_${++tests}` });
      return { store, cleanup: () => store.close() };
    },
    { eventIdsUniqueAcrossStreams: false },
  );
} else {
  const line = 'EventStoreDB leg skipped: set ESDB_URL (see docs/eventstoredb.md)';
  process.stderr.write(`${line}\n`);
  describe.skip(line, () => {
    it('EventStore conformance: esdb', () => undefined);
  });
}
