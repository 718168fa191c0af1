/**
 * The audit trail's vocabulary: every action the server writes, a closed list the admin words.
 */

/**
 * `create`, `update`, `delete`: a record written; `role_change`: a user's role changed (with
 * any other field); `transition`: a pact's status; `assign`: a community maker given a pact;
 * `hand_over`: a pact passed on with a caseload;
 * `anonymise`: a person's identity, contacts, notes and documents erased, with the reason; `export`: a report or a pact's PDF taken
 * out; `login`, `login_failed`, `logout`: sessions; `invitation`: a link to set a first
 * password mailed; `password_reset_request`: a reset link asked for (of an unknown address,
 * only a pseudonym); `password_set`: a password set through a link; `password_change`: one's
 * own password changed; `mail_retry`: a failed mail queued again.
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
  'invitation',
  'password_reset_request',
  'password_set',
  'password_change',
  'mail_retry',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What a personal field of an audit event reads as once its person was forgotten: the
 * field was kept encrypted with a key of that person, and the key was destroyed.
 */
export const ERASED_PERSONAL_DATA = 'dato cancellato';
