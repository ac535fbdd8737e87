import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/**
 * Security headers (helmet) with a content security policy that the web console, the API docs and the
 * queue board all live within: nothing loaded from elsewhere (the service runs on closed intranets too),
 * no inline scripts. CORS only for the origins listed in CORS_ORIGINS; by default same origin only.
 */
export function applySecurityHeaders(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
        },
      },
      // The console is served over plain HTTP on some intranets; HSTS is left to the TLS front end.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  const config = app.get<AppConfig>(APP_CONFIG);
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }
}
