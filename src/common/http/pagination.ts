import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Type(() => Number)
  @IsInt({ message: 'page 必须是正整数 (page must be a positive integer)' })
  @Min(1, { message: 'page 必须是正整数 (page must be a positive integer)' })
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @Type(() => Number)
  @IsInt({
    message: `pageSize 必须是 1–${MAX_PAGE_SIZE} 的整数 (pageSize must be an integer 1–${MAX_PAGE_SIZE})`,
  })
  @Min(1, {
    message: `pageSize 必须是 1–${MAX_PAGE_SIZE} 的整数 (pageSize must be an integer 1–${MAX_PAGE_SIZE})`,
  })
  @Max(MAX_PAGE_SIZE, {
    message: `pageSize 不能超过 ${MAX_PAGE_SIZE} (pageSize must be at most ${MAX_PAGE_SIZE})`,
  })
  pageSize = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
