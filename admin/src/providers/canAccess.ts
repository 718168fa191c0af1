import {
  ACTIONS,
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

const isRole = (role: unknown): role is Role => ROLES.includes(role as Role);
const isResource = (resource: string): resource is PermissionResource =>
  (PERMISSION_RESOURCES as readonly string[]).includes(resource);
const isAction = (action: string): action is Action =>
  (ACTIONS as readonly string[]).includes(action);

/** True when `role` may perform the react-admin `action` (list, show, create, edit…) on `resource`. */
export function canAccess(role: unknown, resource: string, action: string): boolean {
  const tableAction = ALIASES[action] ?? action;
  return (
    isRole(role) &&
    isResource(resource) &&
    isAction(tableAction) &&
    isAllowed(role, resource, tableAction)
  );
}
