/**
 * The audit trail's vocabulary: every action the server writes, a closed list the admin words.
 */

/**
 * `create`, `update`, `delete`: a record written; `role_change`: a user's role changed (with
 * any other field); `transition`: a pact's status; `assign`: a community maker given a pact;
 * `hand_over`: a pact passed on with a caseload;
 * `anonymise`: a person's identity, contacts, notes and documents erased, with the reason; `export`: a report or a pact's PDF taken
 * out; `login`, `login_failed`, `logout`: sessions.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'role_change',
  'transition',
  'assign',
  'hand_over',
  'anonymise',
  'export',
  'login',
  'login_failed',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What a personal field of an audit event reads as once its person was forgotten: the
 * field was kept encrypted with a key of that person, and the key was destroyed.
 */
export const ERASED_PERSONAL_DATA = 'dato cancellato';
