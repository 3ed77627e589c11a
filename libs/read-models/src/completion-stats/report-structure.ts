/**
 * The office tree a completion report is laid out in: the registered offices as the structure stood on a date
 * (docs/domain.md "Offices and succession"). An office whose cases passed to a successor by then is not a row of its
 * own: its cases count under the office holding them (the domain's holderOn), its children hang under that office,
 * and the names are those in force on the date. Pure.
 */
import { holderOn, officeNameOn, type LocalDate, type OfficeSuccession } from '@thads/domain';
import type { ReportOffice } from './completion-report.rows';
import type { KnownStructure } from './office-structure';

export interface ReportStructure {
  /** The date whose structure the report follows. */
  readonly on: LocalDate;
  /** The offices that are rows, with their parents and children in that structure. */
  readonly offices: ReadonlyMap<string, ReportOffice>;
  /** Each row office and the offices whose cases it holds on the date: itself first, then its predecessors. */
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** The successions in force on the date, which the report applied. */
  readonly applied: readonly OfficeSuccession[];
}

/** Lays `registered` (offices by id, as registered) out in the structure of `on`. */
export function reportStructureOn(
  registered: ReadonlyMap<string, ReportOffice>,
  known: KnownStructure,
  on: LocalDate,
): ReportStructure {
  const { successions, renames } = known;
  const members = new Map<string, string[]>();
  const rows = new Map<string, ReportOffice>();
  for (const office of registered.values()) {
    const holder = holderOn(successions, office.officeId, on);
    members.set(holder, [...(members.get(holder) ?? []), office.officeId]);
    if (holder !== office.officeId) continue;
    const parent = office.parentOfficeId === null ? null : holderOn(successions, office.parentOfficeId, on);
    rows.set(office.officeId, {
      ...office,
      name: office.name === null ? null : officeNameOn(renames, office.officeId, office.name, on),
      parentOfficeId: parent === office.officeId ? null : parent,
      childIds: [],
    });
  }
  // A successor with cases but no registration known (impossible through the registry's rules) still gets a row.
  for (const holder of members.keys())
    if (!rows.has(holder))
      rows.set(holder, { officeId: holder, name: null, tier: null, parentOfficeId: null, childIds: [] });
  const offices = new Map<string, ReportOffice>();
  for (const office of rows.values()) {
    const childIds = [...rows.values()]
      .filter((child) => child.parentOfficeId === office.officeId)
      .map((child) => child.officeId);
    offices.set(office.officeId, { ...office, childIds });
  }
  const ordered = new Map<string, readonly string[]>();
  for (const [holder, held] of members)
    ordered.set(holder, [holder, ...held.filter((officeId) => officeId !== holder)]);
  return {
    on,
    offices,
    members: ordered,
    applied: successions.filter((succession) => succession.effectiveDate <= on),
  };
}
