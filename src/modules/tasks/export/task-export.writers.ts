import { Writable } from 'node:stream';
import { stream } from 'exceljs';
import { CellValue, csvLine, UTF8_BOM } from '../../../common/export/csv';
import { addRow, setUpSheet, XlsxValue } from '../../../common/export/xlsx';
import { formatInZone, wallClock } from '../../../common/time/time-zone';
import { ExportColumn, ExportValue } from './task-export.columns';

export type RowBatches = AsyncIterable<ExportValue[][]>;

function isLocalTime(value: ExportValue): value is { at: Date; timeZone: string } {
  return typeof value === 'object' && value !== null;
}

function csvValue(value: ExportValue, column: ExportColumn): CellValue {
  if (isLocalTime(value)) return formatInZone(value.at, value.timeZone);
  if (column.kind === 'percent' && typeof value === 'number') return `${value}%`;
  return value;
}

function xlsxValue(value: ExportValue, column: ExportColumn): XlsxValue {
  if (isLocalTime(value)) return wallClock(value.at, value.timeZone);
  if (column.kind === 'percent' && typeof value === 'number') return value / 100;
  return value;
}

/** Writes a chunk, waiting for the stream to drain when it asks to; fails when the client went away. */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('download closed'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('download closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}

/** UTF-8 with a BOM, CRLF lines, RFC 4180 quoting; ends the stream. */
export async function writeCsv(out: Writable, columns: ExportColumn[], batches: RowBatches): Promise<void> {
  await write(out, UTF8_BOM + csvLine(columns.map((c) => c.header)));
  for await (const rows of batches) {
    await write(out, rows.map((row) => csvLine(row.map((v, i) => csvValue(v, columns[i])))).join(''));
  }
  out.end();
}

/** One sheet, written row by row as the batches come (exceljs' streaming writer); ends the stream. */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  columns: ExportColumn[],
  batches: RowBatches,
): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  setUpSheet(sheet, columns);
  for await (const rows of batches) {
    for (const row of rows)
      addRow(
        sheet,
        row.map((v, i) => xlsxValue(v, columns[i])),
      ).commit();
  }
  sheet.commit();
  await workbook.commit();
}
