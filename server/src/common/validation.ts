import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorCode, ErrorParams, FieldError, ParamlessErrorCode } from '@generattivi/shared';
import { FieldsError } from './domain-error';
import { fieldError } from './error-body';

/** The last number of a class-validator message ("must not be greater than 10" → 10). */
const numberIn = (message: string): number => Number(/(-?\d+(?:\.\d+)?)\D*$/.exec(message)?.[1]);

/** The wording of each fiscal-code problem (shared/fiscal-code.ts), to its code. */
const FISCAL_CODE_PROBLEMS: Array<[RegExp, ParamlessErrorCode]> = [
  [/check character/, 'FISCAL_CODE_CHECK_CHARACTER'],
  [/does not exist/, 'FISCAL_CODE_BIRTH_DATE_INVALID'],
  [/does not match the birth date/, 'FISCAL_CODE_BIRTH_DATE_MISMATCH'],
  [/encoded sex/, 'FISCAL_CODE_SEX_MISMATCH'],
];

/**
 * One class-validator constraint (its name and the English message it produced) as a code
 * of shared's list with its parameters. The parameters of the stock constraints are read
 * from their message: the pipe is given neither the value nor the constraint's arguments.
 */
export function constraintToFieldError(constraint: string, message: string): FieldError {
  const of = <C extends ErrorCode>(code: C, params: ErrorParams<C>) =>
    fieldError(code, params, message);
  switch (constraint) {
    case 'whitelistValidation':
      return of('UNKNOWN_FIELD', {});
    case 'isDefined':
    case 'isNotEmpty':
      return of('REQUIRED', {});
    case 'isEmpty':
      return of('READ_ONLY_ON_CREATE', {});
    case 'isString':
      return of('NOT_STRING', {});
    case 'isInt':
      return of('NOT_INTEGER', {});
    case 'isNumber':
      return of('NOT_NUMBER', {});
    case 'isBoolean':
      return of('NOT_BOOLEAN', {});
    case 'isArray':
      return of('NOT_ARRAY', {});
    case 'isObject':
    case 'nestedValidation':
      return of('NOT_OBJECT', {});
    case 'min':
      return of('MIN', { min: numberIn(message) });
    case 'max':
      return of('MAX', { max: numberIn(message) });
    case 'minLength':
      return of('MIN_LENGTH', { min: numberIn(message) });
    case 'maxLength':
      return of('MAX_LENGTH', { max: numberIn(message) });
    case 'arrayMinSize':
      return of('MIN_ITEMS', { min: numberIn(message) });
    case 'arrayMaxSize':
      return of('MAX_ITEMS', { max: numberIn(message) });
    case 'arrayUnique':
      return of('UNIQUE_ITEMS', {});
    case 'isIn':
    case 'isEnum':
      return of('ONE_OF', {
        values: /one of(?: the following values:)? (.*)$/.exec(message)?.[1] ?? '',
      });
    case 'isEmail':
      return of('EMAIL', {});
    case 'matches':
      return /not be blank/.test(message)
        ? of('NOT_BLANK', {})
        : /phone number/.test(message)
          ? of('PHONE', {})
          : of('PATTERN', {});
    case 'isIsoDate':
      return of('DATE', {});
    case 'isIsoInstant':
      return of('INSTANT', {});
    case 'isEuroAmount':
      return of('EUROS', {});
    case 'isHardToGuess':
      return of('WEAK_PASSWORD', {});
    case 'isPlausibleBirthDate':
      return /future/.test(message)
        ? of('NOT_FUTURE', {})
        : of('NOT_BEFORE', { date: message.split(' ').pop() ?? '' });
    case 'isFiscalCodeOfPerson':
      return of(
        FISCAL_CODE_PROBLEMS.find(([re]) => re.test(message))?.[1] ?? 'FISCAL_CODE_FORMAT',
        {},
      );
    default:
      return of('INVALID', {});
  }
}

/** The codes of a wrong type or presence: when one field breaks several constraints, these lead. */
const TYPE_CODES = new Set<ErrorCode>([
  'UNKNOWN_FIELD',
  'REQUIRED',
  'NOT_STRING',
  'NOT_INTEGER',
  'NOT_NUMBER',
  'NOT_BOOLEAN',
  'NOT_ARRAY',
  'NOT_OBJECT',
]);

/** Flattens class-validator's tree into `{ "field.sub": {code, params, message} }`. */
export function flattenValidationErrors(
  errors: ValidationError[],
  prefix = '',
): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // "property foo should not exist" → "unknown field"; "title must be…" → "must be…".
      const found = Object.entries(error.constraints).map(([key, msg]) =>
        constraintToFieldError(
          key,
          key === 'whitelistValidation'
            ? 'unknown field'
            : msg.replace(new RegExp(`^${error.property} `), ''),
        ),
      );
      // A wrong type says the most (a number is not "too long"); the message names them all.
      const first = found.find((f) => TYPE_CODES.has(f.code)) ?? found[0];
      out[path] = { ...first, message: found.map((f) => f.message).join(', ') };
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/**
 * Leaves path parameters as the text that was sent: the route's own pipe reads them
 * (`IdPipe`); the stock conversion (`+value`) would turn `0x10`, `1e3` and ` 1` into ids.
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The global pipe: unknown fields and wrong types are a 400 naming every field. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldsError(flattenValidationErrors(errors)),
  });
}
