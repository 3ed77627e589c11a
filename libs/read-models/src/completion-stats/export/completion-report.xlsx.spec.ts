import ExcelJS from 'exceljs';
import type { CompletionReport } from '../completion-report.types';
import { statisticsRegimeFor } from '../statistics';
import { toXlsx } from './completion-report.xlsx';
import { report } from './export.test-fixtures';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The row whose column B starts with `label`, as an object keyed by the heading row's text. */
function rowByLabel(sheet: ExcelJS.Worksheet, label: string): Record<string, ExcelJS.CellValue> {
  let headingRow: ExcelJS.Row | undefined;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'STT') headingRow = row;
    if (String(row.getCell(2).value ?? '').startsWith(label)) found ??= row;
  });
  if (!headingRow || !found) throw new Error(`no row ${label}`);
  const cells: Record<string, ExcelJS.CellValue> = {};
  headingRow.eachCell((cell, column) => (cells[String(cell.value)] = found!.getCell(column).value));
  return cells;
}

describe('toXlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readBack(await toXlsx(report));
  });

  it('writes one sheet by cases and one by money, titled as the forms of the regime and period', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Việc', 'Tiền']);
    const cases = workbook.getWorksheet('Việc')!;
    expect(cases.getCell('A1').value).toBe('KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC');
    expect(cases.getCell('A2').value).toBe('Theo Thông tư 08/2015/TT-BTP');
    expect(cases.getCell('A4').value).toBe('Kỳ báo cáo: 8 tháng năm 2018 (từ 01/10/2017 đến 31/05/2018)');
    expect(workbook.getWorksheet('Tiền')!.getCell('A6').value).toBe('Đơn vị tính: đồng');
  });

  it("puts the roll-up's figures as numbers under the Vietnamese headings, rates with 2 decimals", () => {
    const cases = workbook.getWorksheet('Việc')!;
    const total = rowByLabel(cases, 'Tổng cộng');
    expect(total).toMatchObject({
      'Giải quyết xong': 4936,
      'Có điều kiện thi hành': 8680,
      'Tỷ lệ giải quyết xong (%)': 56.87,
      'Chỉ tiêu được giao (%)': 72,
      'So với chỉ tiêu (%)': -15.13,
      'Tình trạng': 'Đã khóa sổ',
    });
    // Under TT 08/2015 postponed and suspended cases are inside có điều kiện: no column of their own.
    expect(Object.keys(total)).not.toContain('Hoãn, tạm đình chỉ');
    const money = rowByLabel(workbook.getWorksheet('Tiền')!, 'Tổng cộng');
    expect(money).toMatchObject({ 'Giải quyết xong': 442_000_000_000, 'Tỷ lệ giải quyết xong (%)': 8.93 });
  });

  it('marks adjustments under the row they correct, and notes the open questions on the sheet', () => {
    const cases = workbook.getWorksheet('Việc')!;
    expect(rowByLabel(cases, '  Điều chỉnh số liệu kỳ 04/2018')).toMatchObject({
      'Thi hành xong': 1,
      'Đang thi hành': -1,
    });
    const texts: string[] = [];
    cases.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('Ghi chú:');
    expect(texts.some((text) => /Có điều kiện thi hành".*Q2/.test(text))).toBe(true);
    const headings = cases.getRow(7);
    const enforceable = [...Array(headings.cellCount).keys()]
      .map((index) => headings.getCell(index + 1))
      .find((cell) => cell.value === 'Có điều kiện thi hành');
    expect(JSON.stringify(enforceable?.note)).toContain('Q2');
  });

  it('uses the three-way split from TT 06/2019 and says when the columns of the forms are not known', async () => {
    const later: CompletionReport = {
      ...report,
      period: '2026-08',
      reportingYear: 2026,
      periodEndsOn: '2026-08-31',
      regime: statisticsRegimeFor(2026),
    };
    const sheet = (await readBack(await toXlsx(later))).getWorksheet('Việc')!;
    expect(sheet.getCell('A2').value).toBe('Theo Phụ lục Nghị định 152/2026/NĐ-CP (cột theo TT 05/2024/TT-BTP)');
    expect(Object.keys(rowByLabel(sheet, 'Tổng cộng'))).toContain('Hoãn, tạm đình chỉ');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((text) => text.includes('Q7'))).toBe(true);
  });

  it('neutralises office names a spreadsheet would run', async () => {
    const hostile: CompletionReport = { ...report, children: [{ ...report.rollUp, name: '=1+2', officeId: 'X' }] };
    const sheet = (await readBack(await toXlsx(hostile))).getWorksheet('Việc')!;
    const labels: unknown[] = [];
    sheet.eachRow((row) => labels.push(row.getCell(2).value));
    expect(labels).toContain("'=1+2");
    expect(labels.some((label) => typeof label === 'object' && label !== null && 'formula' in label)).toBe(false);
  });
});
