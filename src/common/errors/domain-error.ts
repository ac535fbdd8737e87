/**
 * Errors the services throw. The code decides the HTTP status (see error-status.ts); the message is
 * written for the person using the console, in Chinese with the English meaning where it helps.
 */
export enum ErrorCode {
  NotFound = 'NOT_FOUND',
  Validation = 'VALIDATION',
  Unprocessable = 'UNPROCESSABLE',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  StaleVersion = 'STALE_VERSION',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string, id?: string): DomainError =>
  new DomainError(ErrorCode.NotFound, `${entity}不存在 (${entity} not found)`, id ? { id } : undefined);

export const unprocessable = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(ErrorCode.Unprocessable, message, details);

export const forbidden = (message = '无权执行此操作 (forbidden)'): DomainError =>
  new DomainError(ErrorCode.Forbidden, message);

/** 429, with the seconds to wait (sent as Retry-After). */
export const tooManyRequests = (message: string, retryAfterSeconds: number): DomainError =>
  new DomainError(ErrorCode.TooManyRequests, message, { retryAfterSeconds });
