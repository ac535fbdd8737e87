import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './domain-error';

export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Validation]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IllegalTransition]: HttpStatus.CONFLICT,
  [ErrorCode.StaleVersion]: HttpStatus.CONFLICT,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
};
