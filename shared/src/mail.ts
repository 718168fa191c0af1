/**
 * Where an outgoing mail stands: `queued` waits for its (next) attempt; `sent` went out over
 * SMTP (its body then erased); `outbox` was kept for the administrator to read, no mail
 * server being configured; `failed` ran out of attempts (kept; the administrator may retry).
 */
export const MAIL_STATUSES = ['queued', 'sent', 'outbox', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What a link to set a password is for. */
export const PASSWORD_TOKEN_PURPOSES = ['invitation', 'reset'] as const;
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

/** A message of `GET /api/mail-outbox` (ADMIN): its body is null once sent over SMTP. */
export interface MailOutboxRecord {
  id: number;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  kind: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** `POST /api/auth/password-token`: whom the link is for, to greet them. */
export interface PasswordTokenInfo {
  email: string;
  fullName: string;
  purpose: PasswordTokenPurpose;
}
