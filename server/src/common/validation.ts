import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorCode, ErrorParams, FieldError, ParamlessErrorCode } from '@generattivi/shared';
import { getMetadataStorage } from 'class-validator';
import { FieldsError } from './domain-error';
import { fieldError } from './error-body';

/**
 * The arguments each constraint of a property was declared with, by constraint name
 * (`@MaxLength(120)` → `{ maxLength: [120] }`), from class-validator's metadata of the
 * validated object's class and the classes it extends.
 */
export function constraintArguments(
  target: object | undefined,
  property: string,
): Record<string, readonly unknown[]> {
  if (typeof target !== 'object' || target === null) return {};
  const args: Record<string, readonly unknown[]> = {};
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  )) {
    // The class's own declaration first, then those it inherits: the first one counts.
    if (metadata.propertyName === property && metadata.name && !(metadata.name in args))
      args[metadata.name] = metadata.constraints ?? [];
  }
  return args;
}

/** The wording of each fiscal-code problem (shared/fiscal-code.ts), to its code. */
const FISCAL_CODE_PROBLEMS: Array<[RegExp, ParamlessErrorCode]> = [
  [/check character/, 'FISCAL_CODE_CHECK_CHARACTER'],
  [/does not exist/, 'FISCAL_CODE_BIRTH_DATE_INVALID'],
  [/does not match the birth date/, 'FISCAL_CODE_BIRTH_DATE_MISMATCH'],
  [/encoded sex/, 'FISCAL_CODE_SEX_MISMATCH'],
];

/**
 * One class-validator constraint (its name, the English message it produced and the
 * arguments it was declared with) as a code of shared's list with its parameters. The
 * parameters are the constraint's arguments; only our own wordings (blank, phone, fiscal
 * code, birth date) choose among codes by their message. Without its argument a constraint
 * is INVALID, never a code with a made-up parameter.
 */
export function constraintToFieldError(
  constraint: string,
  message: string,
  args: readonly unknown[] = [],
): FieldError {
  const of = <C extends ErrorCode>(code: C, params: ErrorParams<C>) =>
    fieldError(code, params, message);
  const [first] = args;
  const bound = <C extends 'MIN' | 'MAX' | 'MIN_LENGTH' | 'MAX_LENGTH' | 'MIN_ITEMS' | 'MAX_ITEMS'>(
    code: C,
    name: 'min' | 'max',
  ) =>
    typeof first === 'number'
      ? fieldError(code, { [name]: first } as ErrorParams<C>, message)
      : of('INVALID', {});
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
      return bound('MIN', 'min');
    case 'max':
      return bound('MAX', 'max');
    case 'minLength':
      return bound('MIN_LENGTH', 'min');
    case 'maxLength':
      return bound('MAX_LENGTH', 'max');
    case 'arrayMinSize':
      return bound('MIN_ITEMS', 'min');
    case 'arrayMaxSize':
      return bound('MAX_ITEMS', 'max');
    case 'arrayUnique':
      return of('UNIQUE_ITEMS', {});
    case 'isIn':
      return Array.isArray(first) ? of('ONE_OF', { values: first.join(', ') }) : of('INVALID', {});
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
        : typeof first === 'string'
          ? of('NOT_BEFORE', { date: first })
          : of('INVALID', {});
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
      const args = constraintArguments(error.target, error.property);
      // "property foo should not exist" → "unknown field"; "title must be…" → "must be…".
      const found = Object.entries(error.constraints).map(([key, msg]) =>
        constraintToFieldError(
          key,
          key === 'whitelistValidation'
            ? 'unknown field'
            : msg.replace(new RegExp(`^${error.property} `), ''),
          args[key],
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
    // The target (the validated object) names the class whose constraint arguments
    // become the codes' parameters; it never leaves the pipe.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new FieldsError(flattenValidationErrors(errors)),
  });
}
