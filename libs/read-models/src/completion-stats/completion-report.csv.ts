/**
 * A completion report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted). One line
 * per row, measure and kind (the figures, then the adjustments when there are any); money in whole VND, rates and
 * gaps in percent with 2 decimals, empty cells for null. Every line repeats the period and position, so a line
 * stands on its own in a spreadsheet.
 */
import type { CompletionReport, CompletionReportRow } from './completion-report.types';
import type { CompletionFigures } from './statistics';

const FIGURE_COLUMNS = [
  ['carried_over', 'carriedOver'],
  ['moved_to_separate_register', 'movedToSeparateRegister'],
  ['newly_received', 'newlyReceived'],
  ['entrusted_out', 'entrustedOut'],
  ['taken_up', 'takenUp'],
  ['to_enforce', 'toEnforce'],
  ['enforceable', 'enforceable'],
  ['not_enforceable', 'notEnforceable'],
  ['postponed_or_suspended', 'postponedOrSuspended'],
  ['completed', 'completed'],
  ['fully_enforced', 'fullyEnforced'],
  ['terminated', 'terminated'],
  ['in_progress', 'inProgress'],
  ['carried_to_next', 'carriedToNext'],
  ['completion_rate', 'completionRate'],
  ['enforceable_share', 'enforceableShare'],
] as const satisfies readonly (readonly [string, keyof CompletionFigures])[];

const HEADER = [
  'period',
  'reporting_year',
  'regime',
  'position',
  'as_of',
  'office_id',
  'office_name',
  'tier',
  'scope',
  'closed',
  'kind',
  'measure',
  ...FIGURE_COLUMNS.map(([column]) => column),
  'target',
  'gap',
  'adjustment_applies_to',
];

type Cell = string | number | bigint | boolean | null;

/** The report as CSV text, header first. */
export function toCsv(report: CompletionReport): string {
  const rows = [...(report.office ? [report.office] : []), ...report.children, report.rollUp];
  const lines = [HEADER, ...rows.flatMap((row) => rowLines(report, row))];
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

function rowLines(report: CompletionReport, row: CompletionReportRow): Cell[][] {
  const lead: Cell[] = [
    report.period,
    report.reportingYear,
    report.regime.id,
    report.position,
    report.asOf,
    row.officeId,
    row.name,
    row.tier,
    row.scope,
    row.closed,
  ];
  const lines: Cell[][] = [
    [...lead, 'FIGURES', 'CASES', ...figures(row.cases), row.target?.cases ?? null, row.gap?.cases ?? null, null],
    [...lead, 'FIGURES', 'MONEY', ...figures(row.money), row.target?.money ?? null, row.gap?.money ?? null, null],
  ];
  if (row.adjustments) {
    const { appliesToPeriod, cases, money } = row.adjustments;
    lines.push([...lead, 'ADJUSTMENT', 'CASES', ...figures(cases), null, null, appliesToPeriod]);
    lines.push([...lead, 'ADJUSTMENT', 'MONEY', ...figures(money), null, null, appliesToPeriod]);
  }
  return lines;
}

function figures(values: CompletionFigures): Cell[] {
  return FIGURE_COLUMNS.map(([, field]) => values[field]);
}

function cell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
