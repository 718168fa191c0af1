import { ERROR_CODES, isErrorCode, isIsoDate } from '@generattivi/shared';
import { formatBytes, formatDate, formatInstant } from './format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A code and its parameters, as an error body or one of its field errors carries them. */
export interface CodedMessage {
  code?: unknown;
  params?: unknown;
}

const statusOf = (value: string, translate: Translate) =>
  translate(`enums.pactStatus.${value}`, { _: value });

/**
 * Parameters that are values of a vocabulary (a resource, a pact type or status, a role) or
 * a quantity with its unit (a wait): said in the user's language, like the rest of the sentence.
 */
const VOCABULARY: Record<string, (value: string, translate: Translate) => string> = {
  resource: (value, translate) =>
    translate(`resources.${value}.name`, { smart_count: 1, _: value }),
  type: (value, translate) => translate(`enums.pactType.${value}`, { _: value }),
  role: (value, translate) => translate(`enums.role.${value}`, { _: value }),
  status: statusOf,
  from: statusOf,
  to: statusOf,
  seconds: (value, translate) => {
    // A wait: in seconds up to two minutes, then in whole minutes (rounded up).
    const seconds = Number(value);
    return seconds >= 120
      ? translate('app.wait.minutes', { smart_count: Math.ceil(seconds / 60) })
      : translate('app.wait.seconds', { smart_count: Math.ceil(seconds) });
  },
  allowed: (value, translate) =>
    value
      .split(', ')
      .map((status) => statusOf(status, translate))
      .join(', '),
  // The pact fields a community maker may not change (MAKER_FIELDS_ONLY), by their labels.
  fields: (value, translate) =>
    value
      .split(', ')
      .map((field) => translate(`resources.pacts.fields.${field}`, { _: field }))
      .join(', '),
  // A limit in time (NOT_BEFORE): a calendar date or an instant, written the Italian way.
  date: (value) => (isIsoDate(value) ? formatDate(value) : formatInstant(value)),
  // The largest file accepted (DOCUMENT_TOO_LARGE), in kB or MB.
  maxBytes: (value) => formatBytes(Number(value)),
  // A list parameter (QUERY_PARAM) and why it was refused.
  param: (value, translate) => translate(`app.query_params.${value}`, { _: value }),
  reason: (value, translate) => translate(`app.query_param_reasons.${value}`, { _: value }),
};

/**
 * The sentence of an error code (shared/src/errors.ts) in the user's language, its parameters
 * put in (`app.error_codes.<CODE>`). A code the admin does not know, or parameters missing,
 * leave the server's English `fallback`.
 */
export function localizeCode(coded: CodedMessage, translate: Translate, fallback: string): string {
  const { code } = coded;
  if (!isErrorCode(code)) return fallback;
  const sent = (coded.params && typeof coded.params === 'object' ? coded.params : {}) as Record<
    string,
    unknown
  >;
  const params: Record<string, unknown> = {};
  for (const name of ERROR_CODES[code]) {
    const value = sent[name];
    if (typeof value !== 'string' && typeof value !== 'number') return fallback;
    params[name] = VOCABULARY[name] ? VOCABULARY[name](String(value), translate) : value;
  }
  return translate(`app.error_codes.${code}`, { ...params, _: fallback });
}

/** An error body as the API sends it (API.md "Errors"). */
export interface CodedErrorBody extends CodedMessage {
  message?: unknown;
  errors?: Record<string, string>;
  fieldErrors?: Record<string, CodedMessage>;
}

/** Every field message of a 400 or 422 body in the user's language, from its code. */
export function localizeFieldErrors(
  body: CodedErrorBody,
  translate: Translate,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body.errors ?? {}).map(([field, message]) => [
      field,
      localizeCode(body.fieldErrors?.[field] ?? {}, translate, message),
    ]),
  );
}
