import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdOf(req: Request): string | undefined {
  return (req as Request & { id?: string }).id;
}

/** Gives every request an id (kept from `X-Request-Id` when the caller sends a sane one), echoed back. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id?: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}
