import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, INestApplication, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { redactUrl } from './redact';

type Req = IncomingMessage &
  Partial<Pick<AuthenticatedRequest, 'actor' | 'originalUrl' | 'ip'>> & { id?: string };

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Structured JSON logs (pino) for the whole process: the app's own messages through nestjs-pino, and one
 * line per HTTP request (requestLogging) with its request id, the caller, the status and the time taken.
 * Headers and bodies are never logged and URLs pass through redactUrl, so passwords and tokens stay out.
 */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ROOT_LOGGER],
      // Request lines come from requestLogging(), mounted first so that every path is logged.
      useFactory: (logger: Logger) => ({ pinoHttp: { logger, autoLogging: false, quietReqLogger: true } }),
    }),
  ],
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Logger =>
        pino({
          level: config.logLevel,
          base: { pid: process.pid },
          redact: {
            paths: ['*.password', '*.accessToken', '*.refreshToken', '*.authorization'],
            censor: '[redacted]',
          },
        }),
    },
  ],
  exports: [ROOT_LOGGER],
})
export class LoggingModule {}

/** Mounts the request log on the Express app, ahead of every route (API, console, queue board). */
export function requestLogging(app: INestApplication): void {
  const logger = app.get<Logger>(ROOT_LOGGER);
  (app as NestExpressApplication).use(
    pinoHttp({
      logger,
      genReqId: (req: IncomingMessage) => (req as Req).id ?? '-',
      customProps: (req: IncomingMessage) => {
        const actor = (req as Req).actor;
        return actor ? { userId: actor.id, role: actor.role } : {};
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      serializers: {
        req: (req: Req & { raw?: Req; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.raw?.originalUrl ?? req.url ?? ''),
          remoteAddress: req.raw?.ip ?? req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
}
