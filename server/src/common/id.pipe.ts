import { ParseIntPipe } from '@nestjs/common';
import { FieldsError } from './domain-error';

/** `:id` in a path: a positive integer, else a 400 naming it. */
export const IdPipe = new ParseIntPipe({
  exceptionFactory: () => new FieldsError({ id: 'must be a positive whole number' }),
});
