/**
 * The completion report as an XLSX workbook laid out like the statistics forms: one sheet by cases
 * (việc) and one by money (tiền), each with the form's title block, Vietnamese column headings of the period's regime,
 * a column-number row, the roll-up ("Tổng cộng") then the office's own row and one row per child office, adjustments
 * under the row they correct, and notes saying which column definitions are open questions (also as cell notes on
 * those headings). Numbers are numbers (counts and VND with a thousands format, rates with 2 decimals), so the sheet
 * adds up; office names are neutralised like every text cell we export.
 */
import type ExcelJS from 'exceljs';
import type { CompletionReport, CompletionReportRow } from '../completion-report.types';
import type { CompletionFigures } from '../statistics';
import { figureColumnsOf, formBasisOf, VIETNAMESE_VALUES, type FigureColumn } from './report-headings';
import { neutraliseFormula } from './spreadsheet-text';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Measure = 'cases' | 'money';
const SHEETS: Record<Measure, { name: string; title: string; unit: string }> = {
  cases: { name: 'Việc', title: 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC', unit: 'Đơn vị tính: việc' },
  money: { name: 'Tiền', title: 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN', unit: 'Đơn vị tính: đồng' },
};
/** First row of the headings; the title block sits above it. */
const HEADING_ROW = 7;

/** The report as an .xlsx file. */
export async function toXlsx(report: CompletionReport): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs is a fifth of the modules an API start compiles.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  workbook.creator = 'thads-engine';
  for (const measure of ['cases', 'money'] as const) writeSheet(workbook, report, measure);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheet(workbook: ExcelJS.Workbook, report: CompletionReport, measure: Measure): void {
  const sheet = workbook.addWorksheet(SHEETS[measure].name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADING_ROW + 1 }],
  });
  const columns = figureColumnsOf(report.regime);
  const headings = ['STT', 'Tên đơn vị', ...columns.map((c) => c.vi), 'Chỉ tiêu được giao (%)', 'So với chỉ tiêu (%)'];
  const width = headings.length + 1;
  const form = formBasisOf(report.regime, report.periodEndsOn);
  const officeName = report.rollUp.name ?? (report.officeId === null ? 'Toàn quốc' : report.officeId);

  titleLine(sheet, 1, width, SHEETS[measure].title, { bold: true, size: 13 });
  titleLine(sheet, 2, width, `Theo ${form.title}`, { italic: true });
  titleLine(sheet, 3, width, `Đơn vị báo cáo: ${neutraliseFormula(officeName)}`);
  titleLine(sheet, 4, width, periodLine(report));
  titleLine(sheet, 5, width, statusLine(report));
  titleLine(sheet, 6, width, SHEETS[measure].unit, { italic: true });

  const headingRow = sheet.getRow(HEADING_ROW);
  [...headings, 'Tình trạng'].forEach((heading, index) => {
    const cell = headingRow.getCell(index + 1);
    cell.value = heading;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    const question = columns[index - 2]?.openQuestion;
    if (question) cell.note = question;
  });
  headingRow.height = 48;
  const numbers = ['A', 'B', ...columns.map((_, index) => String(index + 1))];
  numbers.push(String(columns.length + 1), String(columns.length + 2), '');
  sheet.getRow(HEADING_ROW + 1).values = numbers;
  sheet.getRow(HEADING_ROW + 1).alignment = { horizontal: 'center' };

  const lines: { stt: string; label: string; row: CompletionReportRow; adjustment?: true }[] = [
    { stt: '', label: `Tổng cộng: ${officeName}`, row: report.rollUp },
    ...(report.office ? [{ stt: '1', label: `${officeName} (riêng đơn vị)`, row: report.office }] : []),
    ...report.children.map((row, index) => ({
      stt: String(index + (report.office ? 2 : 1)),
      label: row.name ?? row.officeId ?? '',
      row,
    })),
  ];
  let rowNumber = HEADING_ROW + 2;
  for (const line of lines) {
    writeFigures(sheet.getRow(rowNumber++), line.stt, line.label, line.row[measure], columns, line.row, measure);
    if (line.row === report.rollUp) sheet.getRow(rowNumber - 1).font = { bold: true };
    const adjustments = line.row.adjustments;
    if (adjustments) {
      const label = `  Điều chỉnh số liệu kỳ ${monthLabel(adjustments.appliesToPeriod)} (TTLT 12/2021 Điều 10)`;
      const row = sheet.getRow(rowNumber++);
      writeFigures(row, '', label, adjustments[measure], columns, null, measure);
      row.font = { italic: true };
    }
  }
  writeNotes(sheet, rowNumber + 1, report, columns, form.columnsKnown);
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 42;
  for (let index = 3; index <= width; index++) sheet.getColumn(index).width = measure === 'money' ? 20 : 13;
}

function writeFigures(
  row: ExcelJS.Row,
  stt: string,
  label: string,
  figures: CompletionFigures,
  columns: readonly FigureColumn[],
  owner: CompletionReportRow | null,
  measure: Measure,
): void {
  row.getCell(1).value = stt;
  row.getCell(2).value = neutraliseFormula(label);
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 3);
    cell.value = numberOf(figures[column.field]);
    cell.numFmt = column.percent ? '0.00' : '#,##0';
  });
  const target = owner?.target?.[measure] ?? null;
  const gap = owner?.gap?.[measure] ?? null;
  const targetCell = row.getCell(columns.length + 3);
  targetCell.value = numberOf(target);
  targetCell.numFmt = '0.00';
  const gapCell = row.getCell(columns.length + 4);
  gapCell.value = numberOf(gap);
  gapCell.numFmt = '0.00';
  if (owner) row.getCell(columns.length + 5).value = owner.closed ? 'Đã khóa sổ' : 'Chưa khóa sổ';
}

/** A figure as a number when it is exact in a double (every count, and VND below 9 × 10^15), else as text. */
function numberOf(value: bigint | string | null): number | string | null {
  if (value === null) return null;
  if (typeof value === 'string') return Number(value);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : String(value);
}

function titleLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  width: number,
  text: string,
  font: Partial<ExcelJS.Font> = {},
) {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'center' };
}

function periodLine(report: CompletionReport): string {
  // Cumulative from 1 October: October is month 1, May month 8.
  const months = ((Number(report.period.slice(5)) + 2) % 12) + 1;
  return `Kỳ báo cáo: ${months} tháng năm ${report.reportingYear} (từ ${dmy(report.yearStartsOn)} đến ${dmy(report.periodEndsOn)})`;
}

function statusLine(report: CompletionReport): string {
  const known = report.asOf ? `ghi nhận đến hết ngày ${dmy(report.asOf)}, ` : '';
  const closed = report.closed ? 'kỳ đã khóa sổ' : 'kỳ chưa khóa sổ';
  return `Số liệu ${known}tính từ nhật ký sự kiện đến vị trí ${report.position}; ${closed}`;
}

function writeNotes(
  sheet: ExcelJS.Worksheet,
  start: number,
  report: CompletionReport,
  columns: readonly FigureColumn[],
  columnsKnown: boolean,
): void {
  const notes = [
    'Số liệu do thads-engine tính từ các sự kiện đã ghi nhận, theo ngày có hiệu lực của từng hành vi (thời điểm 24 giờ ngày cuối kỳ).',
    ...columns.filter((column) => column.openQuestion).map((column) => `"${column.vi}": ${column.openQuestion}`),
    report.regime.split === 'TWO_WAY'
      ? 'Theo TT 08/2015/TT-BTP, việc hoãn, tạm đình chỉ nằm trong "Có điều kiện thi hành" (chia hai nhóm).'
      : 'Từ TT 06/2019/TT-BTP, "Hoãn, tạm đình chỉ" là nhóm riêng, ngoài "Có điều kiện thi hành".',
    'Tiền tính bằng đồng, chính xác đến đồng; biểu mẫu có thể dùng đơn vị nghìn đồng (chưa xác minh). Tiền thu được của việc chưa giải quyết xong chưa tính là giải quyết xong.',
    ...(columnsKnown
      ? []
      : [
          'Cột chính xác của biểu mẫu theo TT 05/2024/TT-BTP và Phụ lục Nghị định 152/2026/NĐ-CP chưa được xác minh (câu hỏi mở Q7): giữ các cột của TT 06/2019/TT-BTP.',
        ]),
    `Chế độ tính: ${report.regime.basis}. ${VIETNAMESE_VALUES.ADJUSTMENT}: số liệu kỳ đã khóa sổ được sửa ở kỳ sau trong cùng năm báo cáo.`,
  ];
  sheet.getCell(start, 1).value = 'Ghi chú:';
  sheet.getCell(start, 1).font = { bold: true };
  notes.forEach((note, index) => (sheet.getCell(start + 1 + index, 1).value = `${index + 1}. ${note}`));
}

function dmy(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function monthLabel(period: string): string {
  const [year, month] = period.split('-');
  return `${month}/${year}`;
}
