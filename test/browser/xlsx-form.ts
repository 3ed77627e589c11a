/** Reading the downloaded XLSX form back with exceljs: one row of the "Việc" sheet, its cells found by heading. */
import ExcelJS from 'exceljs';

/** The form's column headings are on this row (the title block above it names the office and the period). */
const HEADINGS_ROW = 7;

export interface FormRow {
  value(heading: string): ExcelJS.CellValue;
  numFmt(heading: string): string;
}

export async function readCityRow(file: string, label: string): Promise<FormRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Việc');
  if (!sheet) throw new Error('no sheet Việc');
  const headings = sheet.getRow(HEADINGS_ROW);
  const column = (heading: string) => {
    for (let index = 1; index <= headings.cellCount; index++)
      if (headings.getCell(index).value === heading) return index;
    throw new Error(`no heading ${heading}`);
  };
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === label) found = row;
  });
  const row = found;
  if (!row) throw new Error(`no row ${label}`);
  return {
    value: (heading) => row.getCell(column(heading)).value,
    numFmt: (heading) => row.getCell(column(heading)).numFmt,
  };
}
