/**
 * In-app notifications and the e-mail digest preference of each person.
 */
import type { Role } from './enums';

/** What a notification tells: a pact was assigned to the reader, or sent back to draft. */
export const NOTIFICATION_KINDS = ['PACT_ASSIGNED', 'PACT_SENT_BACK'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A notification as the API serves it to its reader (`GET /notifications`). `pactId` and
 * `reference` are null when the reader no longer sees the pact (its assignment ended, a
 * territory taken away): the notification stays, without naming the pact.
 */
export interface NotificationRecord {
  id: number;
  kind: NotificationKind;
  pactId: number | null;
  reference: string | null;
  createdAt: string;
  readAt: string | null;
}

/** How often a person receives the e-mail digest of what needs attention. */
export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * The digest a new account gets until its owner chooses: a social worker follows the
 * deadlines of their territories day by day (daily); a community maker, with a few pacts,
 * and a manager, who oversees rather than acts on each pact, once a week (weekly); the
 * administrator runs accounts and settings and sees every pact, so a summary of the whole
 * region would be noise (none).
 */
export function defaultDigestFrequency(role: Role): DigestFrequency {
  switch (role) {
    case 'SOCIAL_WORKER':
      return 'daily';
    case 'COMMUNITY_MAKER':
    case 'MANAGER':
      return 'weekly';
    default:
      return 'none';
  }
}

/** The caller's own profile (`GET /profile`). */
export interface ProfileRecord {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  digestFrequency: DigestFrequency;
}

/** `GET /profile/digest-preview`: what today's digest would say; `empty`: nothing to send. */
export interface DigestPreview {
  empty: boolean;
  subject: string | null;
  text: string | null;
}
