import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  caseDecider,
  isWorkingDay,
  statisticsViewOf,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '@thads/domain';
import { addAllTallies, classifyCase, type StatisticsTally, type Tallies } from '@thads/read-models';
import { END_STATES, type Scenario } from '../scenario/scenario';
import { provinceAbove } from '../scenario/scenario-destinations';
import { parseScenarioText } from '../scenario/scenario-validation';
import { scenarioWindow } from '../scenario/scenario-window';
import { planScenario, type CasePlan } from './case-plans';

const scenarioFile = (name: string) =>
  parseScenarioText(readFileSync(join(__dirname, '../../../../../scenarios', name), 'utf8'), name);
const traps = scenarioFile('formula-traps.json');
const acrossJuly2026 = scenarioFile('law-106-2026.json');

/** Every plan's commands through the pure case decider: the events the real command path would append. */
function eventsOf(plan: CasePlan): CaseEvent[] {
  const events: CaseEvent[] = [];
  let state: CaseState = caseDecider.initialState;
  for (const { command, actingOfficeId } of plan.commands) {
    // The command path gives a taking up the office line and the provincial head (application: taking-up-office.ts).
    const resolved: CaseCommand =
      command.type === 'TakeUpCase' && actingOfficeId !== undefined
        ? {
            ...command,
            data: {
              ...command.data,
              official: { role: 'head', officeIds: [actingOfficeId] },
              officeLine: [
                { officeId: plan.officeId, tier: 'REGIONAL' },
                { officeId: actingOfficeId, tier: 'PROVINCE' },
              ],
            },
          }
        : command;
    const decided = caseDecider.decide(resolved, state);
    events.push(...decided);
    state = decided.reduce(caseDecider.evolve, state);
  }
  return events;
}

/** The statistics the completion_stats classification makes of each office's cases. */
function talliesByOffice(scenario: Scenario, plans: readonly CasePlan[]): Map<string, Tallies> {
  const window = scenarioWindow(scenario);
  const byOffice = new Map<string, Tallies[]>();
  for (const plan of plans) {
    const view = statisticsViewOf(eventsOf(plan).reduce(caseDecider.evolve, caseDecider.initialState));
    if (view === null) throw new Error(`plan ${plan.officeId} received no case`);
    byOffice.set(plan.officeId, [...(byOffice.get(plan.officeId) ?? []), classifyCase(view, window)]);
  }
  return new Map([...byOffice].map(([officeId, tallies]) => [officeId, addAllTallies(tallies)]));
}

/**
 * What the scenario file says the tallies of an office are (the figures a scenario states; the rest it leaves open):
 * docs/scenarios.md "What comes out". Cases entrusted to it (`entrustedOut.to`) or taken up by it are opened there,
 * newly received and in progress.
 */
function expectedTally(scenario: Scenario, officeId: string, measure: 'count' | 'amount'): Partial<StatisticsTally> {
  const byId = new Map(scenario.offices.map((office) => [office.id, office]));
  const office = byId.get(officeId);
  if (!office) throw new Error(officeId);
  const of = (state: (typeof END_STATES)[number]) => BigInt(office.cases[state][measure]);
  const carried = END_STATES.reduce((total, state) => total + BigInt(office.cases[state].carriedOver[measure]), 0n);
  const all = END_STATES.reduce((total, state) => total + of(state), 0n);
  const opened = scenario.offices.reduce(
    (total, sender) =>
      total +
      (sender.cases.entrustedOut.to === officeId ? BigInt(sender.cases.entrustedOut[measure]) : 0n) +
      (provinceAbove(sender, byId)?.id === officeId ? BigInt(sender.cases.takenUp[measure]) : 0n),
    0n,
  );
  return {
    carriedOver: carried,
    newlyReceived: all - carried + opened,
    movedToSeparateRegister: of('movedToSeparateRegister') + of('sentBack'),
    entrustedOut: of('entrustedOut'),
    takenUp: of('takenUp'),
    inProgress: of('inProgress') + of('postponedByAgreement') + opened,
    postponedByAgreement: of('postponedByAgreement'),
    ...(office.cases.inProgress.collected && {
      collectedOnOpen: BigInt(office.cases.inProgress.collected[measure]),
    }),
    postponedOrSuspended: of('postponed') + of('suspended'),
    postponed: of('postponed'),
    suspended: of('suspended'),
    notEnforceable: of('notEnforceable'),
    fullyEnforced: of('fullyEnforced'),
    terminated: of('terminated'),
  };
}

describe('planScenario', () => {
  const plans = planScenario(traps);

  it('writes commands the case decider accepts, and the classification finds every figure of the file', () => {
    const tallies = talliesByOffice(traps, plans);
    for (const office of traps.offices) {
      expect(tallies.get(office.id)?.cases).toMatchObject(expectedTally(traps, office.id, 'count'));
      expect(tallies.get(office.id)?.money).toMatchObject(expectedTally(traps, office.id, 'amount'));
    }
  });

  it('states every bucket: agreement postponements, cases taken up, sent back, and entrusted to an office that opens them', () => {
    const tallies = talliesByOffice(acrossJuly2026, planScenario(acrossJuly2026));
    for (const office of acrossJuly2026.offices.filter((candidate) => tallies.has(candidate.id))) {
      expect(tallies.get(office.id)?.cases).toMatchObject(expectedTally(acrossJuly2026, office.id, 'count'));
      expect(tallies.get(office.id)?.money).toMatchObject(expectedTally(acrossJuly2026, office.id, 'amount'));
    }
  });

  it('dates every act inside its window, on working days, with coercion by day', () => {
    const window = scenarioWindow(traps);
    for (const plan of plans) {
      const dates = plan.commands.map(({ command }) => command.data.effectiveDate);
      expect([...dates].sort()).toEqual(dates);
      expect(dates[0] >= (plan.origin === 'received' ? window.yearStartsOn : window.historyStartsOn)).toBe(true);
      expect(dates.every((date) => date <= window.periodEndsOn && isWorkingDay(date))).toBe(true);
      for (const { command } of plan.commands) {
        if (command.type !== 'DecideCoercion') continue;
        const [day, time] = command.data.scheduledAt.split('T');
        expect(isWorkingDay(day)).toBe(true);
        expect(time >= '06:00' && time < '22:00').toBe(true);
      }
    }
  });

  it('numbers cases by office and receipt year, and decisions in one series per office and year', () => {
    expect(plans.map((plan) => plan.caseId)).toEqual([...new Set(plans.map((plan) => plan.caseId))]);
    expect(plans.every((plan) => /^BT(-CHAU-THANH)?-20\d\d-\d{5}$/.test(plan.caseId))).toBe(true);
    const decisionNumbers = plans.flatMap((plan) =>
      plan.commands.flatMap(({ command }) =>
        'decisionNumber' in command.data
          ? [`${plan.officeId} ${command.data.effectiveDate.slice(0, 4)} ${command.data.decisionNumber}`]
          : [],
      ),
    );
    expect(new Set(decisionNumbers).size).toBe(decisionNumbers.length);
  });

  it('is deterministic: the same seed gives the same plans, another seed other ones', () => {
    expect(planScenario(traps)).toEqual(plans);
    expect(planScenario({ ...traps, seed: 'another seed' })).not.toEqual(plans);
  });

  it('fits the cases of the longest paths into a one-month period', () => {
    const october = { ...traps, period: '2020-10' };
    const tallies = talliesByOffice(october, planScenario(october));
    for (const office of october.offices) {
      expect(tallies.get(office.id)?.cases).toMatchObject(expectedTally(october, office.id, 'count'));
      expect(tallies.get(office.id)?.money).toMatchObject(expectedTally(october, office.id, 'amount'));
    }
  });

  it('splits money with a heavy tail and exactly', () => {
    const large = {
      ...traps,
      offices: [
        {
          ...traps.offices[0],
          cases: {
            ...traps.offices[0].cases,
            inProgress: { count: 500, amount: 500_000_000_000n, carriedOver: { count: 0, amount: 0n } },
          },
        },
      ],
    };
    const amounts = planScenario(large)
      .filter((plan) => plan.endState === 'inProgress')
      .map((plan) => plan.commands[0].command)
      .map((command) =>
        command.type === 'ReceiveCase'
          ? command.data.obligations.reduce((total, item) => total + BigInt(item.amount), 0n)
          : 0n,
      )
      .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    expect(amounts.reduce((total, amount) => total + amount, 0n)).toBe(500_000_000_000n);
    // The largest 5% of cases hold well over a quarter of the money; the median case is far below the mean.
    const top = amounts.slice(0, 25).reduce((total, amount) => total + amount, 0n);
    expect(top * 4n > 500_000_000_000n).toBe(true);
    expect(amounts[250] * 2n < 1_000_000_000n).toBe(true);
  });
});
