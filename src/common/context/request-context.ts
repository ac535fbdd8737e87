import { AsyncLocalStorage } from 'node:async_hooks';
import { Actor } from '../auth/actor';

/**
 * Who is doing what, for the audit log: set around each route handler (request-context.interceptor.ts)
 * and read where rows are written. Work outside a request (the worker, the seed) has no context.
 */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actor: Actor | null;
  /** What the caller asked for, named after the route's handler, e.g. `tasks.accept`. */
  action: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
