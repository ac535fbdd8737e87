import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, ALL_ROLES, Role } from './actor';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. Every write route must say who may call it (route-declarations.ts). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** Any logged-in role may call the route (each acts on what is its own, e.g. its inbox). */
export const AnyRole = (): MethodDecorator & ClassDecorator => Roles(...ALL_ROLES);

export type AuthenticatedRequest = Request & { actor?: Actor };

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
