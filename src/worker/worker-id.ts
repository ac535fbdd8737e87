import { hostname } from 'node:os';

/** Names the process in claimed reminders, so that a row tells which worker sent it. */
export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}
