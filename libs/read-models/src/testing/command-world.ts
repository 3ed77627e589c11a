/**
 * Test-only: commands through the real command path (deciders, codecs, due dates on the working-day calendar) into an
 * in-memory event store, and the real projector over an in-memory read-model database. Each command is recorded at
 * 10:00 local time on its effective date, so recordedAt is predictable.
 */
import type { Kysely } from 'kysely';
import { executeCommand } from '@thads/application';
import type { CaseCommand, ComplaintCommand } from '@thads/domain';
import { createInMemoryEventStore, type EventStore } from '@thads/event-store';
import { openSqliteReadModelFile, readModelKysely } from '../database/open-read-model-database';
import type { ReadModelDatabase } from '../database/read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import type { Projection } from '../projection';
import { createProjector } from '../runtime/projector';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Who runs a command. */
export interface WorldActor {
  readonly id: string;
  readonly role: string;
  readonly officeId?: string;
}

export interface CommandWorld {
  readonly store: EventStore;
  readonly db: Kysely<ReadModelDatabase>;
  /** Runs case commands in order; returns the position of the last event written. */
  onCase(caseId: string, commands: readonly CaseCommand[], actor?: WorldActor): Promise<bigint>;
  onComplaint(complaintId: string, commands: readonly ComplaintCommand[], actor?: WorldActor): Promise<bigint>;
  /** Runs a projector with these projections until it has applied everything; returns the head position. */
  project(projections: readonly Projection[], batchSize?: number): Promise<bigint>;
  close(): Promise<void>;
}

export async function startCommandWorld(): Promise<CommandWorld> {
  let clock = new Date('2017-01-01T03:00:00.000Z');
  const store = createInMemoryEventStore({ now: () => clock });
  const db = readModelKysely(openSqliteReadModelFile(':memory:'));
  await migrateReadModels(db);
  let commandNumber = 0;
  const context = (actor: WorldActor) => {
    commandNumber += 1;
    return { commandId: `command-${commandNumber}`, correlationId: `command-${commandNumber}`, actor };
  };
  const officer: WorldActor = { id: 'chv-tran', role: 'officer', officeId: 'HP-NGO-QUYEN' };
  return {
    store,
    db,
    async onCase(caseId, commands, actor = officer) {
      let position = -1n;
      for (const command of commands) {
        clock = new Date(`${command.data.effectiveDate}T03:00:00.000Z`);
        position = (await executeCommand(store, { aggregate: 'case', id: caseId, command }, context(actor))).position;
      }
      return position;
    },
    async onComplaint(complaintId, commands, actor = officer) {
      let position = -1n;
      for (const command of commands) {
        clock = new Date(`${command.data.effectiveDate}T03:00:00.000Z`);
        position = (await executeCommand(store, { aggregate: 'complaint', id: complaintId, command }, context(actor)))
          .position;
      }
      return position;
    },
    async project(projections, batchSize = 5) {
      const head = await store.headPosition();
      const projector = createProjector({
        eventStore: store,
        db,
        projections,
        batchSize,
        logger: silent,
        controlPollMs: 0,
      });
      await projector.start();
      await projector.waitForPosition(head);
      await projector.stop();
      return head;
    },
    async close() {
      await db.destroy();
      await store.close();
    },
  };
}
