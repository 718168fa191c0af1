import { SetMetadata } from '@nestjs/common';
import {
  rolesAllowed,
  ROLES,
  type Action,
  type PermissionResource,
  type Role,
} from '@generattivi/shared';

export const ACCESS_KEY = 'generattivi:access';

/**
 * The entry of the shared permission table a route stands for. `refused`: the route always
 * answers 405 (an append-only collection); it is open to the collection's readers so that
 * they learn why, and the table grants its action to nobody.
 */
export interface RoutePermission {
  resource: PermissionResource;
  actions: readonly Action[];
  refused?: true;
}

/** Who may call a route. Every route declares one; the global guard denies the rest. */
export type AccessRule =
  { public: true } | { roles: readonly Role[]; permission?: RoutePermission };

/** Anyone, without a token (health, login, the admin's files). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/** Signed-in callers with one of these roles; record-level scope is checked by the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule);

/**
 * Signed-in callers whose role the shared permission table (`PERMISSIONS`) allows one of
 * `actions` on `resource`; the services apply the grant's scope (territories, assigned pacts).
 */
export const Can = (resource: PermissionResource, ...actions: Action[]) =>
  SetMetadata(ACCESS_KEY, {
    roles: rolesAllowed(resource, ...actions),
    permission: { resource, actions },
  } satisfies AccessRule);

/** A write the collection never takes (append-only): 405 to its readers, 403 to the others. */
export const Refused = (resource: PermissionResource) =>
  SetMetadata(ACCESS_KEY, {
    roles: rolesAllowed(resource, 'list'),
    permission: { resource, actions: ['list'], refused: true },
  } satisfies AccessRule);

export const ALL_ROLES: readonly Role[] = ROLES;

/** Any signed-in caller. */
export const AnyRole = () => Roles(...ALL_ROLES);
