import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  PACT_TRANSITION_ACTIONS,
  PERMISSION_RESOURCES,
  rolesAllowed,
  type Action,
  type PermissionResource,
} from '@generattivi/shared';
import { ACCESS_KEY, type AccessRule } from './access.decorators';

/** One HTTP route of a controller and who may call it (`undefined`: it declares nothing). */
export interface RouteAccess {
  method: string;
  path: string;
  controller: string;
  handler: string;
  access: AccessRule | undefined;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter((segment) => segment !== '')
    .join('/');
  return `/${joined}`;
}

/**
 * Every route that the application's controllers declare, with the access rule the global
 * guard will apply (the handler's declaration, else the controller's: the guard's
 * `getAllAndOverride` order). Reads Nest's own route metadata, so a route that exists is
 * listed whether or not it has a declaration.
 */
export function listRouteAccess(modules: ModulesContainer, globalPrefix = ''): RouteAccess[] {
  const scanner = new MetadataScanner();
  const routes: RouteAccess[] = [];
  const seen = new Set<Type>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      const controllerPaths = asList(Reflect.getMetadata(PATH_METADATA, controller));
      const classRule = Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const methodPaths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPaths === undefined) continue; // not a route handler
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
          RequestMethod | undefined;
        const handlerRule = Reflect.getMetadata(ACCESS_KEY, handler) as AccessRule | undefined;
        for (const base of controllerPaths) {
          for (const sub of asList(methodPaths)) {
            routes.push({
              method: RequestMethod[requestMethod ?? RequestMethod.GET],
              path: joinPath(globalPrefix, base, sub),
              controller: controller.name,
              handler: name,
              access: handlerRule ?? classRule,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `Public` or the roles, as the route table shows them. */
export function describeAccess(rule: AccessRule | undefined): string {
  if (!rule) return 'UNDECLARED (denied to everyone)';
  if ('public' in rule) return 'Public';
  return rule.roles.length ? rule.roles.join(', ') : 'nobody (empty role list)';
}

/** The routes that are not a collection's list/show/create/edit/delete, by their path. */
const OTHER_ROUTES: Record<string, { resource: PermissionResource; actions: readonly Action[] }> = {
  'GET /auth/me': { resource: 'session', actions: ['show'] },
  'GET /users': { resource: 'users', actions: ['list', 'pick'] },
  'GET /users/:id': { resource: 'users', actions: ['show', 'pick'] },
  'POST /auth/logout': { resource: 'session', actions: ['delete'] },
  'POST /auth/change-password': { resource: 'session', actions: ['edit'] },
  'POST /users/:id/invitation': { resource: 'users', actions: ['edit'] },
  'POST /mail-outbox/:id/retry': { resource: 'mail-outbox', actions: ['edit'] },
  'POST /pacts/:id/transitions': { resource: 'pacts', actions: PACT_TRANSITION_ACTIONS },
  'POST /pacts/:id/assign': { resource: 'pacts', actions: ['assign'] },
  'POST /assignments/hand-over': { resource: 'assignments', actions: ['hand-over'] },
  'GET /pacts/:id/document': { resource: 'pacts', actions: ['print'] },
  'GET /documents/:id/content': { resource: 'documents', actions: ['download'] },
  'GET /eligibility/settings': { resource: 'eligibility', actions: ['show'] },
  'POST /eligibility/check': { resource: 'eligibility', actions: ['check'] },
  'GET /beneficiaries/:id/access-log': { resource: 'beneficiaries', actions: ['access-log'] },
  'POST /beneficiaries/:id/anonymise': { resource: 'beneficiaries', actions: ['anonymise'] },
  'GET /beneficiaries/:id/subject-access': {
    resource: 'beneficiaries',
    actions: ['subject-access'],
  },
  'GET /beneficiaries/possible-duplicates': {
    resource: 'beneficiaries',
    actions: ['possible-duplicates'],
  },
  'POST /beneficiaries/possible-duplicates/:id/resolve': {
    resource: 'beneficiaries',
    actions: ['possible-duplicates'],
  },
  'GET /audit-events/verify': { resource: 'audit-events', actions: ['verify'] },
  'POST /audit-events/verify-jobs': { resource: 'audit-events', actions: ['verify-all'] },
  'GET /audit-events/verify-jobs/:id': { resource: 'audit-events', actions: ['verify-all'] },
  'GET /reports/outcomes': { resource: 'reports', actions: ['show'] },
  'GET /reports/caseload': { resource: 'reports', actions: ['show'] },
  'GET /search': { resource: 'search', actions: ['list'] },
  'GET /pacts/export': { resource: 'pacts', actions: ['export'] },
  'GET /beneficiaries/export': { resource: 'beneficiaries', actions: ['export'] },
  'GET /households/export': { resource: 'households', actions: ['export'] },
  'GET /milestones/export': { resource: 'milestones', actions: ['export'] },
  'GET /notes/export': { resource: 'notes', actions: ['export'] },
  'GET /imports/templates/:kind': { resource: 'imports', actions: ['create'] },
  'GET /imports/:id/report': { resource: 'imports', actions: ['show'] },
  'GET /notifications/unread-count': { resource: 'notifications', actions: ['list'] },
  'POST /notifications/:id/read': { resource: 'notifications', actions: ['edit'] },
  'POST /notifications/read-all': { resource: 'notifications', actions: ['edit'] },
  'GET /profile': { resource: 'profile', actions: ['show'] },
  'PATCH /profile': { resource: 'profile', actions: ['edit'] },
  'GET /profile/digest-preview': { resource: 'profile', actions: ['show'] },
};

/** `GET /x` list, `GET /x/:id` show, `POST /x` create, `PUT|PATCH /x/:id` edit, `DELETE /x/:id` delete. */
function collectionPermission(method: string, path: string) {
  const [resource, id, ...rest] = path.split('/').filter(Boolean);
  if (rest.length || !(PERMISSION_RESOURCES as readonly string[]).includes(resource)) return;
  const key = `${method} ${id === undefined ? '' : ':id'}`;
  const action = (
    {
      'GET ': 'list',
      'GET :id': 'show',
      'POST ': 'create',
      'PUT :id': 'edit',
      'PATCH :id': 'edit',
      'DELETE :id': 'delete',
    } as Record<string, Action>
  )[key];
  if (id !== undefined && id !== ':id') return;
  return action && { resource: resource as PermissionResource, actions: [action] };
}

/**
 * Where the declared routes and the shared permission table (`PERMISSIONS`) disagree, one
 * line per problem: every route that is not public stands for the table's entry its method
 * and path name, and lets in exactly the roles the table allows.
 */
export function permissionProblems(routes: readonly RouteAccess[], globalPrefix = ''): string[] {
  const problems: string[] = [];
  const prefix = joinPath(globalPrefix);
  for (const r of routes) {
    const name = `${r.method} ${r.path} (${r.controller}.${r.handler})`;
    if (!r.access || 'public' in r.access) continue;
    const permission = r.access.permission;
    if (!permission) {
      problems.push(`${name}: lists roles instead of naming an entry of the permission table`);
      continue;
    }
    const local = prefix === '/' ? r.path : r.path.slice(prefix.length) || '/';
    const expected = OTHER_ROUTES[`${r.method} ${local}`] ?? collectionPermission(r.method, local);
    if (!expected) {
      problems.push(`${name}: no entry of the permission table is known for this path`);
      continue;
    }
    const stated = permission.refused ? expected : permission;
    if (
      stated.resource !== expected.resource ||
      stated.actions.join() !== expected.actions.join()
    ) {
      problems.push(
        `${name}: declares ${permission.resource}.${permission.actions.join('|')}, its path means ${expected.resource}.${expected.actions.join('|')}`,
      );
    }
    if (permission.refused && rolesAllowed(expected.resource, ...expected.actions).length) {
      problems.push(
        `${name}: refused to everyone, but the table grants ${expected.actions.join('|')}`,
      );
    }
    const roles = permission.refused
      ? rolesAllowed(permission.resource, 'list')
      : rolesAllowed(permission.resource, ...permission.actions);
    if (roles.join() !== r.access.roles.join()) {
      problems.push(
        `${name}: lets in ${r.access.roles.join(', ')}, the table says ${roles.join(', ')}`,
      );
    }
  }
  return problems;
}

/** "METHOD path → access", one line per route. */
export function formatRouteTable(routes: readonly RouteAccess[]): string {
  const width = Math.max(...routes.map((r) => `${r.method} ${r.path}`.length));
  return routes
    .map((r) => `${`${r.method} ${r.path}`.padEnd(width)} → ${describeAccess(r.access)}`)
    .join('\n');
}
