import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@thads/event-store';
import { testEvent } from '@thads/event-store/conformance';
import { InvalidConfiguration } from '@thads/config';
import { queryAuditTrail } from '@thads/read-models';
import { recordingLogger } from '@thads/read-models/testing/read-model-fixtures';
import { startProjectorWorker } from './projector-worker';

describe('projector worker', () => {
  it('projects the events of DATA_DIR into its own read-model file and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thads-projector-'));
    const logger = recordingLogger();
    const worker = await startProjectorWorker({ DATA_DIR: dataDir }, logger);
    expect(worker.config.readModelUrl).toBe(`sqlite:${join(dataDir, 'read.db')}`);

    // Another process appends (a second connection to the same event file, as the API would).
    const api = createSqliteEventStore({ filename: join(dataDir, 'events.db') });
    const { position } = await api.append('case-HP-1', [testEvent('CaseReceived', { effectiveDate: '2018-03-01' })], {
      expectedRevision: 'no_stream',
    });
    await worker.runtime.projector.waitForPosition(position, 60_000, ['audit_trail']);
    const page = await queryAuditTrail(worker.runtime.readModels.db, { caseId: 'HP-1' });
    expect(page.entries.map((entry) => entry.eventType)).toEqual(['CaseReceived']);
    expect(logger.lines[0]).toMatch(/^Projecting sqlite:.*events\.db into sqlite:.*read\.db: audit_trail/);

    await worker.close();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a bad setting before opening anything', async () => {
    await expect(startProjectorWorker({ PROJECTOR_BATCH_SIZE: '-3' }, recordingLogger())).rejects.toThrow(
      InvalidConfiguration,
    );
  });
});
