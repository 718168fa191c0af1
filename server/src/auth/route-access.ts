import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
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

/** "METHOD path → access", one line per route. */
export function formatRouteTable(routes: readonly RouteAccess[]): string {
  const width = Math.max(...routes.map((r) => `${r.method} ${r.path}`.length));
  return routes
    .map((r) => `${`${r.method} ${r.path}`.padEnd(width)} → ${describeAccess(r.access)}`)
    .join('\n');
}
