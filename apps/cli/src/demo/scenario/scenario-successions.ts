/**
 * Offices set up inside the year and mergers between offices (docs/scenarios.md): read and checked strictly, like the
 * rest of a scenario, so a succession the office registry would refuse never reaches the demo's commands.
 */
import { isLocalDate, type LocalDate } from '@thads/domain';
import { readArray, readObject, readText, type Problems } from './json-fields';
import { END_STATES, type ScenarioOffice, type ScenarioSuccession, type ScenarioWindow } from './scenario';

const SUCCESSION_FIELDS = ['predecessors', 'successor', 'effectiveDate', 'legalAct'];

/** A date inside the year's window, or a problem naming `path`. */
export function readDateInYear(
  value: unknown,
  path: string,
  window: Pick<ScenarioWindow, 'yearStartsOn' | 'periodEndsOn'>,
  problems: Problems,
): LocalDate | undefined {
  if (!isLocalDate(value) || value < window.yearStartsOn || value > window.periodEndsOn) {
    problems.add(path, `must be a date YYYY-MM-DD from ${window.yearStartsOn} to ${window.periodEndsOn}`);
    return undefined;
  }
  return value;
}

/** An office registered inside the year had no cases on the books when it opened. */
export function checkRegisteredInYear(offices: readonly ScenarioOffice[], yearStartsOn: LocalDate, problems: Problems) {
  offices.forEach((office, index) => {
    if (office.registeredOn === undefined || office.registeredOn <= yearStartsOn) return;
    for (const state of END_STATES)
      if (office.cases[state].carriedOver.count > 0)
        problems.add(
          `offices[${index}].cases.${state}.carriedOver`,
          `must be 0: the office is registered on ${office.registeredOn}, inside the year`,
        );
  });
}

/** Mergers: existing offices, each succeeded once, the successor registered by the date and not among its predecessors. */
export function readSuccessions(
  value: unknown,
  offices: readonly ScenarioOffice[],
  window: Pick<ScenarioWindow, 'yearStartsOn' | 'periodEndsOn'>,
  problems: Problems,
): ScenarioSuccession[] {
  if (value === undefined) return [];
  const byId = new Map(offices.map((office) => [office.id, office]));
  const succeeded = new Set<string>();
  const successions: ScenarioSuccession[] = [];
  readArray(value, 'successions', problems).forEach((entry, index) => {
    const path = `successions[${index}]`;
    const json = readObject(entry, path, SUCCESSION_FIELDS, problems);
    if (!json) return;
    const predecessors = readArray(json.predecessors, `${path}.predecessors`, problems, 1).map((id, at) =>
      readText(id, `${path}.predecessors[${at}]`, problems),
    );
    const successor = readText(json.successor, `${path}.successor`, problems);
    const effectiveDate = readDateInYear(json.effectiveDate, `${path}.effectiveDate`, window, problems);
    const act = readObject(json.legalAct, `${path}.legalAct`, ['number', 'issuedOn', 'issuedBy'], problems);
    const number = act && readText(act.number, `${path}.legalAct.number`, problems);
    const issuedBy = act && readText(act.issuedBy, `${path}.legalAct.issuedBy`, problems);
    const issuedOn = act && isLocalDate(act.issuedOn) ? act.issuedOn : undefined;
    if (act && (issuedOn === undefined || (effectiveDate !== undefined && issuedOn > effectiveDate)))
      problems.add(`${path}.legalAct.issuedOn`, 'must be a date YYYY-MM-DD on or before the effective date');
    for (const id of [...predecessors, successor])
      if (id !== undefined && !byId.has(id)) problems.add(path, `names ${id}, which is not an office of the scenario`);
    for (const id of predecessors) {
      if (id === undefined) continue;
      if (id === successor) problems.add(path, `${id} cannot succeed itself`);
      if (succeeded.has(id)) problems.add(path, `${id} is succeeded twice`);
      succeeded.add(id);
    }
    const registeredOn = successor === undefined ? undefined : byId.get(successor)?.registeredOn;
    if (registeredOn !== undefined && effectiveDate !== undefined && registeredOn > effectiveDate)
      problems.add(`${path}.successor`, `is registered on ${registeredOn}, after the merger`);
    if (predecessors.every((id) => id !== undefined) && successor && effectiveDate && number && issuedBy && issuedOn)
      successions.push({
        predecessors: predecessors as string[],
        successor,
        effectiveDate,
        legalAct: { number, issuedOn, issuedBy },
      });
  });
  return successions;
}

/** The office holding `officeId`'s cases on `date`: itself, or its successor (followed along a chain). */
export function holderOn(successions: readonly ScenarioSuccession[], officeId: string, date: LocalDate): string {
  let holder = officeId;
  for (let step = 0; step < successions.length; step += 1) {
    const next = successions.find((s) => s.effectiveDate <= date && s.predecessors.includes(holder));
    if (next === undefined) return holder;
    holder = next.successor;
  }
  return holder;
}

/** The last day `officeId` receives cases itself: the day before its merger, if it has one. */
export function lastReceiptDay(successions: readonly ScenarioSuccession[], officeId: string): LocalDate | undefined {
  return successions.find((succession) => succession.predecessors.includes(officeId))?.effectiveDate;
}
