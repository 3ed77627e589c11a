/**
 * Random valid case histories, made by driving the real command path with random commands: a command the decider
 * refuses is dropped, so every history is one the engine can write. Seeded (mulberry32), so a seed replays exactly.
 */
import { executeCommand } from '@thads/application';
import {
  addCalendarDays,
  caseEventCodec,
  DomainError,
  foldCaseHistory,
  type CaseCommand,
  type CaseState,
  type LocalDate,
} from '@thads/domain';
import type { EventStore } from '@thads/event-store';

/** A seeded random source: numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny, well-known 32-bit generator; enough to pick commands, and replayable from its seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <Value>(random: Random, values: readonly Value[]): Value => values[Math.floor(random() * values.length)];
const chance = (random: Random, p: number) => random() < p;

/** Offices cases are received at; entrustment sends items to another. */
export const PROPERTY_OFFICES = ['PX-A', 'PX-B', 'PX-C'] as const;
/** The provincial office above them, which takes cases up (it receives none itself). */
const PROPERTY_PROVINCE = 'PX-P';

/** Writes one random case history of up to `steps` accepted commands into `store`. */
export async function writeRandomCase(
  store: EventStore,
  caseId: string,
  random: Random,
  setClock: (date: LocalDate) => void,
  steps = 12,
): Promise<void> {
  let date = addCalendarDays('2017-09-01', Math.floor(random() * 1100));
  const officeId = pick(random, PROPERTY_OFFICES);
  const items = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, index) => ({
    itemId: `${caseId}-i${index}`,
    kind: pick(random, ['DEBT', 'COURT_FEE', 'FINE'] as const),
    description: 'Owed',
    amount: BigInt(1 + Math.floor(random() * 900)) * 1_000_000n,
  }));
  let commandNumber = 0;
  const run = async (command: CaseCommand): Promise<boolean> => {
    commandNumber += 1;
    // The generator's date is the office's today: every command is dated on or before it.
    setClock(command.data.effectiveDate ?? date);
    const context = {
      commandId: `${caseId}-c${commandNumber}`,
      correlationId: `${caseId}-c${commandNumber}`,
      actor: { id: 'admin-property', role: 'admin', officeId },
      today: date,
    };
    try {
      await executeCommand(store, { aggregate: 'case', id: caseId, command }, context);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      // A correction whose history cannot be folded (e.g. a retracted resumption leaves two pauses in a row) is refused
      // by the command path's consistency check with a plain Error today, before anything is appended.
      if (error instanceof Error && error.message.startsWith('Corrupt case stream')) return false;
      throw error;
    }
  };
  await run({
    type: 'ReceiveCase',
    data: {
      caseId,
      officeId,
      source: 'JUDGMENT',
      mode: 'EX_OFFICIO',
      judgment: { number: `${caseId}/BA`, court: 'TAND', issuedOn: '2017-01-05', legallyEffectiveOn: '2017-01-05' },
      parties: [
        { partyId: 'creditor', role: 'CREDITOR', kind: 'PERSON', name: 'A' },
        { partyId: 'debtor', role: 'DEBTOR', kind: 'PERSON', name: 'B' },
      ],
      obligations: items,
      effectiveDate: date,
    },
  });
  for (let step = 0, attempts = 0; step < steps && attempts < steps * 4; attempts += 1) {
    date = addCalendarDays(date, Math.floor(random() * (chance(random, 0.2) ? 200 : 25)));
    const stored = await store.readStream(`case-${caseId}`);
    const state = foldCaseHistory(stored);
    const command = randomCommand(random, state, date, stored, `${caseId}-${attempts}`);
    if (command && (await run(command))) step += 1;
  }
}

/** A plausible command for the case's status; the decider has the last word. */
function randomCommand(
  random: Random,
  state: CaseState,
  effectiveDate: LocalDate,
  stored: readonly { readonly id: string; readonly type: string; readonly data: object }[],
  unique: string,
): CaseCommand | null {
  if (state.status === 'none') return null;
  const { facts } = state;
  const item = pick(random, facts.items);
  const reason = 'Property test';
  const options: (() => CaseCommand | null)[] = [
    () => ({ type: 'IssueEnforcementDecision', data: { decisionNumber: `QD-${unique}`, effectiveDate } }),
    () => ({ type: 'RejectEnforcementRequest', data: { ground: 'NOT_COMPETENT', effectiveDate } }),
    () => ({ type: 'AssignEnforcementOfficer', data: { officerId: `chv-${unique}`, effectiveDate } }),
    () => ({ type: 'RecordVerification', data: { result: 'ENFORCEABLE', findings: 'Assets', effectiveDate } }),
    () => ({
      type: 'RecordVerification',
      data: { result: 'NOT_ENFORCEABLE', ground: 'NO_INCOME_OR_ASSETS', findings: 'None', effectiveDate },
    }),
    () => ({
      type: 'DecideNotEnforceable',
      data: { decisionNumber: `CDK-${unique}`, ground: 'NO_INCOME_OR_ASSETS', effectiveDate },
    }),
    () => ({
      type: 'RecordPeriodicReverification',
      data: { result: pick(random, ['STILL_NOT_ENFORCEABLE', 'ENFORCEABLE'] as const), findings: 'F', effectiveDate },
    }),
    () => ({ type: 'MoveToSeparateTrackingRegister', data: { effectiveDate } }),
    () => ({
      type: 'SeizeAsset',
      data: { assetId: `a-${unique}`, kind: 'VEHICLE', description: 'Car', effectiveDate },
    }),
    () => {
      const asset = facts.assets.find((candidate) => candidate.status === 'seized');
      return asset
        ? { type: 'RecordValuation', data: { assetId: asset.assetId, value: 500_000_000n, valuer: 'V', effectiveDate } }
        : null;
    },
    () => {
      const asset = facts.assets.find((candidate) => candidate.status === 'valued');
      return asset
        ? {
            type: 'RecordAuctionResult',
            data: chance(random, 0.5)
              ? { assetId: asset.assetId, outcome: 'FAILED', effectiveDate }
              : { assetId: asset.assetId, outcome: 'SOLD', price: asset.startingPrice, effectiveDate },
          }
        : null;
    },
    () => {
      const owed = item.amount - item.collected;
      if (owed <= 0n) return null;
      const amount = chance(random, 0.5) ? owed : owed / 2n + 1n;
      return {
        type: 'RecordCollection',
        data: { collectionId: `thu-${unique}`, itemId: item.itemId, amount, source: 'VOLUNTARY', effectiveDate },
      };
    },
    () => {
      const held = item.collected - item.disbursed;
      return held > 0n
        ? {
            type: 'DisburseFunds',
            data: { disbursementId: `chi-${unique}`, itemId: item.itemId, amount: held, effectiveDate },
          }
        : null;
    },
    () => ({
      type: 'PostponeEnforcement',
      data: {
        decisionNumber: `H-${unique}`,
        ground: pick(random, ['SERIOUS_ILLNESS', 'PARTIES_AGREE', 'ASSET_UNDER_DISPUTE'] as const),
        effectiveDate,
      },
    }),
    () => ({
      type: 'SuspendEnforcement',
      data: { decisionNumber: `T-${unique}`, ground: 'CASSATION_PROTEST', effectiveDate },
    }),
    () => ({ type: 'ResumeEnforcement', data: { decisionNumber: `R-${unique}`, effectiveDate } }),
    () => ({
      type: 'TerminateEnforcement',
      data: {
        decisionNumber: `DC-${unique}`,
        ground: 'SETTLEMENT_OR_WAIVER',
        ...(chance(random, 0.5) ? { itemIds: [item.itemId] } : {}),
        effectiveDate,
      },
    }),
    () => ({ type: 'Settle', data: { effectiveDate } }),
    () => ({
      type: 'EntrustEnforcement',
      data: {
        decisionNumber: `UT-${unique}`,
        targetOfficeId: pick(
          random,
          PROPERTY_OFFICES.filter((office) => office !== facts.officeId),
        ),
        ...(chance(random, 0.5) ? { itemIds: [item.itemId] } : {}),
        effectiveDate,
      },
    }),
    // Rút lên: the office line and the provincial head are stated, as the command path would resolve them.
    () => ({
      type: 'TakeUpCase',
      data: {
        decisionNumber: `RL-${unique}`,
        effectiveDate,
        official: { role: 'head', officeIds: [PROPERTY_PROVINCE] },
        officeLine: [
          { officeId: facts.officeId, tier: 'DISTRICT' },
          { officeId: PROPERTY_PROVINCE, tier: 'PROVINCE' },
        ],
      },
    }),
    () => ({
      type: 'WithdrawDecision',
      data: { decisionNumber: 'QD', ground: 'WRONG_CONTENT', reason, effectiveDate },
    }),
    () => ({ type: 'ReopenCase', data: { reason, effectiveDate } }),
    () => {
      if (state.status !== 'decided' && state.status !== 'not_enforceable') return null;
      const dueOn =
        state.status === 'decided' ? state.decision.verificationDueOn : facts.classification.reverificationDueOn;
      if (dueOn === undefined || dueOn >= effectiveDate) return null;
      return {
        type: 'RecordMissedDeadline',
        data: { deadline: state.status === 'decided' ? 'VERIFICATION' : 'REVERIFICATION', dueOn, effectiveDate },
      };
    },
    () => retraction(random, stored, effectiveDate, reason),
    () => retraction(random, stored, effectiveDate, reason),
  ];
  return pick(random, options)();
}

/**
 * A CorrectRecordedFact of a random earlier event, corrections included: retracted outright, a collection's amount
 * corrected (again: a later correction supersedes), or a correction retracted (which a later one may retract in turn).
 * Half are sent without a date, to be dated at the act they correct.
 */
function retraction(
  random: Random,
  stored: readonly { readonly id: string; readonly type: string; readonly data: object }[],
  effectiveDate: LocalDate,
  reason: string,
): CaseCommand | null {
  const candidates = stored.filter((event) => event.type !== 'CaseReceived');
  if (candidates.length === 0) return null;
  // Corrections are picked more often than their share, so chains of corrections of corrections occur.
  const corrections = candidates.filter((event) => event.type === 'FactRetracted');
  const target = pick(random, corrections.length > 0 && chance(random, 0.4) ? corrections : candidates);
  const data = caseEventCodec.encode(caseEventCodec.decode({ type: target.type, data: target.data as never })).data;
  const correctedData =
    target.type === 'FundsCollected' && chance(random, 0.5)
      ? { amount: String(BigInt(String((data as { amount: string }).amount)) / 2n + 1n) }
      : undefined;
  return {
    type: 'CorrectRecordedFact',
    data: {
      eventId: target.id,
      target: { type: target.type, data },
      ...(correctedData ? { correctedData } : {}),
      reason,
      ...(chance(random, 0.5) ? { effectiveDate } : {}),
    },
  };
}
