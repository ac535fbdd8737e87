/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 line ending. */
export const CSV_EOL = '\r\n';

export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return that some apps skip
 * before one) gets a leading apostrophe, so that a task titled "=HYPERLINK(…)" stays text (CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field as RFC 4180 writes it: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? neutraliseFormula(value)
      : value instanceof Date
        ? value.toISOString()
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CellValue[]): string {
  return values.map(csvField).join(',') + CSV_EOL;
}
