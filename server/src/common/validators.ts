import { isIsoDate } from '@generattivi/shared';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD`. */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (v) => isIsoDate(v),
        defaultMessage: () => 'must be a date YYYY-MM-DD',
      },
    },
    options,
  );

/** An ISO 8601 instant with a time zone (`2026-11-25T10:00:00Z`). */
export const IsIsoInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (v) =>
          typeof v === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
          !Number.isNaN(Date.parse(v)),
        defaultMessage: () => 'must be an ISO 8601 instant such as 2026-11-25T10:00:00Z',
      },
    },
    options,
  );
