/**
 * Every error code the API sends, each with the names of its parameters: the closed list the
 * server throws from and the admin translates from (a test checks both catalogues have each
 * code with the same parameters). Codes of a whole answer (`body.code`) and of one field
 * (`body.fieldErrors[field].code`) share the list.
 */
export const ERROR_CODES = {
  // ── Whole answers ──────────────────────────────────────────────────────────────
  /** 400: fields are wrong; each in `errors` / `fieldErrors`. */
  VALIDATION: [],
  /** 400: `filter`, `sort`, `range` or `q` of a list is wrong; each in `fieldErrors`. */
  LIST_QUERY: [],
  /** 400: the body is not JSON. */
  MALFORMED_JSON: [],
  EMPTY_JSON_BODY: [],
  /** 413. */
  BODY_TOO_LARGE: ['maxBytes'],
  /** 413: an uploaded document is over `maxBytes`. */
  DOCUMENT_TOO_LARGE: ['maxBytes'],
  /** 422: an export would hold more than `maxRows` rows: narrow the filters. */
  EXPORT_TOO_LARGE: ['maxRows'],
  /** 413: a spreadsheet to import over `maxBytes` or holding more than `maxRows` rows. */
  IMPORT_TOO_LARGE: ['maxBytes', 'maxRows'],
  /** 413: an XLSX to import unzips to more than `maxBytes` (in all, or its shared strings). */
  IMPORT_UNZIPPED_TOO_LARGE: ['maxBytes'],
  /** 400: the file to import is neither CSV nor XLSX, or it is damaged. */
  IMPORT_UNREADABLE: [],
  /** 400: the file to import holds no row of data. */
  IMPORT_NO_ROWS: [],
  /** 404: no import job of this number that the caller started. */
  IMPORT_NOT_FOUND: ['id'],
  /** 409: the report of an import is ready once the import has finished. */
  IMPORT_NOT_FINISHED: ['status'],
  /** 409: an import's file and report are kept `days` days, or until a person in it is anonymised. */
  IMPORT_FILE_ERASED: ['days'],
  /** 415. */
  UNSUPPORTED_MEDIA_TYPE: [],
  /** 415: an uploaded document is none of the accepted types (`types`: PDF, JPEG, PNG, WebP). */
  DOCUMENT_TYPE_UNSUPPORTED: ['types'],
  CONTENT_LENGTH_MISMATCH: [],
  /** Any other refusal of the HTTP layer, by status. */
  BAD_REQUEST: [],
  /** 400: the `Idempotency-Key` header (`header`) is not a UUID. */
  IDEMPOTENCY_KEY_INVALID: ['header'],
  /** 401: no valid token. */
  UNAUTHORIZED: [],
  /** 401: the login failed. */
  BAD_CREDENTIALS: [],
  /** 403: the role may not use this route. */
  FORBIDDEN: [],
  ROLE_FORBIDDEN: ['role'],
  NOT_IN_TERRITORY: ['territory'],
  MANAGER_READ_ONLY: [],
  MAKER_EDITS_DRAFTS_ONLY: [],
  MAKER_FIELDS_ONLY: ['fields'],
  PACT_DELETE_FORBIDDEN: [],
  ASSIGN_FORBIDDEN: [],
  LAB_NOT_IN_TERRITORY: [],
  /** 403: a social worker manages the templates of their territories, not the common ones. */
  TEMPLATE_NOT_IN_TERRITORY: [],
  CIVIC_CENTER_NOT_IN_TERRITORY: [],
  /** 403: a community maker adds only evidence to the pacts (and milestones) assigned to them. */
  MAKER_EVIDENCE_ONLY: [],
  /** 403: the pact is closed (`status`): its community maker no longer reads the people it names. */
  ASSIGNMENT_ENDED: ['status'],
  /** 404: a record. */
  NOT_FOUND: ['resource', 'id'],
  /** 404: no such route. */
  ROUTE_NOT_FOUND: ['method', 'path'],
  ADMIN_NOT_BUILT: [],
  /** 405. */
  APPEND_ONLY: [],
  METHOD_NOT_ALLOWED: [],
  /** 409. */
  VERSION_CONFLICT: ['sent', 'current'],
  DUPLICATE_CODE: ['code'],
  DUPLICATE_EMAIL: [],
  DUPLICATE_FISCAL_CODE: ['fiscalCode'],
  /** 409: the person was anonymised: their record is no longer edited, nor named by an open pact. */
  BENEFICIARY_ANONYMISED: [],
  /** 409: the person still has open pacts (`references`): they are closed before anonymising. */
  ANONYMISE_OPEN_PACTS: ['references'],
  /** 409: the document's content was erased when its person was anonymised. */
  DOCUMENT_ERASED: [],
  /**
   * 409: the fiscal code is held by a person outside the caller's scope; the answer neither
   * names the code nor says where the person is, and the administrator gets an alert.
   */
  FISCAL_CODE_UNAVAILABLE: [],
  /** 409: the possible duplicate was already marked resolved (by someone else meanwhile). */
  POSSIBLE_DUPLICATE_RESOLVED: [],
  /** The caller already has a saved filter of that name for that list. */
  DUPLICATE_SAVED_FILTER: ['name'],
  TOO_MANY_SAVED_FILTERS: ['max'],
  OPEN_PACT_EXISTS: ['type'],
  PACT_CLOSED: ['status'],
  /** The database refused a change to a closed pact's milestones or assignments. */
  PACT_CLOSED_CHILDREN: [],
  PACT_NOT_DRAFT: [],
  PACT_NOT_DRAFT_DELETE: ['status'],
  MILESTONE_DELETE_NOT_DRAFT: [],
  ALREADY_ASSIGNED: ['userId'],
  TRANSITION_NOT_ALLOWED: ['from', 'to', 'allowed'],
  REFERENCED: ['resource', 'id', 'count'],
  REFERENCED_MEANWHILE: ['resource', 'id'],
  PACT_HAS_NOTES: [],
  /** Documents (`count`) are attached to the record to delete: they are deleted first. */
  HAS_DOCUMENTS: ['count'],
  /** The only SIGNED_PACT document of an approved pact is kept: another is uploaded first. */
  LAST_SIGNED_PACT: [],
  TERRITORY_REFERENCED: ['id'],
  DEPENDENCY_CHANGED: [],
  USER_NOT_DELETABLE: ['id'],
  HOUSEHOLD_HAS_MEMBERS: ['id', 'members'],
  /** A user still holding `count` open pacts cannot be deactivated: hand them over first. */
  USER_HOLDS_OPEN_PACTS: ['count'],
  /** Pacts (`references`) named in a hand-over are not open pacts held by the user handing over. */
  HAND_OVER_NOT_HELD: ['references'],
  DATABASE_BUSY: [],
  /** The same `Idempotency-Key` is still being answered (by this or another instance). */
  IDEMPOTENCY_IN_PROGRESS: ['seconds'],
  /** 409: an invitation is not sent to a deactivated account. */
  USER_INACTIVE: [],
  /** 409: only a message that failed (or still waits) is sent again (`status`: its status). */
  MAIL_NOT_RETRIABLE: ['status'],
  /** 400: the link to set a password is wrong (mistyped, or replaced by a newer one). */
  PASSWORD_TOKEN_INVALID: [],
  /** 410: the link to set a password has expired. */
  PASSWORD_TOKEN_EXPIRED: [],
  /** 410: the link to set a password was already used. */
  PASSWORD_TOKEN_USED: [],
  /** 422. */
  NOT_ELIGIBLE: [],
  /** The `Idempotency-Key` was used by the same user for a different request. */
  IDEMPOTENCY_KEY_REUSED: [],
  APPROVAL_REQUIREMENTS: [],
  /** Pacts (`references`) of a hand-over are of a territory the receiver does not work in. */
  HAND_OVER_OTHER_TERRITORY: ['references', 'user'],
  /** 422 (and the field `documents`): approval needs a SIGNED_PACT document of the pact. */
  SIGNED_PACT_MISSING: [],
  /** 429. */
  ACCOUNT_LOCKED: ['seconds'],
  /** 429: too many password reset requests for this address or from this client. */
  PASSWORD_RESET_RATE_LIMITED: ['seconds'],
  ACCOUNT_BACKOFF: ['seconds'],
  LOGIN_RATE_LIMITED: ['seconds'],
  TOO_MANY_REQUESTS: [],
  /** 500. */
  INTERNAL: ['requestId'],
  /** 503. */
  BUSY: ['seconds'],
  SERVICE_UNAVAILABLE: [],

  // ── One field ──────────────────────────────────────────────────────────────────
  UNKNOWN_FIELD: [],
  REQUIRED: [],
  NOT_BLANK: [],
  NOT_STRING: [],
  NOT_INTEGER: [],
  NOT_NUMBER: [],
  NOT_BOOLEAN: [],
  NOT_ARRAY: [],
  NOT_OBJECT: [],
  POSITIVE_WHOLE_NUMBER: [],
  MIN: ['min'],
  MAX: ['max'],
  MIN_LENGTH: ['min'],
  MAX_LENGTH: ['max'],
  MIN_ITEMS: ['min'],
  MAX_ITEMS: ['max'],
  UNIQUE_ITEMS: [],
  ONE_OF: ['values'],
  EMAIL: [],
  PHONE: [],
  PATTERN: [],
  DATE: [],
  INSTANT: [],
  EUROS: [],
  NOT_BEFORE: ['date'],
  NOT_FUTURE: [],
  /** An uploaded file with no bytes. */
  EMPTY_FILE: [],
  /** Imports: a required column (`column`) the file lacks. */
  IMPORT_COLUMN_MISSING: ['column'],
  /** Imports: a heading (`column`) that matches no column, ignored. */
  IMPORT_COLUMN_IGNORED: ['column'],
  /** Imports: a heading (`column`) that matches no column, but looks like `suggestion`. */
  IMPORT_COLUMN_MISSPELLED: ['column', 'suggestion'],
  /** Imports: the row's key (fiscal code, external code) is on an earlier row (`line`) too. */
  IMPORT_DUPLICATE_ROW: ['line'],
  /** Imports: no record has the external code `code` (a household of the beneficiary's row). */
  IMPORT_NO_SUCH_CODE: ['code'],
  /** Imports: no person the importer sees has the fiscal code `fiscalCode` (a pact's row). */
  IMPORT_NO_SUCH_PERSON: ['fiscalCode'],
  /** Imports: no account has the email `email` (a pact's community maker or social worker). */
  IMPORT_NO_SUCH_USER: ['email'],
  /** Imports: an ACTIVE pact's row fails an eligibility rule, `reason` its Italian message. */
  IMPORT_NOT_ELIGIBLE: ['reason'],
  /** Imports: the pact is already `status` (its Italian name); a row does not change it. */
  IMPORT_STATUS_FIXED: ['status'],
  /** Imports: the external code `code` is a pact's the importer does not see (another district). */
  IMPORT_CODE_TAKEN: ['code'],
  /** Imports: a pact's row gives milestone `n`'s title twice (a re-import matches them by title). */
  IMPORT_SAME_MILESTONE: ['n'],
  /** The current password given to change it is wrong. */
  CURRENT_PASSWORD_WRONG: [],
  /** The new password is the current one. */
  PASSWORD_UNCHANGED: [],
  AFTER_START: [],
  READ_ONLY: [],
  READ_ONLY_ON_CREATE: [],
  REQUIRED_FOR_TYPE: ['type'],
  REQUIRED_WHEN_VULNERABLE: [],
  NOT_MUNICIPALITY_OF: ['territory'],
  UNKNOWN_TERRITORY: [],
  NO_SUCH_RECORD: ['resource', 'id'],
  HOUSEHOLD_OTHER_TERRITORY: ['id'],
  SOCIAL_WORKER_OF_TERRITORY: [],
  MAKER_OF_TERRITORY: [],
  MAKERS_OF_TERRITORY: ['ids', 'territory'],
  LAB_OF_TERRITORY: [],
  /** A template's milestone due after the template's duration (`durationDays`). */
  MILESTONE_AFTER_DURATION: ['durationDays'],
  /** The template is of another pact type (`type`: the template's). */
  TEMPLATE_OTHER_TYPE: ['type'],
  /** The template is for another territory (`territory`: the template's). */
  TEMPLATE_OTHER_TERRITORY: ['territory'],
  /** A pact made from a template needs its start date: the milestones are dated from it. */
  REQUIRED_WITH_TEMPLATE: [],
  /** A hand-over's receiver: another active user of the giver's role. */
  HAND_OVER_RECEIVER: [],
  /** A hand-over's giver: a community maker or a social worker. */
  HAND_OVER_GIVER: [],
  /** A hand-over of a user who holds no open pact. */
  NOTHING_TO_HAND_OVER: [],
  ACHIEVED_DATE_ONLY_WHEN_ACHIEVED: [],
  SELF_CHANGE: [],
  WEAK_PASSWORD: [],
  FISCAL_CODE_FORMAT: [],
  FISCAL_CODE_CHECK_CHARACTER: [],
  FISCAL_CODE_BIRTH_DATE_INVALID: [],
  FISCAL_CODE_BIRTH_DATE_MISMATCH: [],
  FISCAL_CODE_SEX_MISMATCH: [],
  /** Transition refusals about one field (checkTransition). */
  REASON_REQUIRED: [],
  OUTCOME_REQUIRED: [],
  OUTCOME_INVALID: [],
  OPEN_MILESTONES_DECISION_REQUIRED: ['count', 'titles'],
  OPEN_MILESTONES_INVALID: [],
  /** Approval requirements (approvalRequirements). */
  NO_COMMUNITY_MAKER: [],
  NO_MILESTONE: [],
  NO_START_DATE: [],
  NO_PLANNED_END_DATE: [],
  /**
   * List queries: one parameter (`filter`, `sort` or `range`) and why it was refused, one of
   * QUERY_PARAM_REASONS; the server's message has the details.
   */
  QUERY_PARAM: ['param', 'reason'],
  SEARCH_TOO_SHORT: ['min'],
  /** Input limits. */
  TOO_DEEP: ['max'],
  NUL_CHARACTER: [],
  /** A constraint the list does not name yet: the message is the server's. */
  INVALID: [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Why a list parameter was refused: QUERY_PARAM's `reason` (the admin words each). */
export const QUERY_PARAM_REASONS = [
  /** Given more than once in the query string. */
  'REPEATED',
  /** Not JSON text, or malformed JSON. */
  'NOT_JSON',
  /** JSON of the wrong shape: not an object (`filter`), not a pair (`sort`, `range`). */
  'SHAPE',
  /** A field the list does not have, or may not be filtered or sorted on. */
  'UNKNOWN_FIELD',
  /** A value of the wrong type for its field. */
  'VALUE',
  /** An "any of" list longer than a page. */
  'TOO_MANY_VALUES',
  /** `_gte` / `_lte` on a field that takes no ranges. */
  'NO_RANGE',
  /** The sort order is not ASC or DESC. */
  'SORT_ORDER',
  /** `range` bounds that are not whole numbers, negative, or reversed. */
  'RANGE_BOUNDS',
  /** More rows than a page may have. */
  'PAGE_TOO_LARGE',
  /** A search text too long, or of too many words. */
  'SEARCH_TOO_LONG',
  /** A filter on a value the caller sees masked. */
  'MASKED_FIELD',
] as const;
export type QueryParamReason = (typeof QUERY_PARAM_REASONS)[number];

/** The parameters of one code, by name (for a union of codes: the parameters of one of them). */
export type ErrorParams<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? { [P in (typeof ERROR_CODES)[C][number]]: string | number }
  : never;

/** A code and its parameters: what a body and each of its field errors carry. */
export type CodedError<C extends ErrorCode = ErrorCode> = {
  [K in C]: { code: K; params: ErrorParams<K> };
}[C];

/** A field error: its code, parameters and the server's English wording. */
export type FieldError<C extends ErrorCode = ErrorCode> = CodedError<C> & { message: string };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** The codes that take no parameters. */
export type ParamlessErrorCode = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['length'] extends 0 ? C : never;
}[ErrorCode];
