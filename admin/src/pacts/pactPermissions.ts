import { isPactClosed, type PactStatus, type Role } from '@generattivi/shared';

/**
 * Which pact buttons a role sees for a pact in a status (DOMAIN.md "Who may do what").
 * The server stays authoritative (territories, assignment); this only hides what would
 * certainly be refused. Transitions come from the shared state machine (`allowedTransitions`).
 */
const CASE_MANAGERS: readonly unknown[] = ['ADMIN', 'SOCIAL_WORKER'];

/** ADMIN and SOCIAL_WORKER edit open pacts; a COMMUNITY_MAKER co-designs DRAFTs. */
export function canEditPact(role: Role | undefined, status: PactStatus): boolean {
  if (CASE_MANAGERS.includes(role)) return !isPactClosed(status);
  return role === 'COMMUNITY_MAKER' && status === 'DRAFT';
}

/** ADMIN and SOCIAL_WORKER assign a community maker while the pact is open. */
export function canAssignMaker(role: Role | undefined, status: PactStatus): boolean {
  return CASE_MANAGERS.includes(role) && !isPactClosed(status);
}

/** Milestones of a closed pact are read-only; managers only read. */
export function canWriteMilestones(role: Role | undefined, status: PactStatus): boolean {
  return role !== undefined && role !== 'MANAGER' && !isPactClosed(status);
}

/** Diary notes may be added even to a closed pact; managers only read. */
export function canAddNote(role: Role | undefined): boolean {
  return role !== undefined && role !== 'MANAGER';
}

/** The audit trail is for ADMIN and MANAGER. */
export function canSeeAudit(role: Role | undefined): boolean {
  return role === 'ADMIN' || role === 'MANAGER';
}
