import { STATUS_CODES } from 'node:http';
import type { ErrorCode, ErrorParams, FieldError } from '@generattivi/shared';

/** The one error body of the API (API.md "Errors"), shaped for react-admin. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A stable code from shared's ERROR_CODES; the admin words it in the user's language. */
  code: ErrorCode;
  /** The code's parameters, by name. */
  params: Record<string, string | number>;
  /** Field → English message, for 400s about fields (react-admin shows them beside inputs). */
  errors?: Record<string, string>;
  /** Field → its code and parameters, the same fields as `errors`. */
  fieldErrors?: Record<string, FieldError>;
  [extra: string]: unknown;
}

export function errorBody<C extends ErrorCode>(
  statusCode: number,
  code: C,
  params: ErrorParams<C>,
  message: string,
  extra: Omit<Partial<ErrorBody>, 'statusCode' | 'message' | 'code' | 'params'> = {},
): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    code,
    params,
    ...extra,
  };
}

/** A field error: the code, its parameters, and the English wording react-admin falls back to. */
export function fieldError<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  message: string,
): FieldError<C> {
  return { code, params, message };
}

/** Builds the sentence that lists every offending field: "a: x; b: y". */
export function fieldsMessage(errors: Record<string, { message: string }>): string {
  return Object.entries(errors)
    .map(([field, { message }]) => `${field}: ${message}`)
    .join('; ');
}

/** The `errors` (field → English) and `fieldErrors` (field → code) of a body. */
export function fieldsOf(errors: Record<string, FieldError>): {
  errors: Record<string, string>;
  fieldErrors: Record<string, FieldError>;
} {
  return {
    errors: Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, e.message])),
    fieldErrors: errors,
  };
}
