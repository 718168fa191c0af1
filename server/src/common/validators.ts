import { DATE_YEARS, isIsoDate, isIsoInstant, type YearRange } from '@generattivi/shared';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';

/** The range of an `integer` column on both engines (PostgreSQL's is 32-bit). */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

const CANONICAL_WHOLE_NUMBER = /^(0|-?[1-9][0-9]*)$/;

/**
 * A whole number written in canonical decimal (`12`; not `012`, `+12`, `1e1`, `0xc`, ` 12`)
 * within [min, max]: how path and query-string integers are read.
 */
export function isCanonicalWholeNumber(value: unknown, min: number, max: number): boolean {
  if (typeof value !== 'string' || value.length > 12 || !CANONICAL_WHOLE_NUMBER.test(value)) {
    return false;
  }
  const n = Number(value);
  return n >= min && n <= max;
}

export interface WholeNumberOptions {
  /** Default 1: ids, versions and counts start there. */
  min?: number;
  /** Default the integer column's largest value. */
  max?: number;
  each?: boolean;
}

/**
 * A whole number that fits its integer column: every integer field of every DTO uses this
 * (a test walks the DTOs), so none reaches the database out of range. The messages are
 * class-validator's, which the admin already translates.
 */
export function IsWholeNumber({
  min = 1,
  max = INT32_MAX,
  each,
}: WholeNumberOptions = {}): PropertyDecorator {
  if (min < INT32_MIN || max > INT32_MAX || min > max) {
    throw new Error(`IsWholeNumber: [${min}, ${max}] does not fit an integer column`);
  }
  return applyDecorators(IsInt({ each }), Min(min, { each }), Max(max, { each }));
}

/**
 * A query-string integer: canonical decimal text becomes a number, anything else stays as
 * sent so that `IsWholeNumber` refuses it (`0x10` and `1e3` are not read as 16 and 1000).
 */
export const ToWholeNumber = () =>
  Transform(({ value }: { value: unknown }) =>
    isCanonicalWholeNumber(value, INT32_MIN, INT32_MAX) ? Number(value) : value,
  );

/** A real calendar date written `YYYY-MM-DD`, in the years 1900–2999 unless given others. */
export const IsIsoDate = (options?: ValidationOptions, years: YearRange = DATE_YEARS) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (v) => isIsoDate(v, years),
        defaultMessage: () => 'must be a date YYYY-MM-DD',
      },
    },
    options,
  );

/**
 * An ISO 8601 instant with a time zone (`2026-11-25T10:00:00Z`): a real date and time (no
 * 2026-02-30, no T24:00), an offset within ±14:00, in the years 1900–2999 unless given others.
 */
export const IsIsoInstant = (options?: ValidationOptions, years: YearRange = DATE_YEARS) =>
  ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (v) => isIsoInstant(v, years),
        defaultMessage: () => 'must be an ISO 8601 instant such as 2026-11-25T10:00:00Z',
      },
    },
    options,
  );
