import { assertNever, type Decider } from '../shared/decider';
import { ensure } from '../shared/domain-error';
import { parseLocalDate, type LocalDate } from '../shared/local-date';
import { ruleSetOn } from '../shared/rule-set';
import {
  REPORTING_OFFICE_TIERS,
  type ClosePeriod,
  type RegisterOffice,
  type ReportingCommand,
  type SetTarget,
} from './reporting-commands';
import type { ReportingErrorCode } from './reporting-errors';
import type { ReportingEvent, ReportingEventBase } from './reporting-events';
import { isReportingPeriod, lastPeriodOf, nextPeriod, periodEndsOn, reportingYearOf } from './reporting-period';
import { evolveReporting, initialReportingState, type RegisteredOffice, type ReportingState } from './reporting-state';

/** The shared `ensure`, typed so that only a code from REPORTING_ERROR_CODES compiles. */
function ensureRule(
  condition: unknown,
  code: ReportingErrorCode,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  ensure(condition, code, message, details);
}

function requireText(value: unknown, field: string): string {
  ensureRule(typeof value === 'string' && value.trim() !== '', 'MISSING_FIELD', `${field} is required`, { field });
  return value;
}

const RATE_PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * "72" → 7200, "72.5" → 7250, "72.50" → 7250: a percentage with at most 2 decimals as basis points, parsed from the
 * string digit by digit so no float ever touches a target.
 */
export function ratePercentToBasisPoints(value: unknown, field: string): number {
  const match = typeof value === 'string' ? RATE_PERCENT.exec(value) : null;
  const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  ensureRule(
    basisPoints <= 10_000,
    'INVALID_TARGET_RATE',
    `${field} must be a percentage from 0 to 100 with at most 2 decimals, e.g. "72.50"`,
    { field, value },
  );
  return basisPoints;
}

/** A reporting event's data: the fields every reporting event carries, then its own (as eventData in case-rules.ts). */
function reportingEventData<Fields extends object>(
  officeId: string,
  effectiveDate: LocalDate,
  fields: Fields,
): ReportingEventBase & Fields {
  return Object.assign<ReportingEventBase, Fields>(
    { officeId, effectiveDate, ruleSet: ruleSetOn(effectiveDate) },
    fields,
  );
}

function registerOffice(data: RegisterOffice['data']): ReportingEvent {
  const officeId = requireText(data.officeId, 'officeId');
  const name = requireText(data.name, 'name');
  const parentOfficeId =
    data.parentOfficeId === undefined ? undefined : requireText(data.parentOfficeId, 'parentOfficeId');
  ensureRule(parentOfficeId !== officeId, 'PARENT_IS_SELF', `Office ${officeId} cannot be its own parent`, {
    field: 'parentOfficeId',
    officeId,
  });
  ensureRule(
    (REPORTING_OFFICE_TIERS as readonly unknown[]).includes(data.tier),
    'INVALID_VALUE',
    `tier must be one of ${REPORTING_OFFICE_TIERS.join(', ')}`,
    {
      field: 'tier',
      value: data.tier,
      allowed: REPORTING_OFFICE_TIERS,
    },
  );
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  return {
    type: 'OfficeRegistered',
    data: reportingEventData(officeId, effectiveDate, {
      name,
      ...(parentOfficeId !== undefined && { parentOfficeId }),
      tier: data.tier,
    }),
  };
}

function setTarget(office: RegisteredOffice, data: SetTarget['data']): ReportingEvent {
  const { reportingYear } = data;
  ensureRule(
    Number.isInteger(reportingYear) && reportingYear >= 2000 && reportingYear <= 2100,
    'INVALID_REPORTING_YEAR',
    'reportingYear must be a whole year from 2000 to 2100',
    {
      field: 'reportingYear',
      value: reportingYear,
    },
  );
  const casesTargetBasisPoints = ratePercentToBasisPoints(data.casesRatePercent, 'casesRatePercent');
  const moneyTargetBasisPoints = ratePercentToBasisPoints(data.moneyRatePercent, 'moneyRatePercent');
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  // The annual report is final once closed; a target assigned afterwards would change a closed gap.
  const annual = lastPeriodOf(reportingYear);
  ensureRule(
    office.closedThrough === undefined || office.closedThrough < annual,
    'REPORTING_YEAR_CLOSED',
    `Reporting year ${reportingYear} is closed (its annual period ${annual})`,
    {
      reportingYear,
      closedThrough: office.closedThrough,
    },
  );
  return {
    type: 'TargetSet',
    data: reportingEventData(office.officeId, effectiveDate, {
      reportingYear,
      casesTargetBasisPoints,
      moneyTargetBasisPoints,
    }),
  };
}

function closePeriod(office: RegisteredOffice, data: ClosePeriod['data']): ReportingEvent {
  const { period } = data;
  ensureRule(isReportingPeriod(period), 'INVALID_PERIOD', 'period must be a month written YYYY-MM', {
    field: 'period',
    value: period,
  });
  const effectiveDate = parseLocalDate(data.effectiveDate, 'effectiveDate');
  const { closedThrough } = office;
  ensureRule(
    closedThrough === undefined || period > closedThrough,
    'PERIOD_ALREADY_CLOSED',
    `Periods up to ${closedThrough} are closed`,
    { period, closedThrough },
  );
  // One watermark per office: every period up to it is closed, so an adjustment always has a next open period to land in.
  const expectedPeriod = closedThrough === undefined ? period : nextPeriod(closedThrough);
  ensureRule(period === expectedPeriod, 'PERIOD_CLOSED_OUT_OF_ORDER', `The next period to close is ${expectedPeriod}`, {
    period,
    expectedPeriod,
  });
  const ends = periodEndsOn(period);
  ensureRule(
    effectiveDate > ends,
    'PERIOD_NOT_ENDED',
    `Period ${period} ends at 24:00 on ${ends}; close it from the next day`,
    {
      field: 'effectiveDate',
      effectiveDate,
      periodEndsOn: ends,
    },
  );
  return {
    type: 'PeriodClosed',
    data: reportingEventData(office.officeId, effectiveDate, {
      period,
      reportingYear: reportingYearOf(period),
      periodEndsOn: ends,
    }),
  };
}

/**
 * Decides a command on an office's reporting stream. Shared checks first: existence (OFFICE_ALREADY_REGISTERED /
 * OFFICE_NOT_REGISTERED), then that the command names the stream's office (OFFICE_ID_MISMATCH).
 */
export function decideReporting(command: ReportingCommand, state: ReportingState): readonly ReportingEvent[] {
  if (command.type === 'RegisterOffice') {
    ensureRule(state.status === 'none', 'OFFICE_ALREADY_REGISTERED', 'This office is already registered', {
      officeId: command.data.officeId,
    });
    return [registerOffice(command.data)];
  }
  ensureRule(
    state.status === 'registered',
    'OFFICE_NOT_REGISTERED',
    `Office ${command.data.officeId} is not registered`,
    { officeId: command.data.officeId },
  );
  ensureRule(
    command.data.officeId === state.officeId,
    'OFFICE_ID_MISMATCH',
    `This stream belongs to office ${state.officeId}`,
    {
      field: 'officeId',
      officeId: command.data.officeId,
      streamOfficeId: state.officeId,
    },
  );
  switch (command.type) {
    case 'SetTarget':
      return [setTarget(state, command.data)];
    case 'ClosePeriod':
      return [closePeriod(state, command.data)];
    default:
      return assertNever(command, 'reporting command');
  }
}

/** The `reporting` aggregate (stream `reporting-<officeId>`). Pure: no clock, no ids, no IO. Error codes: REPORTING_ERROR_CODES. */
export const reportingDecider: Decider<ReportingCommand, ReportingEvent, ReportingState> = {
  decide: decideReporting,
  evolve: evolveReporting,
  initialState: initialReportingState,
};
