import type { CaseCommand } from '@thads/domain';
import { createInMemoryEventStore, type EventStore } from '@thads/event-store';
import { CASE_DATES, CASE_FIXTURE as F, issueDecisionCommand, receiveCaseCommand } from '@thads/testing';
import { caseAggregate } from '../aggregates/definitions';
import { foldRecorded } from '../aggregates/retractions';
import { withRetractionTarget } from '../cases/retraction-target';
import type { CommandContext } from './command-context';
import { handleCommand } from './handle-command';
import { loadStreamState } from './stream-states';

/**
 * The command path keeps folded case states between commands and reads only what was appended since. These specs
 * check that the cached state is always the fold of the whole stream (foldRecorded), including after appends by
 * another writer and after retractions and corrections, which invalidate it.
 */
const caseId = F.caseId;
const stream = `case-${caseId}`;
const officer = { id: 'officer-1', role: 'officer', officeId: 'HP' } as const;
let commands = 0;
const context = (): CommandContext => {
  commands += 1;
  return { commandId: `cmd-${commands}`, correlationId: `cmd-${commands}`, actor: officer };
};
const collect = (collectionId: string, amount: bigint): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId, itemId: F.feeItemId, amount, source: 'VOLUNTARY', effectiveDate: '2025-07-01' },
});

describe('stream states cached by the command path', () => {
  let store: EventStore;
  let reads: { fromRevision?: bigint }[];

  async function run(command: CaseCommand): Promise<void> {
    const resolved =
      command.type === 'CorrectRecordedFact' ? await withRetractionTarget(store, caseId, command) : command;
    await handleCommand(store, caseAggregate, caseId, resolved, context());
  }

  async function wholeFold() {
    return foldRecorded(caseAggregate, await store.readStream(stream));
  }

  beforeEach(async () => {
    store = createInMemoryEventStore();
    reads = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (name, options) => {
      if (name === stream) reads.push({ fromRevision: options?.fromRevision });
      return readStream(name, options);
    };
    for (const command of [
      receiveCaseCommand(),
      issueDecisionCommand(),
      { type: 'AssignEnforcementOfficer', data: { officerId: 'officer-1', effectiveDate: CASE_DATES.decided } },
      {
        type: 'RecordVerification',
        data: { result: 'ENFORCEABLE', findings: 'Owns a house', effectiveDate: CASE_DATES.verified },
      },
    ] as CaseCommand[]) {
      await run(command);
    }
  });

  it('given a folded case, when the next command runs, then it reads only the events after the cached revision', async () => {
    const before = await loadStreamState(store, caseAggregate, stream);
    reads = [];
    await run(collect('col-1', 1000n));
    expect(reads).toEqual([{ fromRevision: (before.revision as bigint) + 1n }]);
    const after = await loadStreamState(store, caseAggregate, stream);
    expect(after.state).toEqual(await wholeFold());
    expect(after.revision).toBe((before.revision as bigint) + 1n);
  });

  it('given events appended by another writer, when the case is loaded, then they are folded in', async () => {
    await loadStreamState(store, caseAggregate, stream);
    const other = createOtherWriterView(store);
    await handleCommand(other, caseAggregate, caseId, collect('col-other', 500n), { ...context(), commandId: 'other' });
    const loaded = await loadStreamState(store, caseAggregate, stream);
    expect(itemCollected(loaded.state)).toBe(500n);
    expect(loaded.state).toEqual(await wholeFold());
    expect(loaded.byCommand.get('other')).toHaveLength(1);
  });

  it('given a collection retracted, then the cached state is refolded and equals the fold of the whole stream', async () => {
    await run(collect('col-1', 1000n));
    await run(collect('col-2', 2000n));
    const retracted = (await store.readStream(stream)).filter((event) => event.type === 'FundsCollected')[0];
    await run({
      type: 'CorrectRecordedFact',
      data: { eventId: retracted.id, reason: 'Receipt belonged to another case', effectiveDate: '2025-08-01' },
    });
    const loaded = await loadStreamState(store, caseAggregate, stream);
    expect(loaded.state).toEqual(await wholeFold());
    expect(itemCollected(loaded.state)).toBe(2000n);
  });

  it('given a correction appended by another writer, then the next load refolds with the corrected amount', async () => {
    await run(collect('col-1', 1000n));
    await loadStreamState(store, caseAggregate, stream);
    const target = (await store.readStream(stream)).filter((event) => event.type === 'FundsCollected')[0];
    const other = createOtherWriterView(store);
    await handleCommand(
      other,
      caseAggregate,
      caseId,
      await withRetractionTarget(other, caseId, {
        type: 'CorrectRecordedFact',
        data: { eventId: target.id, correctedData: { amount: '700' }, reason: 'Misread', effectiveDate: '2025-08-01' },
      }),
      { ...context(), actor: { id: 'admin-1', role: 'admin' }, reason: 'Misread' },
    );
    const loaded = await loadStreamState(store, caseAggregate, stream);
    expect(itemCollected(loaded.state)).toBe(700n);
    expect(loaded.state).toEqual(await wholeFold());
  });

  it('given a replayed command id, then its original events are found in the cached index', async () => {
    const first = await handleCommand(store, caseAggregate, caseId, collect('col-1', 1000n), {
      ...context(),
      commandId: 'same',
    });
    const again = await handleCommand(store, caseAggregate, caseId, collect('col-1', 1000n), {
      ...context(),
      commandId: 'same',
    });
    expect(again).toEqual({ ...first, replayed: true });
  });
});

function itemCollected(state: Awaited<ReturnType<typeof loadStreamState>>['state']): bigint | undefined {
  const s = state as { status: string; facts?: { items: { itemId: string; collected: bigint }[] } };
  return s.facts?.items.find((item) => item.itemId === F.feeItemId)?.collected;
}

/** The same log seen through another store object, as another process would: it has a cache of its own. */
function createOtherWriterView(store: EventStore): EventStore {
  return {
    append: (name, events, options) => store.append(name, events, options),
    readStream: (name, options) => store.readStream(name, options),
    readStreamJson: (name, options) => store.readStreamJson(name, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => Promise.resolve(),
  };
}
