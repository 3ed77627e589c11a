import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { LegalAct } from './office-registry-commands';
import type { OfficeRegistryEvent } from './office-registry-events';

/**
 * One office passing its open cases to another from a date: a merger (each predecessor to the successor) or a split
 * (the split office to the successor its open cases pass to).
 */
export interface OfficeSuccession {
  readonly predecessorOfficeId: string;
  readonly successorOfficeId: string;
  /** The first day the successor acts on the predecessor's cases. */
  readonly effectiveDate: LocalDate;
  readonly kind: 'MERGER' | 'SPLIT';
  readonly legalAct: LegalAct;
}

/** A name an office takes from a date. */
export interface OfficeNameChange {
  readonly officeId: string;
  readonly name: string;
  readonly effectiveDate: LocalDate;
  readonly legalAct: LegalAct;
}

/** The registry: every succession and rename, in stream order. */
export interface OfficeRegistryState {
  readonly successions: readonly OfficeSuccession[];
  readonly renames: readonly OfficeNameChange[];
}

export const initialOfficeRegistryState: OfficeRegistryState = { successions: [], renames: [] };

/** Folds one registry event. Events are facts: evolve never validates. */
export function evolveOfficeRegistry(state: OfficeRegistryState, event: OfficeRegistryEvent): OfficeRegistryState {
  const { effectiveDate, legalAct } = event.data;
  switch (event.type) {
    case 'OfficesMerged':
      return {
        ...state,
        successions: [
          ...state.successions,
          ...event.data.predecessorOfficeIds.map((predecessorOfficeId) => ({
            predecessorOfficeId,
            successorOfficeId: event.data.successorOfficeId,
            effectiveDate,
            kind: 'MERGER' as const,
            legalAct,
          })),
        ],
      };
    case 'OfficeSplit':
      return {
        ...state,
        successions: [
          ...state.successions,
          {
            predecessorOfficeId: event.data.officeId,
            successorOfficeId: event.data.openCasesPassTo,
            effectiveDate,
            kind: 'SPLIT',
            legalAct,
          },
        ],
      };
    case 'OfficeRenamed':
      return {
        ...state,
        renames: [...state.renames, { officeId: event.data.officeId, name: event.data.name, effectiveDate, legalAct }],
      };
    default:
      return assertNever(event, 'office registry event');
  }
}
