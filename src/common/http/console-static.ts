import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Paths the server answers itself; everything else that is a GET belongs to the web console. */
const SERVER_PATHS = ['/api', '/health', '/calendar', '/admin/queues'];

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>督查督办系统</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">
<h1>网页控制台尚未构建</h1>
<p>服务已启动，但没有找到网页控制台的构建结果（dist/web）。请在项目目录运行 <code>npm run build</code>
（或 <code>npm start</code> / <code>npm run demo</code>，它们会先构建），然后刷新本页。</p>
<p>接口仍可使用：<a href="/api/docs">/api/docs</a>，健康检查：<a href="/health">/health</a>。</p>
</body></html>
`;

export function isServerPath(path: string): boolean {
  return SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** dist/web beside the compiled server, found from the project root (the folder holding package.json). */
export function consoleDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

/**
 * Serves the web console (a single-page app built by Vite into dist/web) from the API's own origin:
 * hashed files under /assets/ are cached for good, every other GET outside the server's own paths gets
 * index.html so that the console's routes survive a reload. Without a build, those GETs answer a page
 * that says how to build it; the API is unaffected either way.
 */
export function serveConsole(app: INestApplication, dir: string = consoleDir()): void {
  const express = app as NestExpressApplication;
  const index = join(dir, 'index.html');
  express.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) {
      next();
      return;
    }
    // Looked up per request: a build that lands (or is removed) while the server runs is picked up.
    if (!existsSync(index)) {
      res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
      return;
    }
    if (req.path.startsWith('/assets/')) {
      // A missing asset falls through to the ordinary 404 rather than getting index.html as JavaScript.
      res.sendFile(
        req.path.slice(1),
        { root: dir, maxAge: '365d', immutable: true, dotfiles: 'deny' },
        (error) => {
          if (error && !res.headersSent) next();
        },
      );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
}
