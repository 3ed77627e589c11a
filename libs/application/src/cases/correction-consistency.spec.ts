import type { CaseCommand } from '@thads/domain';
import { createInMemoryEventStore, type EventStore } from '@thads/event-store';
import { CASE_DATES, CASE_FIXTURE as F, issueDecisionCommand, receiveCaseCommand } from '@thads/testing';
import { caseAggregate } from '../aggregates/definitions';
import { loadAggregate } from '../aggregates/load-aggregate';
import type { CommandContext } from '../command-handling/command-context';
import { executeCommand } from '../command-handling/execute-command';

/**
 * A correction rewrites an earlier step, so the command path checks the corrected history as a whole
 * (ensureConsistentAfterCorrection): refused corrections write nothing, accepted ones fold in place of the original.
 */
const caseId = F.caseId;
const admin = { id: 'admin-1', role: 'admin', officeId: 'HP' } as const;
let commandCount = 0;
const context = (): CommandContext => {
  commandCount += 1;
  return { commandId: `cmd-${commandCount}`, correlationId: `cmd-${commandCount}`, actor: admin };
};

const collect = (amount: bigint): CaseCommand => ({
  type: 'RecordCollection',
  data: { collectionId: 'col-1', itemId: F.feeItemId, amount, source: 'VOLUNTARY', effectiveDate: '2025-07-01' },
});
const disburse = (amount: bigint): CaseCommand => ({
  type: 'DisburseFunds',
  data: { disbursementId: 'dis-1', itemId: F.feeItemId, amount, effectiveDate: '2025-07-02' },
});

describe('corrections keep the case consistent', () => {
  let store: EventStore;

  async function run(command: CaseCommand): Promise<void> {
    await executeCommand(store, { aggregate: 'case', id: caseId, command }, context());
  }

  async function idOf(type: string): Promise<string> {
    const event = (await store.readStream(`case-${caseId}`)).filter((candidate) => candidate.type === type).at(-1);
    if (!event) throw new Error(`no ${type}`);
    return event.id;
  }

  async function correct(
    type: string,
    correctedData?: Record<string, string>,
    effectiveDate = '2025-08-01',
  ): Promise<void> {
    const eventId = await idOf(type);
    await run({
      type: 'CorrectRecordedFact',
      data: {
        eventId,
        reason: 'Receipt misread',
        effectiveDate,
        ...(correctedData ? { correctedData } : {}),
      },
    } as CaseCommand);
  }

  beforeEach(async () => {
    store = createInMemoryEventStore();
    for (const command of [
      receiveCaseCommand(),
      issueDecisionCommand(),
      { type: 'AssignEnforcementOfficer', data: { officerId: 'officer-1', effectiveDate: CASE_DATES.decided } },
      {
        type: 'RecordVerification',
        data: { result: 'ENFORCEABLE', findings: 'Owns a house', effectiveDate: CASE_DATES.verified },
      },
      collect(F.feeAmount),
      disburse(F.feeAmount),
    ] as CaseCommand[]) {
      await run(command);
    }
  });

  it('given a collection already paid out, when it is corrected below the payout, then CORRECTION_BREAKS_MONEY and nothing is written', async () => {
    const head = await store.headPosition();
    await expect(correct('FundsCollected', { amount: '1000' })).rejects.toMatchObject({
      code: 'CORRECTION_BREAKS_MONEY',
      details: { itemId: F.feeItemId, field: 'disbursed', disbursed: F.feeAmount.toString(), collected: '1000' },
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('given the payout corrected first, when the collection is corrected, then the case folds the corrected amounts', async () => {
    await correct('FundsDisbursed', { amount: '1000' });
    await correct('FundsCollected', { amount: '1000' });
    const { state } = await loadAggregate(store, caseAggregate, caseId);
    expect(state.status !== 'none' && state.facts.items.find((item) => item.itemId === F.feeItemId)).toMatchObject({
      collected: 1000n,
      disbursed: 1000n,
    });
  });

  it('given a collection corrected above what the item owes, then CORRECTION_BREAKS_MONEY names the collected side', async () => {
    await expect(correct('FundsCollected', { amount: (F.feeAmount + 1n).toString() })).rejects.toMatchObject({
      code: 'CORRECTION_BREAKS_MONEY',
      details: { field: 'collected' },
    });
  });

  it('given a settled case, then a correction that leaves money unpaid is CORRECTION_BREAKS_SETTLEMENT until the settlement is retracted', async () => {
    await run({
      type: 'RecordCollection',
      data: {
        collectionId: 'col-2',
        itemId: F.debtItemId,
        amount: F.debtAmount,
        source: 'VOLUNTARY',
        effectiveDate: '2025-07-03',
      },
    });
    await run({
      type: 'DisburseFunds',
      data: { disbursementId: 'dis-2', itemId: F.debtItemId, amount: F.debtAmount, effectiveDate: '2025-07-03' },
    });
    await run({ type: 'Settle', data: { effectiveDate: '2025-07-04' } });
    await expect(correct('FundsDisbursed', { amount: '1000' })).rejects.toMatchObject({
      code: 'CORRECTION_BREAKS_SETTLEMENT',
      details: { outstanding: [expect.objectContaining({ itemId: F.debtItemId, disbursed: '1000' })] },
    });
    await correct('CaseSettled');
    await correct('FundsDisbursed', { amount: '1000' });
    const { state } = await loadAggregate(store, caseAggregate, caseId);
    expect(state.status).toBe('enforceable');
  });

  it('given a resumption followed by a second postponement, when the resumption is retracted, then CORRECTION_BREAKS_HISTORY names the postponement and nothing is written', async () => {
    const postpone = (effectiveDate: string): CaseCommand => ({
      type: 'PostponeEnforcement',
      data: { decisionNumber: `H-${effectiveDate}`, ground: 'PARTIES_AGREE', until: '2025-12-01', effectiveDate },
    });
    await run(postpone('2025-08-01'));
    await run({ type: 'ResumeEnforcement', data: { decisionNumber: 'TT-1', effectiveDate: '2025-08-20' } });
    await run(postpone('2025-08-25'));
    const head = await store.headPosition();
    await expect(correct('EnforcementResumed', undefined, '2025-08-26')).rejects.toMatchObject({
      code: 'CORRECTION_BREAKS_HISTORY',
      details: { brokenBy: 'EnforcementPostponed' },
    });
    expect(await store.headPosition()).toBe(head);
    // The way back: the later postponement first, then the resumption; both retractions stay in the history.
    await correct('EnforcementPostponed', undefined, '2025-08-26');
    await correct('EnforcementResumed', undefined, '2025-08-26');
    expect((await loadAggregate(store, caseAggregate, caseId)).state).toMatchObject({ status: 'postponed' });
  });
});

describe('a reopening keeps its ground', () => {
  it('given a not-enforceable case terminated and reopened, when the not-enforceable decision is retracted, then CORRECTION_BREAKS_HISTORY names the reopening and nothing is written', async () => {
    // Found by the read-side property test (PROPERTY_SEED=411003141): the case reopened to `not_enforceable` with no
    // decision behind it, and a later command on it threw instead of answering.
    const store = createInMemoryEventStore();
    const run = (command: CaseCommand) => executeCommand(store, { aggregate: 'case', id: caseId, command }, context());
    for (const command of [
      receiveCaseCommand(),
      issueDecisionCommand(),
      {
        type: 'RecordVerification',
        data: {
          result: 'NOT_ENFORCEABLE',
          ground: 'NO_INCOME_OR_ASSETS',
          findings: 'None',
          effectiveDate: '2025-06-17',
        },
      },
      {
        type: 'DecideNotEnforceable',
        data: { decisionNumber: 'CDK-1', ground: 'NO_INCOME_OR_ASSETS', effectiveDate: '2025-06-20' },
      },
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'DC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-07-01' },
      },
      { type: 'ReopenCase', data: { reason: 'Terminated in error', effectiveDate: '2025-07-10' } },
    ] as CaseCommand[]) {
      await run(command);
    }
    expect((await loadAggregate(store, caseAggregate, caseId)).state.status).toBe('not_enforceable');
    const decision = (await store.readStream(`case-${caseId}`)).find((event) => event.type === 'NotEnforceableDecided');
    const head = await store.headPosition();
    await expect(
      run({
        type: 'CorrectRecordedFact',
        data: { eventId: decision?.id ?? '', reason: 'Decided in error', effectiveDate: '2025-07-15' },
      } as CaseCommand),
    ).rejects.toMatchObject({ code: 'CORRECTION_BREAKS_HISTORY', details: { brokenBy: 'CaseReopened' } });
    expect(await store.headPosition()).toBe(head);
  });
});
