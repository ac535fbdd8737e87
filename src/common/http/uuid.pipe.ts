import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids are checked before they reach the database, so a malformed one is a clear 400. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('编号格式不正确，应为 UUID (id must be a UUID)'),
});

/** The message of an `@IsUUID` check on a body or query field. */
export const uuidMessage = (field: string): string => `${field} 必须是 UUID (${field} must be a UUID)`;
