/**
 * The completion report: per office and period, every figure by cases and by money, rates, targets
 * and gaps, for the office's own cases, each child with everything under it, and the roll-up; or for the country.
 * A period an office has closed is read from its frozen tallies; an open one is summed from the report counters.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  DomainError,
  isLocalDate,
  isReportingPeriod,
  periodEndsOn,
  previousPeriod,
  reportingYearOf,
  reportingYearStartsOn,
  type LocalDate,
  type ReportingOfficeTier,
  type ReportingPeriod,
  type DomainErrorKind,
} from '@thads/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { TableNames } from '../projection';
import { readModelPosition } from '../runtime/projection-status';
import { addAllTallies, NO_TALLIES, type Tallies } from './classification';
import type { CompletionReport, CompletionReportRequest } from './completion-report.types';
import { reportRow, subtreeOf, type OfficePeriod, type ReportOffice, type RowContext } from './completion-report.rows';
import {
  closedPeriods,
  closeKey,
  type ClosedPeriod,
  latestTargets,
  liveOfficeTallies,
  snapshotTallies,
  type Knowledge,
} from './office-tallies';
import { knownStructure } from './office-structure';
import { reportStructureOn, type ReportStructure } from './report-structure';
import { statisticsRegimeFor, subtractTallies } from './statistics';

/** Error codes of completionReport (DomainError), for docs/errors.md. */
export const COMPLETION_REPORT_ERROR_CODES = {
  INVALID_PERIOD: 'period is not a month written YYYY-MM.',
  INVALID_DATE: 'asOf or structure is not a real calendar date YYYY-MM-DD (details.field).',
  OFFICE_NOT_FOUND: 'office names no registered office.',
  OFFICE_NOT_IN_STRUCTURE:
    'office passed its cases to a successor by the structure date, so it is no row of that structure: report the successor, or pass an earlier structure date (details.successorOfficeId).',
} as const;
export const COMPLETION_REPORT_ERROR_KINDS = {
  INVALID_PERIOD: 'malformed',
  INVALID_DATE: 'malformed',
  OFFICE_NOT_FOUND: 'not_found',
  OFFICE_NOT_IN_STRUCTURE: 'unprocessable',
} as const satisfies Record<keyof typeof COMPLETION_REPORT_ERROR_CODES, DomainErrorKind>;

/** Readers query the views, which carry the base names. */
const VIEWS: TableNames = { generation: 0, physical: (base) => base };

/**
 * The completion report of an office (or the country) for a cumulative period. Rows, closes and the position are
 * read in one snapshot. Throws DomainError INVALID_PERIOD, INVALID_DATE or OFFICE_NOT_FOUND.
 */
export async function completionReport(
  db: Kysely<ReadModelDatabase>,
  request: CompletionReportRequest,
): Promise<CompletionReport> {
  const { period, officeId, asOf } = request;
  if (!isReportingPeriod(period))
    throw new DomainError('INVALID_PERIOD', 'period must be a month written YYYY-MM', {
      field: 'period',
      value: period,
    });
  for (const [field, value] of [
    ['asOf', asOf],
    ['structure', request.structure],
  ] as const)
    if (value !== undefined && !isLocalDate(value))
      throw new DomainError('INVALID_DATE', `${field} must be a calendar date written YYYY-MM-DD`, { field, value });
  const knowledge: Knowledge = asOf === undefined ? {} : { recordedBefore: endOfLocalDay(asOf), knownBy: asOf };
  const reportingYear = reportingYearOf(period);
  // Closed figures were frozen in the structure of the period's end; another structure is computed from the facts.
  const structureOn = request.structure ?? periodEndsOn(period);
  const frozenStructure = structureOn === periodEndsOn(period);

  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      const registered = await reportOffices(trx, officeId === undefined);
      const structure = reportStructureOn(registered, await knownStructure(trx, VIEWS, knowledge), structureOn);
      const { offices } = structure;
      if (officeId !== undefined && !offices.has(officeId)) throw officeNotInStructure(registered, structure, officeId);
      const scope = officeId === undefined ? [...offices.keys()] : subtreeOf(offices, officeId);
      const units = { members: structure.members, useCloses: frozenStructure };
      const figures = await officePeriods(trx, period, knowledge, scope, units, officeId === undefined);
      const targets = await latestTargets(trx, VIEWS, reportingYear, knowledge);
      const context: RowContext = { period, regime: statisticsRegimeFor(reportingYear), offices, figures, targets };
      const office = officeId === undefined ? null : (offices.get(officeId) ?? null);
      const childIds = office
        ? office.childIds
        : [...offices.values()].filter((candidate) => isRoot(offices, candidate)).map((root) => root.officeId);
      const rollUp = reportRow(context, office, 'ROLL_UP', scope);
      return {
        officeId: officeId ?? null,
        period,
        reportingYear,
        yearStartsOn: reportingYearStartsOn(reportingYear),
        periodEndsOn: periodEndsOn(period),
        regime: context.regime,
        asOf: asOf ?? null,
        structure: { on: structureOn, successions: structure.applied },
        position: rollUp.closed ? lastCloseOf(figures) : await readModelPosition(trx, 'completion_stats'),
        closed: office ? (figures.get(office.officeId)?.closedAt ?? null) !== null : rollUp.closed,
        office: office && reportRow(context, office, 'OFFICE', [office.officeId]),
        children: childIds.map((childId) =>
          reportRow(context, offices.get(childId) ?? null, 'ROLL_UP', subtreeOf(offices, childId)),
        ),
        rollUp,
      };
    });
}

/** Why an office is no row of the structure: unknown (404), or its cases passed to a successor by the date (422). */
function officeNotInStructure(
  registered: ReadonlyMap<string, ReportOffice>,
  structure: ReportStructure,
  officeId: string,
): DomainError {
  const holder = [...structure.members].find(([, members]) => members.includes(officeId))?.[0];
  if (!registered.has(officeId) || holder === undefined)
    return new DomainError('OFFICE_NOT_FOUND', `No registered office ${officeId}`, { field: 'office', officeId });
  return new DomainError(
    'OFFICE_NOT_IN_STRUCTURE',
    `Office ${officeId} passed its cases to ${holder} by ${structure.on}: report ${holder}, or pass structure as a date before the change`,
    { field: 'office', officeId, successorOfficeId: holder, structure: structure.on },
  );
}

/** 24:00 local time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) on `date`, as the UTC instant recordedAt uses. */
function endOfLocalDay(date: LocalDate): string {
  return `${date}T17:00:00.000Z`;
}

/** Registered offices with their children; for the country, also offices that have cases but no registration. */
async function reportOffices(
  trx: Transaction<ReadModelDatabase>,
  withUnregistered: boolean,
): Promise<Map<string, ReportOffice>> {
  const rows = await trx.selectFrom('completion_stats_offices').selectAll().orderBy('office_id').execute();
  const childIds = new Map<string, string[]>();
  for (const row of rows)
    if (row.parent_office_id !== null)
      childIds.set(row.parent_office_id, [...(childIds.get(row.parent_office_id) ?? []), row.office_id]);
  const offices = new Map<string, ReportOffice>(
    rows.map((row) => [
      row.office_id,
      {
        officeId: row.office_id,
        name: row.name,
        tier: row.tier as ReportingOfficeTier,
        parentOfficeId: row.parent_office_id,
        childIds: childIds.get(row.office_id) ?? [],
      },
    ]),
  );
  if (withUnregistered) {
    const withCases = await trx
      .selectFrom('completion_stats_case_offices')
      .select('office_id')
      .orderBy('office_id')
      .execute();
    for (const { office_id } of withCases) {
      if (!offices.has(office_id))
        offices.set(office_id, { officeId: office_id, name: null, tier: null, parentOfficeId: null, childIds: [] });
    }
  }
  return offices;
}

/** The last close among frozen figures: nothing recorded after it changes them. */
function lastCloseOf(figures: ReadonlyMap<string, OfficePeriod>): bigint {
  return [...figures.values()].reduce(
    (last, figure) => (figure.closedAt !== null && figure.closedAt > last ? figure.closedAt : last),
    -1n,
  );
}

function isRoot(offices: ReadonlyMap<string, ReportOffice>, office: ReportOffice): boolean {
  return office.parentOfficeId === null || !offices.has(office.parentOfficeId);
}

/** How rows are made of offices: each row office with the offices whose cases it holds, and whether closes apply. */
interface ReportUnits {
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** False for a structure other than the period end's: figures are live, never frozen. */
  readonly useCloses: boolean;
}

/**
 * Each row office's figures for the period, its own cases and those of the offices it holds: frozen for the offices
 * that closed it (as known; a close froze what the office held then), live for the others, with live adjustments
 * where the previous period is closed.
 */
async function officePeriods(
  trx: Transaction<ReadModelDatabase>,
  period: ReportingPeriod,
  knowledge: Knowledge,
  scope: readonly string[],
  units: ReportUnits,
  wholeCountry: boolean,
): Promise<Map<string, OfficePeriod>> {
  const previous = previousPeriod(period);
  const membersOf = (ids: readonly string[]) => ids.flatMap((id) => units.members.get(id) ?? [id]);
  const closes = units.useCloses
    ? await closedPeriods(trx, VIEWS, [period, previous], knowledge, scope)
    : new Map<string, ClosedPeriod>();
  const closedIds = scope.filter((id) => closes.has(closeKey(id, period)));
  const openIds = scope.filter((id) => !closes.has(closeKey(id, period)));
  const openAfterClosedIds = openIds.filter((id) => closes.has(closeKey(id, previous)));
  const previousClosed = new Set(openAfterClosedIds);

  const frozen = await snapshotTallies(trx, VIEWS, period, 'PERIOD', closedIds);
  const frozenAdjustments = await snapshotTallies(trx, VIEWS, period, 'ADJUSTMENT', closedIds);
  // The country reads every office's facts: no need to list them all when none has closed the period.
  const live = await liveOfficeTallies(
    trx,
    VIEWS,
    period,
    knowledge,
    wholeCountry && closedIds.length === 0 ? undefined : membersOf(openIds),
  );
  const previousFrozen = await snapshotTallies(trx, VIEWS, previous, 'PERIOD', openAfterClosedIds);
  const previousNow = await liveOfficeTallies(trx, VIEWS, previous, knowledge, membersOf(openAfterClosedIds));
  const targets = await latestTargets(trx, VIEWS, reportingYearOf(period), knowledge, scope);
  const summed = (tallies: ReadonlyMap<string, Tallies>, id: string) =>
    addAllTallies(membersOf([id]).map((member) => tallies.get(member) ?? NO_TALLIES));

  const figures = new Map<string, OfficePeriod>();
  for (const id of scope) {
    const close = closes.get(closeKey(id, period));
    if (close) {
      const target =
        close.casesTargetBasisPoints === null || close.moneyTargetBasisPoints === null
          ? null
          : { casesBasisPoints: close.casesTargetBasisPoints, moneyBasisPoints: close.moneyTargetBasisPoints };
      figures.set(id, {
        tallies: frozen.get(id) ?? NO_TALLIES,
        adjustments: frozenAdjustments.get(id) ?? null,
        closedAt: close.position,
        target,
      });
    } else {
      const adjustments = previousClosed.has(id)
        ? difference(summed(previousNow, id), previousFrozen.get(id) ?? NO_TALLIES)
        : null;
      figures.set(id, { tallies: summed(live, id), adjustments, closedAt: null, target: targets.get(id) ?? null });
    }
  }
  return figures;
}

function difference(now: Tallies, before: Tallies): Tallies {
  return { cases: subtractTallies(now.cases, before.cases), money: subtractTallies(now.money, before.money) };
}
