import type { LocalDate } from '../shared/local-date';
import type { OfficeNameChange, OfficeSuccession } from './office-registry-state';

/**
 * Pure views of office succession (docs/domain.md "Offices and succession"). A case keeps the office that received
 * it on every event; which office acts on it, and which office reports it, on a date follows the successions in force
 * by then. The API's authorization and the completion report both read these, never their own rule.
 */

/** The succession that took `officeId`'s cases away, if any (an office is succeeded once). */
export function successionOf(successions: readonly OfficeSuccession[], officeId: string): OfficeSuccession | undefined {
  return successions.find((succession) => succession.predecessorOfficeId === officeId);
}

/**
 * The successions that carried `officeId`'s cases on, in order, as far as they are in force on `date` (every one when
 * `date` is omitted). The registry refuses cycles; the bound only guards against a corrupted history.
 */
export function successionChainOf(
  successions: readonly OfficeSuccession[],
  officeId: string,
  date?: LocalDate,
): readonly OfficeSuccession[] {
  const chain: OfficeSuccession[] = [];
  let current = officeId;
  while (chain.length <= successions.length) {
    const next = successionOf(successions, current);
    if (next === undefined || (date !== undefined && next.effectiveDate > date)) break;
    chain.push(next);
    current = next.successorOfficeId;
  }
  return chain;
}

/**
 * The office that holds `officeId`'s cases on `date`: itself until its succession takes effect, then its successor
 * (and that one's successor, …). The completion report counts a case under this office for the structure of `date`.
 */
export function holderOn(successions: readonly OfficeSuccession[], officeId: string, date: LocalDate): string {
  const chain = successionChainOf(successions, officeId, date);
  return chain.length === 0 ? officeId : chain[chain.length - 1].successorOfficeId;
}

/** Who may act on a case of an office for an act dated on a date, and who no longer may. */
export interface OfficesActingOnCase {
  /**
   * The office holding the case on the act's date, then every later holder: a successor that now keeps the file may
   * record a fact dated before it took over (a late entry), the predecessor's staff may not act after the date.
   */
  readonly acting: readonly string[];
  /** The successions in force on the act's date: their predecessors no longer act on the case. */
  readonly passedOn: readonly OfficeSuccession[];
}

/** Authorization follows succession: the offices that act on a case of `caseOfficeId` for an act dated `date`. */
export function officesActingOnCase(
  successions: readonly OfficeSuccession[],
  caseOfficeId: string,
  date: LocalDate,
): OfficesActingOnCase {
  const passedOn = successionChainOf(successions, caseOfficeId, date);
  const later = successionChainOf(successions, caseOfficeId).slice(passedOn.length);
  const holder = passedOn.length === 0 ? caseOfficeId : passedOn[passedOn.length - 1].successorOfficeId;
  return { acting: [holder, ...later.map((succession) => succession.successorOfficeId)], passedOn };
}

/** The offices whose cases `officeId` holds on `date` (itself included): its predecessors, direct or not. */
export function officesHeldBy(
  successions: readonly OfficeSuccession[],
  officeId: string,
  date: LocalDate,
): readonly string[] {
  const held = [officeId];
  for (const succession of successions)
    if (
      succession.predecessorOfficeId !== officeId &&
      holderOn(successions, succession.predecessorOfficeId, date) === officeId
    )
      held.push(succession.predecessorOfficeId);
  return held;
}

/** The name in force on `date`: the latest rename by then, else the name it was registered with. */
export function officeNameOn(
  renames: readonly OfficeNameChange[],
  officeId: string,
  registeredName: string,
  date: LocalDate,
): string {
  let name = registeredName;
  let since = '';
  for (const rename of renames)
    if (rename.officeId === officeId && rename.effectiveDate <= date && rename.effectiveDate >= since) {
      name = rename.name;
      since = rename.effectiveDate;
    }
  return name;
}
