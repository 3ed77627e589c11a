/**
 * From a scenario to the command sequence of every case (docs/scenarios.md): for each office, end state and origin,
 * the state's VND split with a heavy tail over its cases, then each case written through the real command rules to
 * its end state. Deterministic: the same scenario and seed give the same plans, whatever order they later run in.
 */
import {
  END_STATES,
  receivedPart,
  type CaseCount,
  type CaseOrigin,
  type EndState,
  type Scenario,
  type ScenarioOffice,
} from '../scenario/scenario';
import { scenarioWindow } from '../scenario/scenario-window';
import { reserveDaysFor, type CaseContext } from './case-context';
import { numberOfficeCases, type CaseDraft } from './case-numbering';
import { DoesNotFit, type PlannedCommand, type Tempo } from './case-script';
import { writeCarriedOverCase } from './carried-over-case-script';
import { moneyPathFor } from './choices';
import { splitHeavyTailed } from './heavy-tailed-split';
import { writeReceivedCase } from './received-case-script';
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

/** Every case of the scenario, numbered per office, offices in scenario order. */
export function planScenario(scenario: Scenario): CasePlan[] {
  const window = scenarioWindow(scenario);
  const random = seededRandom(scenario.seed);
  return scenario.offices.flatMap((office) => {
    const drafts: CaseDraft[] = [];
    const officers = Math.max(3, Math.ceil(officeCaseCount(office) / CASES_PER_OFFICER));
    const entrustTargets = scenario.offices.filter((other) => other.id !== office.id).map((other) => other.id);
    for (const endState of END_STATES) {
      for (const origin of ['carriedOver', 'received'] as const) {
        const figures: CaseCount =
          origin === 'carriedOver' ? office.cases[endState].carriedOver : receivedPart(office.cases[endState]);
        const key = `${office.id}/${endState}/${origin}`;
        const amounts = splitHeavyTailed(figures.amount, figures.count, random.fork(`${key}/amounts`));
        amounts.forEach((amount, index) => {
          const caseRandom = random.fork(`${key}/${index}`);
          const base = {
            window,
            officeId: office.id,
            area: office.area,
            officerId: `chv-${office.id.toLowerCase()}-${String(caseRandom.integer(1, officers)).padStart(2, '0')}`,
            amount,
            entrustTargets: entrustTargets.length > 0 ? entrustTargets : [OTHER_PROVINCE_OFFICE],
          };
          const commands = writeWithRetries(caseRandom, base, origin, endState, key);
          const receive = commands[0].command;
          drafts.push({ receivedOn: receive.data.effectiveDate, commands, origin, endState });
        });
      }
    }
    return numberOfficeCases(office.id, office.tier, drafts).map(({ caseId, commands, draft }) => ({
      caseId,
      officeId: office.id,
      origin: draft.origin,
      endState: draft.endState,
      commands,
    }));
  });
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
