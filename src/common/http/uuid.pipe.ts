import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids are checked before they reach the database, so a malformed one is a clear 400. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('编号格式不正确，应为 UUID (id must be a UUID)'),
});
