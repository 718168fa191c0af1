import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map as mapAnswer } from 'rxjs';
import { contentRange, ListResult, RawListParams } from './list-query';

/** The longest `filter`, `sort` and `range` a list takes (characters). */
export const LIST_QUERY_MAX_LENGTH = { filter: 20_000, sort: 200, range: 100 } as const;

/** The query string of a list: JSON in `filter`, `sort` and `range` (react-admin simple REST). */
export class ListQueryDto implements RawListParams {
  @ApiPropertyOptional({
    description:
      'JSON object: field equality, arrays for "any of", `q`, `<field>_gte`/`_lte`. `q`: free text, every word must occur (case- and accent-insensitive substring) in one search column; words under 3 characters are ignored, and a `q` with no longer word is a 400.',
    example: '{"status":["ACTIVE","SUSPENDED"]}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIST_QUERY_MAX_LENGTH.filter)
  filter?: string;

  @ApiPropertyOptional({ description: 'JSON `["field","ASC"|"DESC"]`', example: '["id","DESC"]' })
  @IsOptional()
  @IsString()
  @MaxLength(LIST_QUERY_MAX_LENGTH.sort)
  sort?: string;

  @ApiPropertyOptional({
    description: 'JSON `[start,end]`, inclusive, at most 1000 rows',
    example: '[0,24]',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIST_QUERY_MAX_LENGTH.range)
  range?: string;
}

/**
 * The query string as ListQueryDto takes it without a word (no other key, each a string within
 * its length), else undefined: what the validation pipe would let through unchanged.
 */
export function plainListQuery(query: unknown): RawListParams | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  for (const [key, value] of Object.entries(query)) {
    const max = (LIST_QUERY_MAX_LENGTH as Record<string, number | undefined>)[key];
    if (max === undefined || typeof value !== 'string' || value.length > max) return undefined;
  }
  return query as RawListParams;
}

/** Sets `Content-Range` and returns the page's rows. */
export function sendList<R, T = R>(
  reply: FastifyReply,
  resource: string,
  result: ListResult<R>,
  map?: (row: R) => T,
): T[] {
  // The reply is thenable (it settles once sent); header() itself is synchronous.
  void reply.header(
    'Content-Range',
    contentRange(resource, result.start, result.rows.length, result.total),
  );
  return map ? result.rows.map(map) : (result.rows as unknown as T[]);
}

/** The page with its rows turned into what the API answers (records). */
export function mapList<R, T>(result: ListResult<R>, map: (row: R) => T): ListResult<T> {
  return { ...result, rows: result.rows.map(map) };
}

/**
 * On a list route (`Route.list`): the handler returns the page (`ListResult`), the answer is
 * its rows with `Content-Range` set (`sendList`).
 */
export function listAnswer(resource: string): NestInterceptor {
  return {
    intercept(context: ExecutionContext, next: CallHandler) {
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      return next
        .handle()
        .pipe(mapAnswer((result: ListResult<unknown>) => sendList(reply, resource, result)));
    },
  };
}
