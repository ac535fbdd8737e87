import { Controller, Get, INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { consoleDir, isServerPath, serveConsole } from './console-static';

@Controller()
class ProbeController {
  @Get('api/v1/probe')
  probe(): { ok: boolean } {
    return { ok: true };
  }
}

async function appServing(dir: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  serveConsole(app, dir);
  await app.init();
  return app;
}

describe('serveConsole', () => {
  let dir: string;
  let app: INestApplication | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'console-static-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a Chinese page saying how to build when there is no build, and leaves the API alone', async () => {
    app = await appServing(dir);
    const page = await request(app.getHttpServer()).get('/').expect(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('npm run build');
    expect(page.text).toContain('网页控制台尚未构建');
    await request(app.getHttpServer()).get('/my-tasks').expect(503);
    await request(app.getHttpServer()).get('/api/v1/probe').expect(200, { ok: true });
    const missing = await request(app.getHttpServer()).get('/api/v1/nope').expect(404);
    expect(missing.headers['content-type']).toMatch(/json/);
    await request(app.getHttpServer()).get('/health').expect(404);
  });

  it('serves index.html for the console routes, hashed assets with a long cache, and 404 for a missing asset', async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>督查督办</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await appServing(dir);
    const http = app.getHttpServer();

    for (const path of ['/', '/login', '/tasks/3f1c/report', '/dashboard?planId=x']) {
      const res = await request(http).get(path).expect(200);
      expect(res.text).toContain('<title>督查督办</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await request(http).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(http).get('/assets/gone.js').expect(404);
    await request(http).get('/assets/../../etc/passwd').expect(404);
    await request(http).post('/').expect(404);
    await request(http).get('/api/v1/probe').expect(200, { ok: true });
    const apiMissing = await request(http).get('/api/v1/nope').expect(404);
    expect(apiMissing.headers['content-type']).toMatch(/json/);
  });
});

describe('isServerPath / consoleDir', () => {
  it('keeps the API, health, calendar feeds and the queue board for the server', () => {
    for (const path of [
      '/api',
      '/api/v1/tasks',
      '/api/docs',
      '/health',
      '/calendar/x.ics',
      '/admin/queues/api',
    ]) {
      expect(isServerPath(path)).toBe(true);
    }
    for (const path of ['/', '/apix', '/healthy', '/tasks/1', '/admin']) {
      expect(isServerPath(path)).toBe(false);
    }
  });

  it('finds dist/web from the project root, from the sources and from the compiled server', () => {
    const root = join(__dirname, '..', '..', '..');
    expect(consoleDir(__dirname)).toBe(join(root, 'dist', 'web'));
    expect(consoleDir(join(root, 'dist', 'src', 'common', 'http'))).toBe(join(root, 'dist', 'web'));
  });
});
