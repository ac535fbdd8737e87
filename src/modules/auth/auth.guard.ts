import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../../common/auth/actor';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from '../../common/auth/auth.decorators';
import { DomainError, ErrorCode, forbidden } from '../../common/errors/domain-error';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a bearer token unless marked @Public(); routes marked @Roles(...)
 * also need one of those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError(ErrorCode.Unauthenticated, '请先登录 (missing bearer token)');
    request.actor = await this.auth.actorFromToken(match[1]);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw forbidden(`此操作需要以下角色之一：${roles.join(', ')} (requires role: ${roles.join(', ')})`);
    }
    return true;
  }
}
