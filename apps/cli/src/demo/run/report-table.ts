/**
 * The completion report as people read it: one aligned row per office (Vietnamese names, thousands separators),
 * the root office's own cases, the roll-up, and a sentence for the roll-up with rates, targets and gaps.
 */
import type { CompletionReport, CompletionReportRow } from '@thads/read-models';

/** 4936n → "4,936"; 442000000000n → "442,000,000,000". */
export function withThousands(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

interface Column {
  readonly title: string;
  readonly value: (row: CompletionReportRow) => string;
  readonly alignLeft?: boolean;
}

const percent = (rate: string | null) => rate ?? '–';

const COLUMNS: readonly Column[] = [
  { title: 'Office', value: (row) => labelOf(row), alignLeft: true },
  { title: 'To enforce', value: (row) => withThousands(row.cases.toEnforce) },
  { title: 'Enforceable', value: (row) => withThousands(row.cases.enforceable) },
  { title: 'Completed', value: (row) => withThousands(row.cases.completed) },
  { title: 'Rate %', value: (row) => percent(row.cases.completionRate) },
  { title: 'Gap', value: (row) => percent(row.gap?.cases ?? null) },
  { title: 'Enforceable VND', value: (row) => withThousands(row.money.enforceable) },
  { title: 'Completed VND', value: (row) => withThousands(row.money.completed) },
  { title: 'Rate %', value: (row) => percent(row.money.completionRate) },
  { title: 'Gap', value: (row) => percent(row.gap?.money ?? null) },
];

function labelOf(row: CompletionReportRow): string {
  const name = row.name ?? row.officeId ?? 'Whole country';
  return row.scope === 'OFFICE' ? `${name} (own cases)` : name;
}

/** Width as a terminal shows it: code points of NFC text (Vietnamese letters are single code points in NFC). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function pad(text: string, size: number, alignLeft: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return alignLeft ? text + fill : fill + text;
}

/** The width of adjacent columns with their separators. */
function spanOf(widths: readonly number[]): number {
  return widths.reduce((total, size) => total + size, 0) + 2 * (widths.length - 1);
}

/** `── title ──` centred over a group of columns. */
function center(title: string, size: number): string {
  const rule = Math.max(0, size - width(title) - 2);
  return `${'─'.repeat(Math.floor(rule / 2))} ${title} ${'─'.repeat(Math.ceil(rule / 2))}`;
}

/** The report as an aligned table, then the roll-up sentence. Ends with a newline. */
export function reportTable(report: CompletionReport): string {
  const body = [...(report.office ? [report.office] : []), ...report.children];
  const rollUp = { ...report.rollUp, name: `Total: ${report.rollUp.name ?? 'whole country'}` };
  const cells = [
    COLUMNS.map((column) => column.title),
    ...[...body, rollUp].map((row) => COLUMNS.map((column) => column.value(row))),
  ];
  const widths = COLUMNS.map((_, index) => Math.max(...cells.map((line) => width(line[index]))));
  const format = (line: readonly string[]) =>
    line
      .map((cell, index) => pad(cell, widths[index], COLUMNS[index].alignLeft === true))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(spanOf(widths));
  const lines = [
    `Completion report ${report.period}: ${report.yearStartsOn} – ${report.periodEndsOn}; ${report.regime.basis}; ${report.regime.split === 'TWO_WAY' ? 'two-way' : 'three-way'} split; log position ${report.position}`,
    '',
    `${' '.repeat(widths[0])}  ${center('Cases', spanOf(widths.slice(1, 6)))}  ${center('Money', spanOf(widths.slice(6)))}`.trimEnd(),
    format(cells[0]),
    rule,
    ...cells.slice(1, -1).map(format),
    rule,
    format(cells[cells.length - 1]),
    '',
    rollUpSentence(report.rollUp),
  ];
  return `${lines.join('\n')}\n`;
}

/** "Cục THADS TP Hải Phòng, all offices: 4,936 of 8,680 enforceable cases completed = 56.87% (target 72.00%, gap -15.13); …" */
export function rollUpSentence(row: CompletionReportRow): string {
  const measure = (
    completed: bigint,
    enforceable: bigint,
    rate: string | null,
    unit: string,
    target?: string,
    gap?: string | null,
  ) =>
    `${withThousands(completed)} of ${withThousands(enforceable)} ${unit} completed = ${percent(rate)}%${target === undefined ? '' : ` (target ${target}%, gap ${percent(gap ?? null)})`}`;
  const cases = measure(
    row.cases.completed,
    row.cases.enforceable,
    row.cases.completionRate,
    'enforceable cases',
    row.target?.cases,
    row.gap?.cases,
  );
  const money = measure(
    row.money.completed,
    row.money.enforceable,
    row.money.completionRate,
    'enforceable VND',
    row.target?.money,
    row.gap?.money,
  );
  return `${row.name ?? 'Whole country'}, all offices: ${cases}; ${money}`;
}
