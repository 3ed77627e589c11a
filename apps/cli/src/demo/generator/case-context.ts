import type { EnforcementMode, LocalDate } from '@thads/domain';
import type { ScenarioWindow } from '../scenario/scenario';
import type { MoneyPath } from './script-money';
import type { SeededRandom } from './seeded-random';
import type { Tempo } from './case-script';

/** What writing one case needs: its office, amount, dates and this attempt's randomness and tempo. */
export interface CaseContext {
  readonly random: SeededRandom;
  readonly tempo: Tempo;
  readonly window: ScenarioWindow;
  readonly officeId: string;
  /** Locality for addresses and the court ("quận Ngô Quyền, thành phố Hải Phòng"). */
  readonly area: string;
  readonly officerId: string;
  /** What the case's obligation items add up to. */
  readonly amount: bigint;
  /** How a fully enforced case is paid; the planner falls back to a shorter path when a long one does not fit. */
  readonly moneyPath: MoneyPath;
  /** Offices the case may be entrusted to (never its own). */
  readonly entrustTargets: readonly string[];
  /** The provincial office above the case's office, which takes cases up (rút lên); absent when there is none. */
  readonly provinceId?: string;
  /** An in-progress case's collection inside the year, when the file states them (0: none); absent, at random. */
  readonly collect?: bigint;
  /** The enforcement mode the file states for the case; absent, it follows from the kind of obligation drawn. */
  readonly mode?: EnforcementMode;
  /** When the office receives cases itself, if not the whole year: from its registration, before its merger. */
  readonly receipts?: { readonly from?: LocalDate; readonly before?: LocalDate };
}

/** Days a path needs after its start, so a normal-tempo start leaves room for it before the period ends. */
export function reserveDaysFor(path: MoneyPath | 'other'): number {
  switch (path) {
    case 'auction':
      return 150;
    case 'garnishment':
      return 100;
    case 'accountDebit':
      return 50;
    case 'voluntary':
      return 20;
    default:
      return 30;
  }
}

/** The provincial office that takes a case up; the scenario validation made sure there is one. */
export function requireProvince(context: CaseContext): string {
  if (context.provinceId === undefined) throw new Error(`${context.officeId} has no provincial office above it`);
  return context.provinceId;
}
