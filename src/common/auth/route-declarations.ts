import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * Write routes (anything but GET/HEAD/OPTIONS) that declare neither @Roles/@AnyRole nor @Public, as
 * `Controller.method`. The app refuses to start while there is one (AuthModule), so a new write route
 * cannot ship without saying who may call it.
 */
export function undeclaredWriteRoutes(controllers: Type[]): string[] {
  const undeclared: string[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      if ([RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS].includes(method)) continue;
      const declared = [handler, controller].some(
        (target) =>
          Reflect.getMetadata(ROLES, target) !== undefined || Reflect.getMetadata(IS_PUBLIC, target) === true,
      );
      if (!declared) undeclared.push(`${controller.name}.${name}`);
    }
  }
  return undeclared;
}
