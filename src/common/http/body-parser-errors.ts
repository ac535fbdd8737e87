import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const MESSAGES: Record<string, [number, string]> = {
  'entity.parse.failed': [400, '请求体不是合法的 JSON (malformed JSON body)'],
  'entity.too.large': [413, '请求体过大 (request body too large)'],
  'encoding.unsupported': [415, '不支持的内容编码 (unsupported content encoding)'],
  'charset.unsupported': [415, '不支持的字符集 (unsupported charset)'],
  'request.aborted': [400, '请求被中断 (request aborted)'],
  'request.size.invalid': [400, '请求体长度与声明不符 (request size did not match content length)'],
};

/** The body types the API reads; the body parsers ignore any other and would leave the body empty. */
const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * Express middleware placed before the body parsers: a body of another type is refused with 415 rather than
 * ignored, so that a request is never carried out as if it had no body (e.g. without the version it sent).
 */
export function rejectUnsupportedBodyTypes(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
  if (hasBody && !req.is(BODY_TYPES)) {
    next(
      new HttpException(
        '不支持的请求体类型，请使用 application/json (unsupported content type: use application/json)',
        415,
      ),
    );
    return;
  }
  next();
}

/**
 * Express error middleware placed right after the body parsers: turns their errors into HttpExceptions
 * with a message a person understands, which the global filter then answers like any other error.
 */
export function translateBodyParserErrors(
  err: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  const known = typeof type === 'string' ? MESSAGES[type] : undefined;
  next(known ? new HttpException(known[1], known[0]) : err);
}
