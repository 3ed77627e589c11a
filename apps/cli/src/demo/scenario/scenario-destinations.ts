/**
 * Where the cases that leave an office go (docs/scenarios.md): an entrustment to an office of the scenario, a taking
 * up by the province above, a request sent back only under Law 106/2025.
 */
import { LAW_106_2025_EFFECTIVE, periodEndsOn } from '@thads/domain';
import type { Problems } from './json-fields';
import type { ScenarioOffice } from './scenario';

/** Tiers a case can be taken up from: a provincial office (or above) has no provincial office over it to take it. */
const TAKEN_UP_FROM = new Set(['DISTRICT', 'REGIONAL']);

/**
 * Where cases leave to must exist: an entrustment's `to` names another office of the scenario, and a case taken up
 * needs a provincial office above its own (Law 2008 Art. 35(2)), which opens the case.
 */
export function checkWhereCasesGo(offices: readonly ScenarioOffice[], problems: Problems): void {
  const byId = new Map(offices.map((office) => [office.id, office]));
  offices.forEach((office, index) => {
    const to = office.cases.entrustedOut.to;
    if (to !== undefined && (to === office.id || !byId.has(to)))
      problems.add(`offices[${index}].cases.entrustedOut.to`, `must name another office of the scenario, got "${to}"`);
    if (office.cases.takenUp.count > 0 && provinceAbove(office, byId) === undefined)
      problems.add(
        `offices[${index}].cases.takenUp`,
        'needs a DISTRICT or REGIONAL office with a PROVINCE office above it in the scenario: the province takes the case up',
      );
  });
}

/** The nearest PROVINCE office above a district or regional office, if the scenario has one. */
export function provinceAbove(
  office: ScenarioOffice,
  byId: ReadonlyMap<string, ScenarioOffice>,
): ScenarioOffice | undefined {
  if (!TAKEN_UP_FROM.has(office.tier)) return undefined;
  for (let next = office.parent; next !== undefined; next = byId.get(next)?.parent) {
    const superior = byId.get(next);
    if (superior?.tier === 'PROVINCE') return superior;
  }
  return undefined;
}

/** A request is sent back only under Law 106/2025 (acts from 1 July 2026): the period must reach that date. */
export function checkLaw106States(offices: readonly ScenarioOffice[], period: string, problems: Problems): void {
  if (periodEndsOn(period) >= LAW_106_2025_EFFECTIVE) return;
  offices.forEach((office, index) => {
    if (office.cases.sentBack.count > 0)
      problems.add(
        `offices[${index}].cases.sentBack`,
        'needs a period ending on or after 2026-07-01: a request is sent back only under Law 106/2025',
      );
  });
}
