import { applyDecorators, Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { IsWholeNumber } from './validators';

/**
 * react-admin sends whole records back, so a write DTO must let the server-owned fields
 * through the whitelist; the services then refuse them on create and ignore them in PUT
 * when unchanged (versioned-update.ts). This adds those fields, documented, to a DTO.
 */
export function WithReadOnlyFields<T>(
  Base: Type<T>,
  fields: readonly string[],
  note = 'read-only',
): Type<T> {
  class WithReadOnly extends (Base as Type<object>) {}
  for (const field of fields) {
    // The value may be of any type: tell the OpenAPI explorer so (no design-time type exists).
    Reflect.defineMetadata('design:type', Object, WithReadOnly.prototype, field);
    Allow()(WithReadOnly.prototype, field);
    ApiPropertyOptional({
      description: note,
      nullable: true,
      oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }],
    })(WithReadOnly.prototype, field);
  }
  Object.defineProperty(WithReadOnly, 'name', { value: `${Base.name}WithReadOnly` });
  return WithReadOnly as Type<T>;
}

/** What every record carries and no write sets (API.md). */
const RECORD_READ_ONLY = ['id', 'createdAt', 'updatedAt'] as const;

/** The body of a create: `Fields`; the record's read-only fields, `version` and `readOnly` refused. */
export function CreateBody<T>(Fields: Type<T>, readOnly: readonly string[] = []): Type<T> {
  return WithReadOnlyFields(
    Fields,
    [...RECORD_READ_ONLY, 'version', ...readOnly],
    'read-only: refused on create',
  );
}

/**
 * The body of an update: `Fields` and the `version` read (a stale one is a 409); the record's
 * read-only fields and `readOnly` ignored when unchanged.
 */
export function UpdateBody<T>(
  Fields: Type<T>,
  readOnly: readonly string[] = [],
): Type<T & { version: number }> {
  class Versioned extends (Fields as Type<object>) {
    @ApiProperty({ description: 'the version you read; a stale one is a 409' })
    @IsWholeNumber()
    version!: number;
  }
  return WithReadOnlyFields(
    Versioned as Type<T & { version: number }>,
    [...RECORD_READ_ONLY, ...readOnly],
    'read-only: ignored when unchanged',
  );
}

/** A server-owned field an update may send back: let through, ignored when unchanged. */
export const ReadOnly = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'read-only: ignored when unchanged' }),
    Allow(),
  );
