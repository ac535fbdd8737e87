import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { requestIdOf } from '../http/request-id.middleware';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL errors that bad input can still provoke, mapped to what the caller did wrong. */
const PG_ERRORS: Record<string, [HttpStatus, string]> = {
  '23505': [HttpStatus.CONFLICT, '数据已存在 (duplicate value)'],
  '23503': [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '引用的数据不存在或仍被引用 (referenced row missing or still in use)',
  ],
  '23514': [HttpStatus.UNPROCESSABLE_ENTITY, '数据不符合约束 (check constraint violated)'],
  '23502': [HttpStatus.BAD_REQUEST, '缺少必填字段 (missing required value)'],
  '22P02': [HttpStatus.BAD_REQUEST, '字段格式不正确 (invalid value)'],
  '22001': [HttpStatus.BAD_REQUEST, '文本过长 (value too long)'],
  '22021': [HttpStatus.BAD_REQUEST, '文本含有不允许的字符，如 NUL (text contains a character such as NUL)'],
  '22P05': [HttpStatus.BAD_REQUEST, '文本含有不允许的字符，如 NUL (text contains a character such as NUL)'],
  '22003': [HttpStatus.BAD_REQUEST, '数值超出范围 (number out of range)'],
  '22007': [HttpStatus.BAD_REQUEST, '日期时间格式不正确 (invalid date/time)'],
  '22008': [HttpStatus.BAD_REQUEST, '日期时间超出范围 (date/time out of range)'],
};

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = requestIdOf(req);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${req.method} ${req.originalUrl} failed (request ${body.requestId})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (!res.headersSent && body.statusCode === 429 && typeof retryAfter === 'number') {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return this.body(ERROR_STATUS[exception.code], exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception);
    }
    if (exception instanceof EntityNotFoundError) return this.body(404, '数据不存在 (not found)');
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const known = PG_ERRORS[code];
      if (known) return this.body(known[0], known[1]);
    }
    return this.body(500, '服务器内部错误，请稍后重试并提供请求编号 (internal error)');
  }

  private fromHttpException(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return this.body(status, response);
    const { message, details } = response as { message?: unknown; details?: unknown };
    if (Array.isArray(message)) {
      return this.body(status, message.map(String).join('; '), details ?? message);
    }
    return this.body(status, typeof message === 'string' ? message : exception.message, details);
  }

  private body(statusCode: number, message: string, details?: unknown): ErrorBody {
    const body: ErrorBody = { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', message };
    if (details !== undefined) body.details = details;
    return body;
  }
}
