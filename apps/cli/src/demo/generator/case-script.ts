/**
 * The script of one generated case while it is being written: the commands so far and what the generator must know
 * to write the next one legally (status, dates, money per item). Dates only move forward, fall on Vietnamese working
 * days (the domain calendar) and never pass the current phase's limit; when an act cannot fit, DoesNotFit is thrown
 * and the planner tries again with an earlier start or a shorter path.
 */
import {
  addCalendarDays,
  addWorkingDays,
  daysBetween,
  isWorkingDay,
  type OrdinaryCaseCommand,
  type LocalDate,
} from '@thads/domain';
import type { SeededRandom } from './seeded-random';

/** Who sends a command: the enforcement officer (CHV) or the head of the office (Thủ trưởng). */
export type ActorRole = 'officer' | 'head';

export interface PlannedCommand {
  readonly command: OrdinaryCaseCommand;
  readonly role: ActorRole;
  /** The office the actor acts for when it is not the case's own: the provincial head taking a case up. */
  readonly actingOfficeId?: string;
}

/** The case's status as the decider will see it (a subset of CaseStatus: the generator never writes the others). */
export type ScriptStatus =
  'decided' | 'enforceable' | 'not_enforceable' | 'postponed' | 'suspended' | 'separately_tracked' | 'closed';

/** Money of one obligation item, tracked so collections and payouts never exceed what the decider allows. */
export interface ItemLedger {
  readonly itemId: string;
  readonly amount: bigint;
  collected: bigint;
  disbursed: bigint;
  /** Paid to the state budget (no payee) rather than to the creditor. */
  readonly toStateBudget: boolean;
}

/** Normal tempo draws realistic gaps; hurried takes the shortest legal ones, for a retry that must fit. */
export type Tempo = 'normal' | 'hurried';

export interface CaseScript {
  readonly random: SeededRandom;
  readonly tempo: Tempo;
  readonly commands: PlannedCommand[];
  /** Date of the latest act: the next one may not be earlier (EFFECTIVE_DATE_BEFORE_PREVIOUS_ACT). */
  date: LocalDate;
  /** The next act is not earlier than this either: the start of the current phase. */
  floor: LocalDate;
  /** No act after this date in the current phase: the opening balance date, or the period end. */
  limit: LocalDate;
  status: ScriptStatus;
  /** The status a postponement or suspension returns to on resumption: decided, or enforceable once verified. */
  pausedFrom?: ScriptStatus;
  items: ItemLedger[];
  creditorPartyId?: string;
  voluntaryPeriodEndsOn?: LocalDate;
  verificationDueOn?: LocalDate;
  notEnforceableDecidedOn?: LocalDate;
  reverificationDueOn?: LocalDate;
  longTermReverification: boolean;
  negativeReverifications: number;
  /** Numbers the next collection, payout, asset and security measure ids of the case. */
  nextIds: { collection: number; disbursement: number; asset: number; measure: number };
}

/** An act does not fit before the phase's limit; the planner retries with more room. */
export class DoesNotFit extends Error {
  override readonly name = 'DoesNotFit';
}

/** An empty script whose first act may fall in [floor, limit]. */
export function startScript(random: SeededRandom, tempo: Tempo, floor: LocalDate, limit: LocalDate): CaseScript {
  return {
    random,
    tempo,
    commands: [],
    date: floor,
    floor,
    limit,
    status: 'decided',
    items: [],
    longTermReverification: false,
    negativeReverifications: 0,
    nextIds: { collection: 1, disbursement: 1, asset: 1, measure: 1 },
  };
}

/** Starts a phase: acts from `floor` (or the latest act, if later) up to `limit`. */
export function enterPhase(script: CaseScript, floor: LocalDate, limit: LocalDate): void {
  script.floor = floor > script.date ? floor : script.date;
  script.limit = limit;
}

/** Appends a command dated `command.data.effectiveDate` and moves the script's date to it. */
export function record(
  script: CaseScript,
  role: ActorRole,
  command: OrdinaryCaseCommand,
  actingOfficeId?: string,
): void {
  script.commands.push({ command, role, ...(actingOfficeId !== undefined && { actingOfficeId }) });
  script.date = command.data.effectiveDate;
}

/**
 * A working day from `minDays` to `maxDays` calendar days after the latest act (and after `after`, if given),
 * within the phase. Hurried scripts take the earliest. Throws DoesNotFit when no working day is left.
 */
export function laterDay(script: CaseScript, minDays: number, maxDays: number, after?: LocalDate): LocalDate {
  let earliest = addCalendarDays(script.date, minDays);
  if (earliest < script.floor) earliest = script.floor;
  if (after !== undefined && earliest <= after) earliest = addCalendarDays(after, 1);
  const gap = script.tempo === 'hurried' ? 0 : script.random.integer(0, Math.max(0, maxDays - minDays));
  return workingDayNear(addCalendarDays(earliest, gap), earliest, script.limit);
}

/** A working day `minWorkingDays`–`maxWorkingDays` working days after the latest act: for limits counted in WD. */
export function laterWorkingDay(script: CaseScript, minWorkingDays: number, maxWorkingDays: number): LocalDate {
  const count = script.tempo === 'hurried' ? minWorkingDays : script.random.integer(minWorkingDays, maxWorkingDays);
  const from = script.date < script.floor ? script.floor : script.date;
  const wanted = count === 0 && isWorkingDay(from) ? from : addWorkingDays(from, Math.max(count, 1));
  return workingDayNear(wanted, from, script.limit);
}

/** A working day in [from, to], uniformly; DoesNotFit when there is none. */
export function workingDayBetween(random: SeededRandom, from: LocalDate, to: LocalDate): LocalDate {
  if (from > to) throw new DoesNotFit(`no day between ${from} and ${to}`);
  return workingDayNear(addCalendarDays(from, random.integer(0, daysBetween(from, to))), from, to);
}

/** `wanted` if it is a working day, else the next one, else the previous one, staying inside [earliest, limit]. */
function workingDayNear(wanted: LocalDate, earliest: LocalDate, limit: LocalDate): LocalDate {
  let day = wanted > limit ? limit : wanted;
  while (day <= limit && !isWorkingDay(day)) day = addCalendarDays(day, 1);
  if (day <= limit && day >= earliest) return day;
  day = wanted > limit ? limit : wanted;
  while (day >= earliest && !isWorkingDay(day)) day = addCalendarDays(day, -1);
  if (day >= earliest && day <= limit) return day;
  throw new DoesNotFit(`no working day between ${earliest} and ${limit}`);
}

/** The items still owed in part, in case order. */
export function owedItems(script: CaseScript): ItemLedger[] {
  return script.items.filter((item) => item.collected < item.amount);
}

/** What is owed on the case in total. */
export function outstandingTotal(script: CaseScript): bigint {
  return script.items.reduce((total, item) => total + item.amount - item.collected, 0n);
}
