import { PipeTransform } from '@nestjs/common';
import { FieldsError } from './domain-error';
import { INT32_MAX, isCanonicalWholeNumber } from './validators';
import { fieldError } from './error-body';

/**
 * `:id` in a path: canonical decimal (`^[1-9][0-9]*$`) within the integer column's range,
 * else a 400 naming it. `0x10`, `+1`, `1e3`, `0001` and ` 1` are not ids, and 0 or -1 is a
 * wrong request rather than a missing record.
 */
export const IdPipe: PipeTransform<unknown, number> = {
  transform(value: unknown): number {
    if (!isCanonicalWholeNumber(value, 1, INT32_MAX)) {
      throw new FieldsError({
        id: fieldError('POSITIVE_WHOLE_NUMBER', {}, 'must be a positive whole number'),
      });
    }
    return Number(value);
  },
};
