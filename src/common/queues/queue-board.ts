import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import type { NextFunction, Request, Response } from 'express';
import { Role } from '../auth/actor';
import { AuthService } from '../../modules/auth/auth.service';
import { BULLETIN_QUEUE, DELIVERY_QUEUE, REMINDER_QUEUE } from './queues';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'wt_queue_board';
const ALLOWED = [Role.Office, Role.Admin];

function tokenOf(req: Request): string | undefined {
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const query = typeof req.query.token === 'string' ? req.query.token : undefined;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  return header ?? query ?? (cookie ? decodeURIComponent(cookie) : undefined);
}

/**
 * The Bull dashboard (bull-board) at /admin/queues, for the office and admins only. A browser cannot send a
 * bearer header, so the first visit may carry `?token=<accessToken>`; it is then kept in an HttpOnly cookie
 * limited to the dashboard's path.
 */
export function mountQueueBoard(app: INestApplication): void {
  const auth = app.get(AuthService);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [REMINDER_QUEUE, DELIVERY_QUEUE, BULLETIN_QUEUE].map(
      (name) => new BullAdapter(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter: adapter,
  });
  const guard = (req: Request, res: Response, next: NextFunction): void => {
    const token = tokenOf(req);
    const deny = (status: number, message: string) =>
      res
        .status(status)
        .json({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message });
    if (!token) return void deny(401, '请先登录 (missing token)');
    auth
      .actorFromToken(token)
      .then((actor) => {
        if (!ALLOWED.includes(actor.role))
          return deny(403, '仅领导小组办公室和管理员可查看队列 (office and admin only)');
        if (typeof req.query.token === 'string') {
          res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_PATH });
        }
        next();
      })
      .catch(() => deny(401, '登录已失效，请重新登录 (invalid or expired token)'));
  };
  app.use(QUEUE_BOARD_PATH, guard, adapter.getRouter());
}
