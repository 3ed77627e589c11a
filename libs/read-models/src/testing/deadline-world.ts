/**
 * Test-only: a case and a complaint taken through the real command path into a temp SQLite event store, and the
 * deadlines projection over a temp read-model file (one connection, as in a real process). The dates follow the
 * case fixture of @thads/testing: decided 4 June 2025, verification due 26 June 2025.
 */
import type { Kysely } from 'kysely';
import { executeCommand } from '@thads/application';
import { dueDate, type CaseCommand, type ComplaintCommand, type FileComplaint } from '@thads/domain';
import type { SqliteEventStore } from '@thads/event-store';
import { issueDecisionCommand, receiveCaseCommand } from '@thads/testing';
import type { ReadModelDatabase } from '../database/read-model-database';
import { deadlinesProjection } from '../deadlines/deadlines.projection';
import { createProjector } from '../runtime/projector';
import { openEvents, openReadModels, recordingLogger, tempFiles, type TempFiles } from './read-model-fixtures';

const officer = { id: 'chv-tran', role: 'officer', officeId: 'office-hp' };

export interface DeadlineWorld {
  readonly files: TempFiles;
  readonly store: SqliteEventStore;
  readonly db: Kysely<ReadModelDatabase>;
  /** Runs case commands in order, each with its own command id; returns the last position. */
  onCase(caseId: string, commands: readonly CaseCommand[]): Promise<bigint>;
  onComplaint(complaintId: string, commands: readonly ComplaintCommand[]): Promise<bigint>;
  /** Projects `deadlines` up to the head of the log; returns the head. */
  project(): Promise<bigint>;
  /** Every deadline row, ordered by stream, kind, level and due date. */
  rows(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startDeadlineWorld(): Promise<DeadlineWorld> {
  const files = tempFiles();
  const store = openEvents(files);
  const db = await openReadModels(files);
  let commandNumber = 0;
  const context = () => {
    commandNumber += 1;
    return {
      actor: officer,
      commandId: `test-command-${commandNumber}`,
      correlationId: `test-command-${commandNumber}`,
    };
  };
  return {
    files,
    store,
    db,
    async onCase(caseId, commands) {
      let position = -1n;
      for (const command of commands)
        position = (await executeCommand(store, { aggregate: 'case', id: caseId, command }, context())).position;
      return position;
    },
    async onComplaint(complaintId, commands) {
      let position = -1n;
      for (const command of commands)
        position = (await executeCommand(store, { aggregate: 'complaint', id: complaintId, command }, context()))
          .position;
      return position;
    },
    async project() {
      const head = await store.headPosition();
      const projector = createProjector({
        eventStore: store,
        db,
        projections: [deadlinesProjection],
        batchSize: 3,
        logger: recordingLogger(),
        controlPollMs: 0,
      });
      await projector.start();
      await projector.waitForPosition(head);
      await projector.stop();
      return head;
    },
    async rows() {
      return db
        .selectFrom('deadlines')
        .selectAll()
        .orderBy('stream')
        .orderBy('kind')
        .orderBy('level')
        .orderBy('due_on')
        .execute();
    },
    async close() {
      await db.destroy();
      await store.close();
      files.remove();
    },
  };
}

/** Receives and decides a case of the fixture story under `caseId`: verification due 26 June 2025. */
export function decidedCaseCommands(caseId: string): CaseCommand[] {
  return [receiveCaseCommand({ caseId }), issueDecisionCommand()];
}

/** Files a first complaint about `caseId` on `filedOn`, known the day before. */
export function fileComplaintCommand(complaintId: string, caseId: string, filedOn: string): FileComplaint {
  return {
    type: 'FileComplaint',
    data: {
      complaintId,
      caseId,
      complainant: { name: 'Nguyễn Văn A' },
      subject: { kind: 'DECISION', reference: '101/QĐ-THADS', description: 'Quyết định thi hành án sai đối tượng' },
      group: 'A',
      respondent: { role: 'ENFORCEMENT_OFFICER', officeId: 'office-hp', officeTier: 'DISTRICT' },
      knownOn: filedOn,
      effectiveDate: filedOn,
    },
  };
}

/** The acceptance due date of a first complaint filed on `filedOn` (5 working days). */
export function acceptanceDueOn(filedOn: string): string {
  return dueDate('COMPLAINT_ACCEPTANCE_LEVEL_1', filedOn);
}
