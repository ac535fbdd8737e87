import { INestApplication, RequestMethod } from '@nestjs/common';
import compression from 'compression';
import { rejectUnsupportedBodyTypes, translateBodyParserErrors } from './common/http/body-parser-errors';
import { serveConsole } from './common/http/console-static';
import { assignRequestId } from './common/http/request-id.middleware';
import { applySecurityHeaders } from './common/http/security-headers';
import { requestLogging } from './common/logging/logging.module';
import { mountQueueBoard } from './common/queues/queue-board';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '256kb';

/**
 * HTTP settings shared by main.ts and the end-to-end tests, so that tests see what users see.
 * The app must be created with `bodyParser: false`: the request id is assigned before the body is parsed,
 * so that even a malformed body gets an error answer with a request id.
 */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.use(assignRequestId);
  // gzip for what is worth it (over 1 kB): task lists and plan trees are long, repetitive JSON.
  express.use(compression());
  requestLogging(app);
  applySecurityHeaders(app);
  express.use(rejectUnsupportedBodyTypes);
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  express.use(translateBodyParserErrors);
  express.disable('x-powered-by');
  express.set('query parser', 'simple');
  mountQueueBoard(app);
  // The web console (dist/web) at /, with the SPA fallback for its routes; the API's paths pass through.
  serveConsole(app);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      // Calendar feeds (calendar.controller.ts): a short URL that calendar apps subscribe to.
      { path: 'calendar/:file', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('督查督办 work-task tracker')
      .setDescription('Plans, tasks, progress reports and reviews of a district leading group (领导小组).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
