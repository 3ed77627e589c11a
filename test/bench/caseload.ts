/**
 * The bench's caseload: deterministic, and shaped like a real office's year. The cases come from the demo generator
 * (apps/cli/src/demo) run on the Hải Phòng scenario (its seed, heavy-tailed amounts and lifecycle command mix); on
 * top of that every 40th case draws a complaint, about 1% of commands are corrections (an admin's
 * CorrectRecordedFact of a recorded collection's source), and a few hot cases take long runs of instalment
 * collections, which is what makes streams long (the heavy tail of case lengths).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseAggregate } from '@thads/application/aggregates/definitions';
import { type CaseCommand, type ComplaintCommand, type CaseState } from '@thads/domain';
import type { Actor } from '@thads/event-store';
import { planScenario, type CasePlan } from '../../apps/cli/src/demo/generator/case-plans';
import { parseScenarioText } from '../../apps/cli/src/demo/scenario/scenario-validation';
import type { Scenario } from '../../apps/cli/src/demo/scenario/scenario';

/** One command of the caseload, on its aggregate, with the actor who sends it. */
export type Step =
  | {
      readonly aggregate: 'case';
      readonly id: string;
      readonly command: CaseCommand;
      readonly actor: Actor;
      readonly commandId: string;
    }
  | {
      readonly aggregate: 'complaint';
      readonly id: string;
      readonly command: ComplaintCommand;
      readonly actor: Actor;
      readonly commandId: string;
    };

/** A case's commands in order, and the complaint and correction it draws, if any. */
export interface CaseJob {
  readonly caseId: string;
  readonly officeId: string;
  readonly steps: readonly Step[];
}

const ADMIN: Actor = { id: 'bench-admin', role: 'admin' };

/** A correction's eventId written as this prefix and a command id: the event that command recorded. */
export const RETRACTS_COMMAND = 'event-of-command:';

/** The Hải Phòng scenario (12k cases) as the demo reads it. */
export function haiPhongScenario(): Scenario {
  const text = readFileSync(join(__dirname, '../../scenarios/hai-phong-2018.json'), 'utf8');
  return parseScenarioText(text, 'hai-phong-2018.json');
}

/**
 * Every case of the scenario as a job, interleaved across offices (a real day's traffic is not office by office),
 * with complaints every 40th case and a correction on every 4th case that records a collection until corrections
 * reach 1% of commands.
 */
export function buildCaseload(scenario: Scenario, runTag: string): CaseJob[] {
  return caseJobs(interleave(planScenario(scenario)), runTag);
}

/** The jobs of planned cases, in their order: each case's commands, and the complaints and corrections drawn. */
export function caseJobs(plans: readonly CasePlan[], runTag: string): CaseJob[] {
  const jobs: CaseJob[] = [];
  let commands = 0;
  let corrections = 0;
  plans.forEach((plan, index) => {
    const steps = caseSteps(plan, runTag);
    commands += steps.length;
    const last = plan.commands[plan.commands.length - 1].command.data.effectiveDate;
    if (index % 40 === 0) steps.push(complaintStep(plan, runTag, last));
    const collection = steps.findIndex((step) => step.command.type === 'RecordCollection');
    if (collection >= 0 && index % 4 === 0 && corrections < commands / 100) {
      steps.push(correctionStep(plan, runTag, steps[collection], last));
      corrections += 1;
    }
    jobs.push({ caseId: plan.caseId, officeId: plan.officeId, steps });
  });
  return jobs;
}

/**
 * A hot case: an enforceable case of the scenario followed by `collections` instalments of 1,000 VND each (the
 * pattern of a debtor paying monthly for years, or a busy account debit). The case is chosen among those the
 * decider leaves enforceable with money still owed, so every instalment is accepted.
 */
export function hotCase(scenario: Scenario, runTag: string, collections: number, skip = 0): CaseJob {
  let skipped = 0;
  for (const plan of planScenario(scenario)) {
    if (plan.endState !== 'inProgress') continue;
    const steps = caseSteps(plan, runTag);
    const item = owedItem(decidedState(steps), BigInt(collections) * 1000n);
    if (!item || skipped++ < skip) continue;
    const date = plan.commands[plan.commands.length - 1].command.data.effectiveDate;
    const officer = steps[steps.length - 1].actor;
    for (let n = 0; n < collections; n++) {
      steps.push({
        aggregate: 'case',
        id: plan.caseId,
        command: {
          type: 'RecordCollection',
          data: { collectionId: `hot-${n}`, itemId: item, amount: 1000n, source: 'VOLUNTARY', effectiveDate: date },
        },
        actor: { ...officer, role: 'officer' },
        commandId: `${runTag}:${plan.caseId}:hot-${n}`,
      });
    }
    return { caseId: plan.caseId, officeId: plan.officeId, steps };
  }
  throw new Error('no enforceable case with enough money owed for a hot case');
}

function caseSteps(plan: CasePlan, runTag: string): Step[] {
  const officer = plan.commands.find(({ command }) => command.type === 'AssignEnforcementOfficer');
  const officerId =
    officer?.command.type === 'AssignEnforcementOfficer' ? officer.command.data.officerId : `chv-${plan.officeId}`;
  return plan.commands.map(({ command, role }, index) => ({
    aggregate: 'case' as const,
    id: plan.caseId,
    command,
    actor:
      role === 'head'
        ? { id: `head-${plan.officeId.toLowerCase()}`, role, officeId: plan.officeId }
        : { id: officerId, role, officeId: plan.officeId },
    commandId: `${runTag}:${plan.caseId}:${index}`,
  }));
}

function complaintStep(plan: CasePlan, runTag: string, date: string): Step {
  const complaintId = `${plan.caseId}-KN`;
  return {
    aggregate: 'complaint',
    id: complaintId,
    command: {
      type: 'FileComplaint',
      data: {
        complaintId,
        caseId: plan.caseId,
        complainant: { name: 'Người phải thi hành án', partyId: 'debtor' },
        subject: { kind: 'ACT', reference: 'biên bản xác minh', description: 'Xác minh không đúng tài sản' },
        group: 'A',
        respondent: { role: 'ENFORCEMENT_OFFICER', officeId: plan.officeId, officeTier: 'DISTRICT' },
        knownOn: date,
        effectiveDate: date,
      },
    },
    actor: { id: `head-${plan.officeId.toLowerCase()}`, role: 'head', officeId: plan.officeId },
    commandId: `${runTag}:${complaintId}:file`,
  };
}

/** Corrects the source of the case's first collection: no money moves, so the case's rules still hold after it. */
function correctionStep(plan: CasePlan, runTag: string, collection: Step, date: string): Step {
  const source = collection.command.type === 'RecordCollection' ? collection.command.data.source : 'VOLUNTARY';
  return {
    aggregate: 'case',
    id: plan.caseId,
    command: {
      type: 'CorrectRecordedFact',
      data: {
        // Resolved when the step runs (run-jobs.ts): event ids depend on the actor and the request's fingerprint.
        eventId: `${RETRACTS_COMMAND}${collection.commandId}`,
        correctedData: { source: source === 'VOLUNTARY' ? 'COERCION' : 'VOLUNTARY' },
        reason: 'Nhập nhầm nguồn thu',
        effectiveDate: date,
      },
    },
    actor: ADMIN,
    commandId: `${runTag}:${plan.caseId}:correction`,
  };
}

/** Round-robin over offices, so consecutive jobs hit different offices and cases as live traffic does. */
function interleave(plans: readonly CasePlan[]): CasePlan[] {
  const byOffice = new Map<string, CasePlan[]>();
  for (const plan of plans) byOffice.set(plan.officeId, [...(byOffice.get(plan.officeId) ?? []), plan]);
  const queues = [...byOffice.values()];
  const out: CasePlan[] = [];
  for (let round = 0; out.length < plans.length; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round]);
  }
  return out;
}

/** The case state the decider reaches through `steps` (the planned commands are all accepted). */
function decidedState(steps: readonly Step[]): CaseState {
  const { decider } = caseAggregate;
  let state = decider.initialState;
  for (const step of steps) {
    for (const event of decider.decide(step.command as CaseCommand, state)) state = decider.evolve(state, event);
  }
  return state;
}

function owedItem(state: CaseState, needed: bigint): string | undefined {
  if (state.status !== 'enforceable') return undefined;
  const owed = (state.facts.items ?? []).find((item) => item.amount - item.collected >= needed);
  return owed?.itemId;
}
