/**
 * Sends a scenario's commands through the one real command path, executeCommand (resolve → load → fold → decide →
 * append), as the API does: the offices and their targets on the reporting aggregate, then every case on the case aggregate.
 * Command ids derive from the seed and the case, so running the same scenario again into the same store replays
 * instead of doubling anything (idempotency by command id).
 */
import { executeCommand, type CommandContext } from '@thads/application';
import { DomainError } from '@thads/domain';
import type { Actor, EventStore } from '@thads/event-store';
import type { CasePlan } from '../generator/case-plans';
import type { Scenario, ScenarioWindow } from '../scenario/scenario';
import { runBounded } from './bounded-pool';

/** A generated command was refused: the generator and the rules disagree. Names the case, the command and the code. */
export class DemoCommandRefused extends Error {
  override readonly name = 'DemoCommandRefused';
  constructor(
    readonly caseId: string,
    readonly commandType: string,
    readonly refusal: unknown,
  ) {
    const reason =
      refusal instanceof DomainError
        ? `${refusal.code}: ${refusal.message}`
        : refusal instanceof Error
          ? refusal.message
          : String(refusal);
    super(`Case ${caseId}: ${commandType} was refused (${reason})`);
  }
}

/** The administrator who sets up the offices and targets of the demo. */
const DEMO_ADMIN: Actor = { id: 'demo-admin', role: 'admin' };

function contextOf(actor: Actor, commandId: string, correlationId: string, today?: string): CommandContext {
  return { actor, commandId, correlationId, ...(today !== undefined && { today }) };
}

/**
 * Registers every office (parents first, as the scenario lists them, on the year's first day or its own registration
 * day) and sets its targets for the year, then records the scenario's mergers. Returns the number of commands sent.
 */
export async function seedOffices(store: EventStore, scenario: Scenario, window: ScenarioWindow): Promise<number> {
  let commands = 0;
  for (const office of scenario.offices) {
    const effectiveDate = office.registeredOn ?? window.yearStartsOn;
    const correlationId = `demo:${scenario.seed}:office:${office.id}`;
    await executeCommand(
      store,
      {
        aggregate: 'reporting',
        id: office.id,
        command: {
          type: 'RegisterOffice',
          data: {
            officeId: office.id,
            name: office.name,
            tier: office.tier,
            ...(office.parent !== undefined && { parentOfficeId: office.parent }),
            effectiveDate,
          },
        },
      },
      contextOf(DEMO_ADMIN, `${correlationId}:register`, correlationId),
    );
    commands += 1;
    if (!office.target) continue;
    const target = {
      officeId: office.id,
      reportingYear: scenario.reportingYear,
      casesRatePercent: office.target.cases,
      moneyRatePercent: office.target.money,
      effectiveDate,
    };
    await executeCommand(
      store,
      { aggregate: 'reporting', id: office.id, command: { type: 'SetTarget', data: target } },
      contextOf(DEMO_ADMIN, `${correlationId}:target-${scenario.reportingYear}`, correlationId),
    );
    commands += 1;
  }
  for (const [index, succession] of (scenario.successions ?? []).entries()) {
    const correlationId = `demo:${scenario.seed}:succession:${index}`;
    const data = {
      predecessorOfficeIds: succession.predecessors,
      successorOfficeId: succession.successor,
      effectiveDate: succession.effectiveDate,
      legalAct: succession.legalAct,
    };
    await executeCommand(
      store,
      { aggregate: 'officeregistry', id: 'national', command: { type: 'MergeOffices', data } },
      contextOf(DEMO_ADMIN, `${correlationId}:merge`, correlationId),
    );
    commands += 1;
  }
  return commands;
}

/** What seeding the cases recorded: how many commands, and the positions to follow the projection by. */
export interface SeededCases {
  readonly commands: number;
  /** The log position of each case's last event, in completion order. */
  readonly lastPositions: readonly bigint[];
}

/**
 * Runs every case's commands in order, `concurrency` cases at a time. The actor is the case's officer, or the
 * office's head for the head's decisions. Throws DemoCommandRefused on the first refusal; cases in flight finish.
 */
export async function seedCases(
  store: EventStore,
  seed: string,
  /** The office's today for the simulation: the period's last day, on or after every act the plans date. */
  today: string,
  plans: readonly CasePlan[],
  concurrency: number,
  onCaseDone: (done: number) => void,
  /** The office holding a case of `officeId` on `date`: after a merger the successor's staff act (docs/domain.md). */
  holderOn: (officeId: string, date: string) => string = (officeId) => officeId,
): Promise<SeededCases> {
  let commands = 0;
  const lastPositions: bigint[] = [];
  await runBounded(
    plans,
    concurrency,
    async (plan) => {
      const correlationId = `demo:${seed}:${plan.caseId}`;
      let position = -1n;
      for (const [index, { command, role, actingOfficeId }] of plan.commands.entries()) {
        const officeId = actingOfficeId ?? holderOn(plan.officeId, command.data.effectiveDate);
        const actor: Actor =
          role === 'head'
            ? { id: `head-${officeId.toLowerCase()}`, role, officeId }
            : { id: officerOf(plan), role, officeId };
        try {
          position = (
            await executeCommand(
              store,
              { aggregate: 'case', id: plan.caseId, command },
              // A simulation run as on the period's last day, so a scenario year after today's date still seeds.
              contextOf(actor, `${correlationId}:${index}`, correlationId, today),
            )
          ).position;
        } catch (error) {
          throw new DemoCommandRefused(plan.caseId, command.type, error);
        }
        commands += 1;
      }
      lastPositions.push(position);
    },
    onCaseDone,
  );
  return { commands, lastPositions };
}

/** The officer the head assigned to the case (its AssignEnforcementOfficer command). */
function officerOf(plan: CasePlan): string {
  const assignment = plan.commands.find(({ command }) => command.type === 'AssignEnforcementOfficer');
  return assignment?.command.type === 'AssignEnforcementOfficer'
    ? assignment.command.data.officerId
    : `chv-${plan.officeId.toLowerCase()}`;
}
