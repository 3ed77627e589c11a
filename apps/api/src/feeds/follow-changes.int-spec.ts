import { ChangeSignal, type ReadModelDatabase } from '@thads/read-models';
import { openReadModels, tempFiles, type TempFiles } from '@thads/read-models/testing/read-model-fixtures';
import type { Kysely } from 'kysely';
import { followChanges, type FollowChangesOptions } from './follow-changes';
import type { SseWriter } from './sse-response';

/** Records what the feed writes and lets a test wait (without timers) until a condition holds. */
function recordingWriter() {
  const written: string[] = [];
  const waiters: { check: () => boolean; resolve: () => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (waiter.check()) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const writer: SseWriter = {
    message: async (id, event, data) => {
      written.push(`${id} ${event} ${JSON.stringify(data)}`);
      settle();
    },
    comment: async (text) => {
      written.push(`: ${text}`);
      settle();
    },
  };
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => (check() ? resolve() : waiters.push({ check, resolve })));
  return { writer, written, until };
}

describe('followChanges', () => {
  let files: TempFiles;
  let db: Kysely<ReadModelDatabase>;
  let changes: ChangeSignal;
  let stop: AbortController;

  beforeEach(async () => {
    files = tempFiles();
    db = await openReadModels(files);
    changes = new ChangeSignal();
    stop = new AbortController();
  });

  afterEach(async () => {
    stop.abort();
    await db.destroy();
    files.remove();
  });

  /** Logs changes as a projector would (directly: the runtime's logging is specified in libs/read-models). */
  async function log(...keys: string[]): Promise<void> {
    await db
      .insertInto('read_model_changes')
      .values(
        keys.map((key, index) => ({
          projection: key.startsWith('complaint') ? 'complaint_queue' : 'case_summary',
          key,
          position: BigInt(index + 1),
          changed_at: '2026-11-27T00:00:00.000Z',
        })),
      )
      .execute();
  }

  const options = (overrides: Partial<FollowChangesOptions> = {}): FollowChangesOptions => ({
    db,
    changes,
    afterId: 0n,
    stop: stop.signal,
    pageSize: 2,
    pollMs: 60_000,
    heartbeatMs: 60_000,
    ...overrides,
  });

  it('catches up page by page in id order, then wakes on the projector’s signal, then stops when asked', async () => {
    await log('case-1', 'case-2', 'complaint-1', 'case-3', 'case-4');
    const { writer, written, until } = recordingWriter();
    const following = followChanges(writer, options());
    await until(() => written.length === 5);
    expect(written).toEqual([
      '1 read-model-change {"projection":"case_summary","key":"case-1","position":"1"}',
      '2 read-model-change {"projection":"case_summary","key":"case-2","position":"2"}',
      '3 read-model-change {"projection":"complaint_queue","key":"complaint-1","position":"3"}',
      '4 read-model-change {"projection":"case_summary","key":"case-3","position":"4"}',
      '5 read-model-change {"projection":"case_summary","key":"case-4","position":"5"}',
    ]);
    await log('case-5');
    changes.notify();
    await until(() => written.length === 6);
    expect(written[5]).toBe('6 read-model-change {"projection":"case_summary","key":"case-5","position":"1"}');
    stop.abort();
    await following;
  });

  it('resumes after an id and filters by projection', async () => {
    await log('case-1', 'complaint-1', 'case-2', 'complaint-2');
    const { writer, written, until } = recordingWriter();
    const following = followChanges(writer, options({ afterId: 2n, projection: 'complaint_queue' }));
    await until(() => written.length === 1);
    expect(written).toEqual([
      '4 read-model-change {"projection":"complaint_queue","key":"complaint-2","position":"4"}',
    ]);
    stop.abort();
    await following;
  });

  it('finds changes another process logged by polling, and writes a heartbeat comment after silence', async () => {
    const { writer, written, until } = recordingWriter();
    const following = followChanges(writer, options({ pollMs: 5, heartbeatMs: 20 }));
    await until(() => written.includes(': heartbeat'));
    await log('case-9'); // no notify: as if a standalone projector wrote it
    await until(() => written.some((line) => line.includes('case-9')));
    stop.abort();
    await following;
  });
});
