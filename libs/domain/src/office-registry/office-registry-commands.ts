import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

/**
 * Commands on the office registry: one stream for the whole country (`officeregistry-national`) holding how offices
 * succeed one another (docs/domain.md "Offices and succession"). An office is still registered on its own reporting
 * stream (RegisterOffice); the registry records what happens to offices afterwards: mergers, splits and renames, each
 * with the date it takes effect and the legal act that ordered it. One stream, so a merger of several offices is one
 * atomic fact and the registry can refuse a second succession of the same office.
 */

/** The legal act that orders a change of the structure (e.g. the Ministry's decision of June 2025). */
export interface LegalAct {
  /** Its number and symbol, e.g. "1898/QĐ-BTP". */
  readonly number: string;
  /** The date it was signed; it takes effect on the command's effectiveDate, never before it was signed. */
  readonly issuedOn: LocalDate;
  /** Who issued it, e.g. "Bộ Tư pháp". */
  readonly issuedBy: string;
}

/**
 * What the command path resolves for the decider (never sent by a client): the date each office named by the command
 * was registered on its reporting stream, absent for an office that is not registered.
 */
export type RegisteredOffices = Readonly<Record<string, LocalDate>>;

/**
 * Offices merge into a successor (sáp nhập, hợp nhất): from `effectiveDate` the successor acts on the predecessors'
 * open cases and reports them as its own. The successor is an office already registered: a new one (a regional unit,
 * a merged province), or one of the merging offices that carries on (then it is not listed as a predecessor).
 */
export type MergeOffices = Message<
  'MergeOffices',
  {
    readonly predecessorOfficeIds: readonly string[];
    readonly successorOfficeId: string;
    readonly effectiveDate: LocalDate;
    readonly legalAct: LegalAct;
    readonly registeredOffices?: RegisteredOffices;
  }
>;

/**
 * An office is split between several successors (chia tách). Its open cases pass, whole, to `openCasesPassTo`, one of
 * the successors; a case that belongs elsewhere is then entrusted like any other (docs/decisions.md).
 */
export type SplitOffice = Message<
  'SplitOffice',
  {
    readonly officeId: string;
    readonly successorOfficeIds: readonly string[];
    readonly openCasesPassTo: string;
    readonly effectiveDate: LocalDate;
    readonly legalAct: LegalAct;
    readonly registeredOffices?: RegisteredOffices;
  }
>;

/** An office takes a new name from `effectiveDate`; its id, cases and place in the hierarchy stay. */
export type RenameOffice = Message<
  'RenameOffice',
  {
    readonly officeId: string;
    readonly name: string;
    readonly effectiveDate: LocalDate;
    readonly legalAct: LegalAct;
    readonly registeredOffices?: RegisteredOffices;
  }
>;

export type OfficeRegistryCommand = MergeOffices | SplitOffice | RenameOffice;

/** Every office a registry command names: the command path looks up each one's registration. */
export function officesNamedBy(command: OfficeRegistryCommand): readonly string[] {
  switch (command.type) {
    case 'MergeOffices':
      return [...(command.data.predecessorOfficeIds ?? []), command.data.successorOfficeId];
    case 'SplitOffice':
      return [command.data.officeId, ...(command.data.successorOfficeIds ?? [])];
    case 'RenameOffice':
      return [command.data.officeId];
  }
}
