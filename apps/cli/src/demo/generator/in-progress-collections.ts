/**
 * What each in-progress case collects inside the year when the scenario states it (`inProgress.collected`): the
 * largest cases collect, the stated VND apportioned over them by their amounts (largest remainder, exact to the đồng),
 * each part at least 1 VND and less than what the case owes.
 */
import { modeGroups, type ScenarioOffice } from '../scenario/scenario';
import { splitHeavyTailed } from './heavy-tailed-split';
import type { SeededRandom } from './seeded-random';

/** The key of an in-progress case as the planner names it: `<office>/inProgress/<origin>[/<mode>]/<index>`. */
export function caseKey(groupKey: string, index: number): string {
  return `${groupKey}/${index}`;
}

/** The group key of an office, end state, origin and (stated) mode: the planner's random stream names. */
export function groupKey(officeId: string, endState: string, origin: string, mode?: string): string {
  return `${officeId}/${endState}/${origin}${mode === undefined ? '' : `/${mode}`}`;
}

/** Collection per in-progress case key (0 for a case that collects nothing); undefined when the file states none. */
export function inProgressCollections(
  office: ScenarioOffice,
  random: SeededRandom,
): ReadonlyMap<string, bigint> | undefined {
  const stated = office.cases.inProgress.collected;
  if (stated === undefined) return undefined;
  const cases: { key: string; amount: bigint }[] = [];
  for (const origin of ['carriedOver', 'received'] as const)
    for (const { mode, cases: figures } of modeGroups(office.cases.inProgress, origin)) {
      const key = groupKey(office.id, 'inProgress', origin, mode);
      // The same named stream the planner splits with, so these are the amounts of the cases it writes.
      splitHeavyTailed(figures.amount, figures.count, random.fork(`${key}/amounts`)).forEach((amount, index) =>
        cases.push({ key: caseKey(key, index), amount }),
      );
    }
  const collecting = [...cases].sort((a, b) => (b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0));
  const chosen = collecting.slice(0, stated.count);
  const base = chosen.reduce((total, entry) => total + entry.amount, 0n);
  const parts = new Map(cases.map((entry) => [entry.key, 0n]));
  if (chosen.length === 0) return parts;
  // Largest remainder: floor shares first, then one đồng each to the largest remainders.
  const shares = chosen.map((entry) => {
    const exact = stated.amount * entry.amount;
    return { key: entry.key, amount: entry.amount, part: exact / base, remainder: exact % base };
  });
  let left = stated.amount - shares.reduce((total, share) => total + share.part, 0n);
  for (const share of [...shares].sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : 0,
  )) {
    if (left === 0n) break;
    share.part += 1n;
    left -= 1n;
  }
  for (const share of shares) {
    if (share.part < 1n || share.part >= share.amount)
      throw new Error(
        `${office.id}: inProgress.collected cannot be split over its ${stated.count} largest cases (one would collect ${share.part} of ${share.amount} VND)`,
      );
    parts.set(share.key, share.part);
  }
  return parts;
}
