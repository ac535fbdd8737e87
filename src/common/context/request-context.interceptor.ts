import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { requestIdOf } from '../http/request-id.middleware';
import { runInRequestContext } from './request-context';

/** `TasksController.accept` → `tasks.accept`; `ProgressReportsController.review` → `progressReports.review`. */
export function actionName(controller: string, handler: string): string {
  const base = controller.replace(/Controller$/, '');
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}.${handler}`;
}

/**
 * Runs each route handler inside its request's context (request id, caller, action), so that the audit
 * log can name them wherever a row is written. An interceptor, not a middleware: it runs after the guard
 * has identified the caller, and body parsing cannot lose the async context on the way.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const store = {
      requestId: requestIdOf(req) ?? null,
      ip: req.ip ?? null,
      actor: req.actor ?? null,
      action: actionName(context.getClass().name, context.getHandler().name),
    };
    return new Observable((subscriber) =>
      runInRequestContext(store, () => next.handle().subscribe(subscriber)),
    );
  }
}
