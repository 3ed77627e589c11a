/**
 * Assembling report rows from per-office tallies: pure. A roll-up is the sum of the offices under it; each case
 * belongs to exactly one office (the one on its events), so no case is counted twice. Intra-roll-up entrustments
 * show in both entrusted out (at the sender) and newly received (at the receiver); phải thi hành counts them once.
 */
import { previousPeriod, reportingYearOf, type ReportingOfficeTier, type ReportingPeriod } from '@thads/domain';
import { addAllTallies, type Tallies } from './classification';
import type { CompletionReportRow, ReportAdjustments, ReportTarget } from './completion-report.types';
import type { Target } from './office-tallies';
import { completionFigures, formatBasisPoints, gapToTarget, type StatisticsRegime } from './statistics';

/** An office as the report sees it. */
export interface ReportOffice {
  readonly officeId: string;
  readonly name: string | null;
  readonly tier: ReportingOfficeTier | null;
  /** Null for a top-level office. */
  readonly parentOfficeId: string | null;
  readonly childIds: readonly string[];
}

/** One office's own figures for the period, live or frozen. */
export interface OfficePeriod {
  readonly tallies: Tallies;
  /** Corrections to the previous closed period, or null when it was not closed. */
  readonly adjustments: Tallies | null;
  /** The position of the office's PeriodClosed, or null while the period is open. */
  readonly closedAt: bigint | null;
  readonly target: Target | null;
}

/** What rows are built from. */
export interface RowContext {
  readonly period: ReportingPeriod;
  readonly regime: StatisticsRegime;
  readonly offices: ReadonlyMap<string, ReportOffice>;
  readonly figures: ReadonlyMap<string, OfficePeriod>;
  /** Targets of every office for the year as known (not only the scope's), for a branch inheriting its superior's. */
  readonly targets?: ReadonlyMap<string, Target>;
}

/** The office and every office under it. */
export function subtreeOf(offices: ReadonlyMap<string, ReportOffice>, officeId: string): string[] {
  const ids = new Set<string>();
  const visit = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const child of offices.get(id)?.childIds ?? []) visit(child);
  };
  visit(officeId);
  return [...ids];
}

/** A row summing `officeIds`, labelled as `office` (null: the country), with that office's target. */
export function reportRow(
  context: RowContext,
  office: ReportOffice | null,
  scope: CompletionReportRow['scope'],
  officeIds: readonly string[],
): CompletionReportRow {
  const members = officeIds
    .map((id) => context.figures.get(id))
    .filter((member): member is OfficePeriod => member !== undefined);
  const tallies = addAllTallies(members.map((member) => member.tallies));
  const cases = completionFigures(tallies.cases, context.regime);
  const money = completionFigures(tallies.money, context.regime);
  const own = office ? (context.figures.get(office.officeId)?.target ?? null) : null;
  const inherited = office && own === null ? inheritedTarget(context, office) : null;
  const target = own ?? inherited?.target ?? null;
  return {
    officeId: office?.officeId ?? null,
    name: office?.name ?? null,
    tier: office?.tier ?? null,
    scope,
    closed: members.length === officeIds.length && members.every((member) => member.closedAt !== null),
    cases,
    money,
    target: target && Object.assign({}, targetOf(target), { inheritedFrom: inherited?.from ?? null }),
    gap: target && {
      cases: gapToTarget(cases.completed, cases.enforceable, target.casesBasisPoints),
      money: gapToTarget(money.completed, money.enforceable, target.moneyBasisPoints),
    },
    adjustments: adjustmentsOf(context, members),
  };
}

/**
 * [I] A branch without a target of its own for the year measures its gap against its nearest superior's target (the
 * provincial target is assigned to the whole province), shown with `inheritedFrom` naming that office.
 */
function inheritedTarget(
  context: RowContext,
  office: ReportOffice,
): { readonly target: Target; readonly from: string } | null {
  const seen = new Set<string>([office.officeId]);
  let parentId = office.parentOfficeId;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const target = context.targets?.get(parentId);
    if (target !== undefined) return { target, from: parentId };
    parentId = context.offices.get(parentId)?.parentOfficeId ?? null;
  }
  return null;
}

function targetOf(target: Target): Omit<ReportTarget, 'inheritedFrom'> {
  return { cases: formatBasisPoints(target.casesBasisPoints), money: formatBasisPoints(target.moneyBasisPoints) };
}

function adjustmentsOf(context: RowContext, members: readonly OfficePeriod[]): ReportAdjustments | null {
  const adjusted = members.flatMap((member) => (member.adjustments ? [member.adjustments] : []));
  if (adjusted.length === 0) return null;
  const sum = addAllTallies(adjusted);
  const appliesToPeriod = previousPeriod(context.period);
  return {
    appliesToPeriod,
    // Across 30 September a correction changes what the new year carried over (docs/domain.md).
    landsIn: reportingYearOf(appliesToPeriod) === reportingYearOf(context.period) ? 'SAME_YEAR' : 'OPENING_BALANCE',
    cases: completionFigures(sum.cases, context.regime, { rates: false }),
    money: completionFigures(sum.money, context.regime, { rates: false }),
  };
}
