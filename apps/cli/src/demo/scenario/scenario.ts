/**
 * A demo scenario (docs/scenarios.md): offices, a reporting period, targets, and per office how many cases end in
 * each state at the period end with their total VND. Never rates: every rate the demo prints is computed by the
 * completion_stats projection over the events the generated commands produce.
 */
import type { EnforcementMode, LocalDate, ReportingOfficeTier, ReportingPeriod } from '@thads/domain';

/**
 * Where a case stands at 24:00 on the period's last day. Each maps to one bucket of docs/statistics.md:
 * postponed (on a ground other than the parties' agreement) and suspended are hoãn / tạm đình chỉ; in progress is
 * enforceable and not completed; postponed by agreement (Art. 48(1)(c)) is in progress too and shown apart; taken up
 * by the provincial office (rút lên) and sent back to the creditor (Law 106/2025) leave phải thi hành.
 */
export const END_STATES = [
  'inProgress',
  'fullyEnforced',
  'terminated',
  'postponed',
  'suspended',
  'notEnforceable',
  'entrustedOut',
  'movedToSeparateRegister',
  'postponedByAgreement',
  'takenUp',
  'sentBack',
] as const;
export type EndState = (typeof END_STATES)[number];

/** Carried over: on the books at 24:00 on 30 September before the year. Received: decided inside the period. */
export type CaseOrigin = 'carriedOver' | 'received';

/** A number of cases and the VND their obligation items add up to (whole VND, exact). */
export interface CaseCount {
  readonly count: number;
  readonly amount: bigint;
}

/** The cases of one office in one end state; `carriedOver` is the part of them that came from before the year. */
export interface EndStateFigures extends CaseCount {
  readonly carriedOver: CaseCount;
  /**
   * Of these, the ex officio cases (chủ động) and their part carried over; the rest are on request (theo đơn). Absent:
   * each case's mode follows from its kind of obligation (state budget items are ex officio).
   */
  readonly exOfficio?: CaseCount & { readonly carriedOver: CaseCount };
  /**
   * inProgress only: how many of these cases were paid in part inside the year and the VND collected on them (thu
   * được trên việc chưa xong, not completed money). Absent: some in-progress cases are paid in part at random.
   */
  readonly collected?: CaseCount;
  /**
   * entrustedOut only: the office of the scenario the cases are entrusted to; it opens a case for each (newly
   * received, in progress at the period end). Without it they go to offices whose cases the scenario does not show.
   */
  readonly to?: string;
}

/** Completion-rate targets (chỉ tiêu) of the reporting year, percent strings with at most 2 decimals ("72.50"). */
export interface ScenarioTarget {
  readonly cases: string;
  readonly money: string;
}

export interface ScenarioOffice {
  readonly id: string;
  readonly name: string;
  readonly tier: ReportingOfficeTier;
  /** Absent for the one root office; otherwise an office listed before this one. */
  readonly parent?: string;
  /** The locality, for realistic addresses and court names ("quận Ngô Quyền, Hải Phòng"); defaults to the name. */
  readonly area: string;
  readonly target?: ScenarioTarget;
  /** Set up inside the year (the regional units of 1 July 2025): registered that day, receives cases from it, carries none over. */
  readonly registeredOn?: LocalDate;
  /** Every end state, 0 cases where the file leaves it out. */
  readonly cases: Readonly<Record<EndState, EndStateFigures>>;
}

/** A merger (docs/domain.md "Offices and succession"): from `effectiveDate` the successor holds the predecessors' cases. */
export interface ScenarioSuccession {
  readonly predecessors: readonly string[];
  readonly successor: string;
  readonly effectiveDate: LocalDate;
  readonly legalAct: { readonly number: string; readonly issuedOn: LocalDate; readonly issuedBy: string };
}

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  /** Seeds the generator: the same scenario and seed always give the same commands. Defaults to the name. */
  readonly seed: string;
  /** The year the period ends in: 2018 is 1 Oct 2017 – 30 Sep 2018. */
  readonly reportingYear: number;
  /** The cumulative month the report is for, `YYYY-MM` (2018-05: 1 Oct 2017 – 31 May 2018). */
  readonly period: ReportingPeriod;
  /** Offices in registration order: a parent before its children; exactly one root. */
  readonly offices: readonly ScenarioOffice[];
  /** Mergers inside the year, in order; none when the file has none. */
  readonly successions?: readonly ScenarioSuccession[];
}

/** The dates a scenario's cases live in. */
export interface ScenarioWindow {
  /** 1 October before the year: the first day a received case may be decided. */
  readonly yearStartsOn: LocalDate;
  /** 30 September before the year: a carried-over case is on the books at 24:00 that day. */
  readonly openingBalanceOn: LocalDate;
  /** 24:00 on this day is the period end: no act is dated later. */
  readonly periodEndsOn: LocalDate;
  /** The earliest day a carried-over case may have been received. */
  readonly historyStartsOn: LocalDate;
}

/** The part of an end state received inside the period: the total less what was carried over. */
export function receivedPart(figures: CaseCount & { readonly carriedOver: CaseCount }): CaseCount {
  return { count: figures.count - figures.carriedOver.count, amount: figures.amount - figures.carriedOver.amount };
}

/** The cases of one origin split by enforcement mode when the file states it; one group of any mode otherwise. */
export function modeGroups(
  figures: EndStateFigures,
  origin: CaseOrigin,
): readonly { readonly mode?: EnforcementMode; readonly cases: CaseCount }[] {
  const all = origin === 'carriedOver' ? figures.carriedOver : receivedPart(figures);
  if (figures.exOfficio === undefined) return [{ cases: all }];
  const exOfficio = origin === 'carriedOver' ? figures.exOfficio.carriedOver : receivedPart(figures.exOfficio);
  return [
    { mode: 'EX_OFFICIO', cases: exOfficio },
    { mode: 'ON_REQUEST', cases: { count: all.count - exOfficio.count, amount: all.amount - exOfficio.amount } },
  ];
}
