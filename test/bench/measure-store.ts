/**
 * M1 and M8: the event store alone. `clients` workers each append one event at a time to their own streams (a new
 * stream every 20 events, like commands spread over cases), with the expected revision and the event id a command
 * would send.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventIdFor } from '@thads/application/command-handling/event-ids';
import { createPostgresEventStore, createSqliteEventStore, type EventStore } from '@thads/event-store';

/** A FundsCollected-sized event: the most common fact after intake. */
function event(stream: string, worker: number, n: number) {
  return {
    id: eventIdFor(stream, `bench:${worker}:${n}`, 0, Date.now()),
    type: 'FundsCollected',
    data: {
      caseId: `HP-2018-${worker}-${Math.floor(n / 20)}`,
      officeId: 'HP-NGO-QUYEN',
      ruleSet: 'LAW_2008_2014',
      collectionId: `c-${n}`,
      itemId: 'debt',
      amount: '1500000',
      source: 'VOLUNTARY',
      receiptNumber: `BL-${worker}-${n}`,
      disbursementDueOn: '2018-03-15',
      effectiveDate: '2018-03-05',
    },
    metadata: {
      actor: { id: 'chv-hp-ngo-quyen-01', role: 'officer', officeId: 'HP-NGO-QUYEN' },
      commandId: `bench:${worker}:${n}`,
      correlationId: `bench:${worker}:${n}`,
      causationId: `bench:${worker}:${n}`,
      schemaVersion: 1,
    },
  };
}

/** Appends/s from `clients` concurrent single-event appenders over about `durationMs`. */
export async function concurrentAppends(store: EventStore, clients: number, durationMs: number): Promise<number> {
  let appends = 0;
  const started = performance.now();
  const prefix = randomUUID().slice(0, 8);
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let n = 0; performance.now() - started < durationMs; n++) {
        const revision = n % 20;
        const stream = `case-${prefix}${worker}x${Math.floor(n / 20)}`;
        await store.append(stream, [event(stream, worker, n)], {
          expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1),
        });
        appends += 1;
      }
    }),
  );
  return appends / ((performance.now() - started) / 1000);
}

/** M1: a fresh SQLite store file in `dir`, 64 concurrent appenders. */
export async function m1SqliteAppends(dir: string, durationMs: number): Promise<number> {
  const store = createSqliteEventStore({ filename: join(dir, `m1-${randomUUID()}.db`) });
  try {
    return await concurrentAppends(store, 64, durationMs);
  } finally {
    await store.close();
  }
}

/** M8: the PostgreSQL store in a fresh schema, 16 concurrent appenders (pool of 16). */
export async function m8PostgresAppends(url: string, durationMs: number): Promise<number> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: url, schema, pool: { max: 16 } });
  try {
    return await concurrentAppends(store, 16, durationMs);
  } finally {
    await store.close();
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
