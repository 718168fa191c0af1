import {
  ACTIONS,
  grantOf,
  isAllowed,
  PERMISSION_RESOURCES,
  ROLES,
  type Action,
  type PermissionResource,
  type Role,
} from '@generattivi/shared';

/**
 * The shared permission table (`PERMISSIONS`, DOMAIN.md "Who may do what") at the menu and
 * button level: what the server's guards let a role do, the admin offers. The server stays
 * authoritative on the record scope (territories, assigned pacts) and on the rules that
 * depend on a record's state (a community maker edits DRAFT pacts only).
 */

/** react-admin's own actions that are another action of the table. */
const ALIASES: Record<string, Action> = {
  /** Cloning opens the create form. */
  clone: 'create',
};

/** Lists that are an action of another resource: the possible duplicates are the beneficiaries'. */
const PAGES: Record<string, [PermissionResource, Action]> = {
  'possible-duplicates': ['beneficiaries', 'possible-duplicates'],
};

const isRole = (role: unknown): role is Role => ROLES.includes(role as Role);
const isResource = (resource: string): resource is PermissionResource =>
  (PERMISSION_RESOURCES as readonly string[]).includes(resource);
const isAction = (action: string): action is Action =>
  (ACTIONS as readonly string[]).includes(action);

/**
 * Accounts and territories are never deleted (the server answers 409 whoever asks): no
 * delete is offered for them.
 */
const NEVER_DELETED: readonly string[] = ['users', 'territories'];

/** The actions that change a record, which a territory-scoped grant limits to the caller's territories. */
const WRITES: readonly string[] = ['edit', 'delete'];

/**
 * True when `role` may perform the react-admin `action` (list, show, create, edit…) on
 * `resource`; with the `record` and the caller's `territoryIds`, also whether a grant limited to
 * the caller's territories covers that record for a change (a social worker edits the labs,
 * civic centers and templates of their territories, not the others' or the common ones: the
 * server answers those with 403).
 */
export function canAccess(
  role: unknown,
  resource: string,
  action: string,
  record?: object | null,
  territoryIds?: readonly number[],
): boolean {
  const page = PAGES[resource];
  if (page) return action === 'list' && isRole(role) && isAllowed(role, ...page);
  const tableAction = ALIASES[action] ?? action;
  if (!isRole(role) || !isResource(resource) || !isAction(tableAction)) return false;
  if (!isAllowed(role, resource, tableAction)) return false;
  if (tableAction === 'delete' && NEVER_DELETED.includes(resource)) return false;
  if (
    WRITES.includes(tableAction) &&
    record &&
    'territoryId' in record &&
    grantOf(role, resource, tableAction) === 'own-territories'
  ) {
    const { territoryId } = record as { territoryId: unknown };
    return typeof territoryId === 'number' && !!territoryIds?.includes(territoryId);
  }
  return true;
}
