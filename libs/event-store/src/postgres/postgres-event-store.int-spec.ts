/**
 * The PostgreSQL leg: the shared conformance suite against a real server, then what only PostgreSQL has
 * (commit order, cross-pool races, unique-violation mapping, durability read-back). Without a reachable server the
 * leg is reported as skipped, with one line saying how to run it (docs/postgresql.md).
 */
import { eventStoreConformance } from '@thads/event-store/conformance';
import { createPostgresEventStore } from './postgres-event-store';
import { adminPool, describeWithPostgres, randomSchemaName } from './postgres-test-support';
import { commitOrderTests } from './spec/commit-order.tests';
import { concurrencyTests } from './spec/concurrency.tests';
import { groupCommitTests } from './spec/group-commit.tests';
import { pgHarness } from './spec/harness';
import { operationsTests } from './spec/operations.tests';

describeWithPostgres('postgres event store', (url) => {
  describe('conformance', () => {
    const admin = adminPool(url);
    afterAll(() => admin.end());
    // A schema per test, so each starts from an empty store. Page size 2 makes subscriptions cross several pages.
    eventStoreConformance('postgres', async () => {
      const schema = randomSchemaName();
      const store = await createPostgresEventStore({ connectionString: url, schema, subscriptionPageSize: 2 });
      return { store, cleanup: async () => (await store.close(), await admin.dropSchema(schema)) };
    });
  });

  describe('conformance, every concurrent one-event append grouped (one statement slot)', () => {
    const admin = adminPool(url);
    afterAll(() => admin.end());
    eventStoreConformance('postgres grouped', async () => {
      const schema = randomSchemaName();
      const store = await createPostgresEventStore({ connectionString: url, schema, appendStatementsInFlight: 1 });
      return { store, cleanup: async () => (await store.close(), await admin.dropSchema(schema)) };
    });
  });

  describe('postgres-specific', () => {
    const harness = pgHarness(url);
    commitOrderTests(harness);
    concurrencyTests(harness);
    groupCommitTests(harness);
    operationsTests(harness);
  });
});
