import type { Row, Worksheet } from 'exceljs';
import { neutraliseFormula } from './csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Local times are written as wall-clock dates (see wallClock()) with this format. */
export const XLSX_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

export type XlsxValue = string | number | Date | null;

/** A cell value as written: text neutralised against formula injection, as in the CSV. */
export function xlsxValue(value: XlsxValue): XlsxValue {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

export interface XlsxColumn {
  header: string;
  width: number;
  /** Excel number format for the column's values (dates, percentages). */
  numFmt?: string;
}

/** Headers in bold, column widths and formats, the header row frozen and filterable. */
export function setUpSheet(sheet: Worksheet, columns: XlsxColumn[]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export function addRow(sheet: Worksheet, values: XlsxValue[]): Row {
  return sheet.addRow(values.map(xlsxValue));
}
