/**
 * From a scenario to the command sequence of every case (docs/scenarios.md): for each office, end state and origin,
 * the state's VND split with a heavy tail over its cases, then each case written through the real command rules to
 * its end state. Deterministic: the same scenario and seed give the same plans, whatever order they later run in.
 */
import type { EnforcementMode } from '@thads/domain';
import {
  END_STATES,
  modeGroups,
  type CaseOrigin,
  type EndState,
  type Scenario,
  type ScenarioOffice,
} from '../scenario/scenario';
import { scenarioWindow } from '../scenario/scenario-window';
import { provinceAbove } from '../scenario/scenario-destinations';
import { lastReceiptDay } from '../scenario/scenario-successions';
import { reserveDaysFor, type CaseContext } from './case-context';
import { numberOfficeCases, type CaseDraft } from './case-numbering';
import { DoesNotFit, type PlannedCommand, type Tempo } from './case-script';
import { writeCarriedOverCase } from './carried-over-case-script';
import { moneyPathFor } from './choices';
import { splitHeavyTailed } from './heavy-tailed-split';
import { writeReceivedCase } from './received-case-script';
import { owedWhenLeaving, writeOpenedCase } from './opened-case-script';
import { caseKey, groupKey, inProgressCollections } from './in-progress-collections';
import type { MoneyPath } from './script-money';
import { seededRandom, type SeededRandom } from './seeded-random';

/** One case to run: its stream id, office, where it starts and ends, and its commands in order. */
export interface CasePlan {
  readonly caseId: string;
  readonly officeId: string;
  readonly origin: CaseOrigin;
  readonly endState: EndState;
  readonly commands: readonly PlannedCommand[];
}

/** Where a case is entrusted when its scenario has no other office: another province's department. */
export const OTHER_PROVINCE_OFFICE = 'THADS-TINH-KHAC';
/** One enforcement officer per this many cases of an office, at least three (docs/domain.md: ~200 a year each). */
const CASES_PER_OFFICER = 200;

/** A case that left one office for another of the scenario, which opens its own case for it. */
interface Opening {
  readonly receiverId: string;
  readonly on: string;
  readonly amount: bigint;
  /** The sending case's mode: the receiver's case enforces the same obligations. */
  readonly mode: EnforcementMode;
  readonly key: string;
}

/**
 * Every case of the scenario, numbered per office, offices in scenario order. Cases entrusted to an office of the
 * scenario (`entrustedOut.to`) and cases taken up by the province are then opened there as newly received cases.
 */
export function planScenario(scenario: Scenario): CasePlan[] {
  const window = scenarioWindow(scenario);
  const random = seededRandom(scenario.seed);
  const byId = new Map(scenario.offices.map((office) => [office.id, office]));
  const drafts = new Map<string, CaseDraft[]>(scenario.offices.map((office) => [office.id, []]));
  const openings: Opening[] = [];
  const officersOf = (office: ScenarioOffice) => Math.max(3, Math.ceil(officeCaseCount(office) / CASES_PER_OFFICER));
  for (const office of scenario.offices) {
    const to = office.cases.entrustedOut.to;
    const provinceId = provinceAbove(office, byId)?.id;
    const mergedOn = lastReceiptDay(scenario.successions ?? [], office.id);
    const registeredInYear = office.registeredOn !== undefined && office.registeredOn > window.yearStartsOn;
    const collections = inProgressCollections(office, random);
    const receipts = {
      ...(registeredInYear && { from: office.registeredOn }),
      ...(mergedOn !== undefined && { before: mergedOn }),
    };
    for (const endState of END_STATES) {
      for (const origin of ['carriedOver', 'received'] as const) {
        for (const { mode, cases: figures } of modeGroups(office.cases[endState], origin)) {
          // Without a stated mode the key is what it always was, so a file without `exOfficio` plans as before.
          const key = groupKey(office.id, endState, origin, mode);
          const amounts = splitHeavyTailed(figures.amount, figures.count, random.fork(`${key}/amounts`));
          amounts.forEach((amount, index) => {
            const caseRandom = random.fork(`${key}/${index}`);
            const base = {
              window,
              officeId: office.id,
              area: office.area,
              officerId: officerId(office, caseRandom.integer(1, officersOf(office))),
              amount,
              entrustTargets: [to ?? OTHER_PROVINCE_OFFICE],
              ...(provinceId !== undefined && { provinceId }),
              receipts,
              ...(mode !== undefined && { mode }),
              ...(collections !== undefined &&
                endState === 'inProgress' && { collect: collections.get(caseKey(key, index)) ?? 0n }),
            };
            const commands = writeWithRetries(caseRandom, base, origin, endState, key);
            const receive = commands[0].command;
            drafts.get(office.id)?.push({ receivedOn: receive.data.effectiveDate, commands, origin, endState });
            const receiverId = endState === 'takenUp' ? provinceId : endState === 'entrustedOut' ? to : undefined;
            if (receiverId !== undefined && receive.type === 'ReceiveCase') {
              const on = commands[commands.length - 1].command.data.effectiveDate;
              const opened = { receiverId, on, amount: owedWhenLeaving(commands), mode: receive.data.mode };
              openings.push({ ...opened, key: `${key}/${index}` });
            }
          });
        }
      }
    }
  }
  for (const opening of openings) {
    const receiver = byId.get(opening.receiverId);
    if (receiver === undefined) continue;
    const caseRandom = random.fork(`${opening.key}/opened`);
    const context: CaseContext = {
      random: caseRandom,
      tempo: 'normal',
      moneyPath: 'voluntary',
      window,
      officeId: receiver.id,
      area: receiver.area,
      officerId: officerId(receiver, caseRandom.integer(1, officersOf(receiver))),
      amount: opening.amount,
      entrustTargets: [OTHER_PROVINCE_OFFICE],
      mode: opening.mode,
    };
    const { commands } = writeOpenedCase(context, opening.on);
    drafts.get(receiver.id)?.push({ receivedOn: opening.on, commands, origin: 'received', endState: 'inProgress' });
  }
  return scenario.offices.flatMap((office) =>
    numberOfficeCases(office.id, office.tier, drafts.get(office.id) ?? []).map(({ caseId, commands, draft }) => ({
      caseId,
      officeId: office.id,
      origin: draft.origin,
      endState: draft.endState,
      commands,
    })),
  );
}

function officerId(office: ScenarioOffice, number: number): string {
  return `chv-${office.id.toLowerCase()}-${String(number).padStart(2, '0')}`;
}

/** Every case an office has, in every state. */
export function officeCaseCount(office: ScenarioOffice): number {
  return END_STATES.reduce((total, state) => total + office.cases[state].count, 0);
}

/**
 * Writes a case, trying again when it does not fit the period: three normal attempts, then the shortest legal gaps,
 * then a shorter way to pay. Each attempt draws from its own named stream, so the outcome stays deterministic.
 */
function writeWithRetries(
  random: SeededRandom,
  base: Omit<CaseContext, 'random' | 'tempo' | 'moneyPath'>,
  origin: CaseOrigin,
  state: EndState,
  key: string,
): PlannedCommand[] {
  const wanted = moneyPathFor(random, base.amount, origin === 'received');
  const shorter: MoneyPath = origin === 'received' ? 'voluntary' : 'accountDebit';
  const attempts: [Tempo, MoneyPath][] = [
    ['normal', wanted],
    ['normal', wanted],
    ['normal', wanted],
    ['hurried', wanted],
    ['hurried', shorter],
  ];
  for (const [index, [tempo, moneyPath]] of attempts.entries()) {
    const context: CaseContext = { ...base, random: random.fork(`attempt-${index}`), tempo, moneyPath };
    try {
      const script =
        origin === 'carriedOver' ? writeCarriedOverCase(context, state) : writeReceivedCase(context, state);
      return script.commands;
    } catch (error) {
      if (!(error instanceof DoesNotFit)) throw error;
    }
  }
  throw new Error(
    `${key}: a case cannot reach this end state inside the period (it needs about ${reserveDaysFor('other')} days); choose a longer period`,
  );
}
