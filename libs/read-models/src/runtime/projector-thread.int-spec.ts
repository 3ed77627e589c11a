import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import { queryAuditTrail } from '../audit-trail/audit-trail.queries';
import { appendHistory, openEvents, recordingLogger, tempFiles } from '../testing/read-model-fixtures';
import { startProjectorRuntime } from './embedded-projector';
import { ProjectorThreadFailed, startProjectorThread } from './projector-thread';

describe('startProjectorThread (EMBEDDED_PROJECTOR=thread)', () => {
  it('applies the events on its own thread; the follower here sees every batch without polling', async () => {
    const files = tempFiles();
    const store = openEvents(files);
    const readModelUrl = `sqlite:${files.readModelFile}`;
    // No control poll: only the thread's batch announcements can move this follower's checkpoints.
    const follower = await startProjectorRuntime({
      eventStore: store,
      readModelUrl,
      applyEvents: false,
      controlPollMs: 0,
      logger: recordingLogger(),
    });
    const thread = await startProjectorThread({
      eventStoreUrl: `sqlite:${files.eventsFile}`,
      readModelUrl,
      logger: recordingLogger(),
    });
    try {
      const head = await appendHistory(store);
      // The fixture's history is for the audit trail; other projections may halt on it.
      await follower.projector.waitForPosition(head, 30_000, [auditTrailProjection.name]);
      expect((await queryAuditTrail(follower.readModels.db)).entries).toHaveLength(6);
      const audit = follower.projector.status().find((status) => status.name === auditTrailProjection.name);
      expect(audit).toMatchObject({ status: 'running', position: head });
    } finally {
      await thread.close();
      await follower.close();
      await store.close();
      files.remove();
    }
  });

  it('runs at the nice value it is given, below the thread that started it, and logs it', async () => {
    const files = tempFiles();
    const logger = recordingLogger();
    const before = threadNicenesses();
    const thread = await startProjectorThread({
      eventStoreUrl: `sqlite:${files.eventsFile}`,
      readModelUrl: `sqlite:${files.readModelFile}`,
      niceness: 7,
      logger,
    });
    try {
      const started = [...threadNicenesses()].filter(([id]) => !before.has(id));
      expect(started.filter(([, niceness]) => niceness === 7)).toHaveLength(1);
      expect(threadNicenesses().get(process.pid)).toBe(0);
      expect(logger.lines).toContainEqual(expect.stringMatching(/^The projector thread \(\d+\) runs at nice 7:/));
    } finally {
      await thread.close();
      files.remove();
    }
  });

  it('refuses an in-memory database, which its own connection could not share', async () => {
    const files = tempFiles();
    await expect(
      startProjectorThread({
        eventStoreUrl: 'sqlite::memory:',
        readModelUrl: `sqlite:${files.readModelFile}`,
        logger: recordingLogger(),
      }),
    ).rejects.toThrow(/cannot open sqlite::memory:.*EMBEDDED_PROJECTOR=true/);
    files.remove();
  });

  it('rejects with the thread’s own reason when it cannot open a store', async () => {
    const files = tempFiles();
    writeFileSync(files.eventsFile, 'not a directory');
    const started = startProjectorThread({
      eventStoreUrl: `sqlite:${files.eventsFile}/not-a-directory/events.db`,
      readModelUrl: `sqlite:${files.readModelFile}`,
      logger: recordingLogger(),
    });
    await expect(started).rejects.toBeInstanceOf(ProjectorThreadFailed);
    await expect(started).rejects.toThrow(/events\.db/);
    files.remove();
  });
});

/** Each thread of this process and its nice value (field 19 of /proc/self/task/<tid>/stat). */
function threadNicenesses(): Map<number, number> {
  const nicenesses = new Map<number, number>();
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nicenesses.set(Number(id), Number(fields[16]));
  }
  return nicenesses;
}
