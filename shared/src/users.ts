/**
 * Rules of user accounts shared by the server's validation and the admin's form.
 */
import type { Role } from './enums';

/**
 * The roles whose work is bound to ambiti (territories): a social worker or a community
 * maker with none could never be given a pact, so they need at least one.
 */
export const ROLES_NEEDING_TERRITORY = [
  'SOCIAL_WORKER',
  'COMMUNITY_MAKER',
] as const satisfies readonly Role[];

/** Whether an account of this role needs at least one territory. */
export function territoryRequired(role: Role | null | undefined): boolean {
  return (ROLES_NEEDING_TERRITORY as readonly string[]).includes(role ?? '');
}
