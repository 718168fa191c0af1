import { isAllowed, isPactClosed, type PactStatus, type Role } from '@generattivi/shared';

/**
 * Which pact buttons a role sees for a pact in a status: the shared permission table
 * (`PERMISSIONS`) and the rules that depend on the pact's status. The server stays
 * authoritative (territories, assignment); this only hides what would certainly be refused.
 * Transitions come from the shared state machine (`allowedTransitions`).
 */

/** Open pacts are edited; a COMMUNITY_MAKER co-designs DRAFTs only. */
export function canEditPact(role: Role | undefined, status: PactStatus): boolean {
  if (!role || !isAllowed(role, 'pacts', 'edit') || isPactClosed(status)) return false;
  return role !== 'COMMUNITY_MAKER' || status === 'DRAFT';
}

/** A community maker is assigned while the pact is open. */
export function canAssignMaker(role: Role | undefined, status: PactStatus): boolean {
  return !!role && isAllowed(role, 'pacts', 'assign') && !isPactClosed(status);
}

/** Milestones of a closed pact are read-only. */
export function canWriteMilestones(role: Role | undefined, status: PactStatus): boolean {
  return !!role && isAllowed(role, 'milestones', 'edit') && !isPactClosed(status);
}

/** Diary notes may be added even to a closed pact. */
export function canAddNote(role: Role | undefined): boolean {
  return !!role && isAllowed(role, 'notes', 'create');
}

/** The audit trail. */
export function canSeeAudit(role: Role | undefined): boolean {
  return !!role && isAllowed(role, 'audit-events', 'list');
}
