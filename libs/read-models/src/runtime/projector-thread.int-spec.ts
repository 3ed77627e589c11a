import { writeFileSync } from 'node:fs';
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
