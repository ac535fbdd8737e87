import { EntityMetadata } from 'typeorm';

export const REDACTED = '[redacted]';

/** Columns whose values never enter the log (by property name). */
const SECRET_COLUMNS = new Set(['passwordHash', 'secret', 'tokenHash']);

/** Columns too large to copy on every write; the log keeps a marker instead. */
const BULKY_COLUMNS = new Set(['snapshot']);

/** Rows that are not audited: the log itself, the reminder machinery the system runs, and the task
 * history (a journal of its own; the task row's before/after is audited). */
export const UNAUDITED_TABLES = new Set([
  'audit_log',
  'reminders',
  'deliveries',
  'task_events',
  'migrations',
]);

/** `ProgressReport` → `progressReport`. */
export function entityName(metadata: EntityMetadata): string {
  const name = metadata.targetName || metadata.tableName;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The row's column values by property name, secrets redacted, bulky values replaced by a marker. */
export function snapshot(
  metadata: EntityMetadata,
  row: object | undefined | null,
): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value: unknown = column.getEntityValue(row);
    if (value === undefined) continue;
    const key = column.propertyName;
    if (SECRET_COLUMNS.has(key)) out[key] = value === null ? null : REDACTED;
    else if (BULKY_COLUMNS.has(key)) out[key] = value === null ? null : '[omitted]';
    else out[key] = value;
  }
  return out;
}

/** The primary key when it is a single column (all audited entities but join tables). */
export function singleId(metadata: EntityMetadata, row: object | undefined | null): string | null {
  if (!row || metadata.primaryColumns.length !== 1) return null;
  const value: unknown = metadata.primaryColumns[0].getEntityValue(row);
  return typeof value === 'string' ? value : null;
}

/** Only the keys whose values differ, so an update's before/after reads as the change itself. */
export function changedOnly(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
