import { BadRequestException, PipeTransform } from '@nestjs/common';

/**
 * For a POST that takes no input: a body with anything in it (fields, an array, a scalar) is refused rather
 * than silently ignored, as the validation pipe refuses unknown fields elsewhere. Use as `@Body(noBody)`.
 */
export const noBody: PipeTransform<unknown, undefined> = {
  transform(value: unknown): undefined {
    const empty =
      value === undefined ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 0);
    if (!empty) throw new BadRequestException('此接口不接受请求参数 (this route takes no body)');
    return undefined;
  },
};
