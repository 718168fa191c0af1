import { STATUS_CODES } from 'node:http';

/** The one error body of the API (API.md "Errors"), shaped for react-admin. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field → message, for 400s about fields (react-admin shows them beside inputs). */
  errors?: Record<string, string>;
  /** A stable machine-readable code for domain errors. */
  code?: string;
  [extra: string]: unknown;
}

export function errorBody(
  statusCode: number,
  message: string,
  extra: Omit<Partial<ErrorBody>, 'statusCode' | 'message'> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

/** Builds the sentence that lists every offending field: "a: x; b: y". */
export function fieldsMessage(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, msg]) => `${field}: ${msg}`)
    .join('; ');
}
