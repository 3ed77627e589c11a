/**
 * A completion report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted), UTF-8 with a
 * byte-order mark so Excel on Windows reads "Hải Phòng" as written. One line per row, measure and kind (the figures,
 * then the adjustments when there are any); money in whole VND, rates and gaps in percent with 2 decimals, empty cells
 * for null. Every line repeats the period and position, so a line stands on its own in a spreadsheet.
 * `en` (default) keeps the snake_case header scripts rely on; `vi` writes the Vietnamese headings and values of the
 * forms. Text cells that a spreadsheet would run as a formula are neutralised (spreadsheet-text.ts).
 */
import type { CompletionReport, CompletionReportRow } from '../completion-report.types';
import type { CompletionFigures } from '../statistics';
import {
  FIGURE_COLUMNS,
  LEAD_HEADINGS,
  TAIL_HEADINGS,
  VIETNAMESE_VALUES,
  type ReportLanguage,
} from './report-headings';
import { neutraliseFormula } from './spreadsheet-text';

/** The UTF-8 byte-order mark the CSV starts with. */
export const UTF8_BOM = '\uFEFF';

type Cell = string | number | bigint | boolean | null;
/** A value of an enumerated column (scope, kind, measure, tier, closed): translated in the Vietnamese variant. */
type Coded = { readonly code: string };

/** The report as CSV text: byte-order mark, header, then the rows. */
export function toCsv(report: CompletionReport, options: { readonly lang?: ReportLanguage } = {}): string {
  const lang = options.lang ?? 'en';
  const header = [
    ...Object.values(LEAD_HEADINGS).map((heading) => heading[lang]),
    ...FIGURE_COLUMNS.map((column) => column[lang]),
    ...Object.values(TAIL_HEADINGS).map((heading) => heading[lang]),
  ];
  const rows = [...(report.office ? [report.office] : []), ...report.children, report.rollUp];
  const lines: (Cell | Coded)[][] = [header, ...rows.flatMap((row) => rowLines(report, row))];
  return UTF8_BOM + lines.map((line) => line.map((value) => cell(value, lang)).join(',')).join('\r\n') + '\r\n';
}

function rowLines(report: CompletionReport, row: CompletionReportRow): (Cell | Coded)[][] {
  const lead: (Cell | Coded)[] = [
    report.period,
    report.reportingYear,
    report.regime.id,
    report.position,
    report.asOf,
    row.officeId,
    row.name,
    row.tier && { code: row.tier },
    { code: row.scope },
    { code: String(row.closed) },
  ];
  const figures = { code: 'FIGURES' };
  const lines = [
    [...lead, figures, { code: 'CASES' }, ...figuresOf(row.cases), row.target?.cases ?? null, row.gap?.cases ?? null],
    [...lead, figures, { code: 'MONEY' }, ...figuresOf(row.money), row.target?.money ?? null, row.gap?.money ?? null],
  ].map((line) => [...line, null]);
  if (row.adjustments) {
    const { appliesToPeriod, cases, money } = row.adjustments;
    const adjustment = { code: 'ADJUSTMENT' };
    lines.push([...lead, adjustment, { code: 'CASES' }, ...figuresOf(cases), null, null, appliesToPeriod]);
    lines.push([...lead, adjustment, { code: 'MONEY' }, ...figuresOf(money), null, null, appliesToPeriod]);
  }
  return lines;
}

function figuresOf(values: CompletionFigures): Cell[] {
  return FIGURE_COLUMNS.map((column) => values[column.field]);
}

function cell(value: Cell | Coded, lang: ReportLanguage): string {
  if (value === null) return '';
  const text =
    typeof value === 'object' ? (lang === 'vi' ? (VIETNAMESE_VALUES[value.code] ?? value.code) : value.code) : value;
  const safe = typeof text === 'string' ? neutraliseFormula(text) : String(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
