import type { Message } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { RuleSet } from '../shared/rule-set';
import type { LegalAct } from './office-registry-commands';

/**
 * Events of the office registry (stream `officeregistry-national`). Each `type` and data shape is a stored contract:
 * never renamed or reshaped in place.
 */

interface OfficeRegistryEventBase {
  /** The first day the change is in force (the successor acts from this day). */
  readonly effectiveDate: LocalDate;
  readonly ruleSet: RuleSet;
  readonly legalAct: LegalAct;
}

export type OfficesMerged = Message<
  'OfficesMerged',
  OfficeRegistryEventBase & {
    readonly predecessorOfficeIds: readonly string[];
    readonly successorOfficeId: string;
  }
>;

export type OfficeSplit = Message<
  'OfficeSplit',
  OfficeRegistryEventBase & {
    readonly officeId: string;
    readonly successorOfficeIds: readonly string[];
    readonly openCasesPassTo: string;
  }
>;

export type OfficeRenamed = Message<
  'OfficeRenamed',
  OfficeRegistryEventBase & {
    readonly officeId: string;
    readonly name: string;
  }
>;

export type OfficeRegistryEvent = OfficesMerged | OfficeSplit | OfficeRenamed;

export const OFFICE_REGISTRY_EVENT_TYPES = [
  'OfficesMerged',
  'OfficeSplit',
  'OfficeRenamed',
] as const satisfies readonly OfficeRegistryEvent['type'][];
