import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvents } from '../conformance/fixtures';
import { createSqliteEventStore } from './sqlite-event-store';

describe('SQLite commits announced to the other stores of this process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'commit-channel-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('wakes a live subscription of another store on the same file at once, not at its next poll', async () => {
    const filename = join(dir, 'events.db');
    const writer = createSqliteEventStore({ filename });
    // A poll this long would outlast the test's timeout: only the announcement can deliver the event in time.
    const reader = createSqliteEventStore({ filename, pollIntervalMs: 3_600_000 });
    const abort = new AbortController();
    try {
      const subscription = reader.subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
      const first = subscription.next();
      await writer.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const { value } = await first;
      expect(value?.stream).toBe('case-1');
    } finally {
      abort.abort();
      await reader.close();
      await writer.close();
    }
  });
});
