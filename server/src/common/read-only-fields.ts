import { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

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
