import { assertEventStoreUrl, InvalidEventStoreUrl, openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it.each([
    'sqlite:./data/events.db',
    'sqlite::memory:',
    'postgres://u@h/db',
    'postgresql://h/db',
    'esdb://localhost:2113?tls=false',
  ])('accepts %s', (url) => {
    expect(() => assertEventStoreUrl(url)).not.toThrow();
  });

  it.each(['sqlite:', 'mysql://h/db', './events.db', ''])('refuses %j, naming EVENT_STORE_URL', (url) => {
    expect(() => assertEventStoreUrl(url)).toThrow(InvalidEventStoreUrl);
    expect(() => assertEventStoreUrl(url)).toThrow(/^EVENT_STORE_URL must be/);
  });

  it('hides credentials in the message', () => {
    expect(() => assertEventStoreUrl('mysql://user:secret@h/db')).toThrow(/mysql:\/\/\*\*\*@h\/db/);
  });

  it('opens the embedded SQLite store', async () => {
    const store = await openEventStore('sqlite::memory:');
    expect(await store.headPosition()).toBe(-1n);
    await store.close();
  });
});
