import { eventStoreConformance } from '@thads/event-store/conformance';
import { createPostgresEventStore } from './postgres-event-store';
import { adminPool, describeWithPostgres, randomSchemaName } from './postgres-test-support';

describeWithPostgres('postgres event store', (url) => {
  const admin = adminPool(url);
  afterAll(() => admin.end());

  // A schema per test: each conformance test starts from an empty store. Page size 2 makes subscriptions page.
  eventStoreConformance('postgres', async () => {
    const schema = randomSchemaName();
    const store = await createPostgresEventStore({ connectionString: url, schema, subscriptionPageSize: 2 });
    return { store, cleanup: async () => (await store.close(), await admin.dropSchema(schema)) };
  });
});
