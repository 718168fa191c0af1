import type { Action, PermissionResource } from '@generattivi/shared';
import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Put,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, Refused } from '../auth/access.decorators';
import { IdPipe } from './id.pipe';
import { listAnswer } from './list-endpoint';
import { FRESHNESS } from './result-cache';

/** An HTTP route with its access, and its OpenAPI summary when given. */
function route(summary: string | undefined, ...decorators: MethodDecorator[]) {
  return summary === undefined
    ? applyDecorators(...decorators)
    : applyDecorators(...decorators, ApiOperation({ summary }));
}

/** `GET /<resource>`: the handler returns a page (`ListResult`), answered as `sendList` does. */
const list = (resource: PermissionResource, summary?: string, also: Action[] = []) =>
  route(summary, Get(), Can(resource, 'list', ...also), UseInterceptors(listAnswer(resource)));

/** `GET /<resource>/:id`: one record. */
const show = (resource: PermissionResource, summary?: string, also: Action[] = []) =>
  route(summary, Get(':id'), Can(resource, 'show', ...also));

/** `POST /<resource>`: creates a record. */
const create = (resource: PermissionResource, summary?: string) =>
  route(summary, Post(), Can(resource, 'create'));

/** `PUT /<resource>/:id`: edits a record. */
const update = (resource: PermissionResource, summary?: string) =>
  route(summary, Put(':id'), Can(resource, 'edit'));

/** `DELETE /<resource>/:id`: deletes a record. */
const remove = (resource: PermissionResource, summary?: string) =>
  route(summary, Delete(':id'), Can(resource, 'delete'));

/** The `:id` of the path, a positive whole number (`IdPipe`). */
const id = () => Param('id', IdPipe);

/**
 * The routes of a collection (`/<resource>` and `/<resource>/:id`): `@Route.list(…)`,
 * `@Route.show(…)`, …, each with its entry of the shared permission table (`@Can`) and, where
 * given, its OpenAPI summary; `also`: further actions that open the route too (e.g. `pick`,
 * reading accounts to choose one). `@Route.id()`: the `:id` parameter.
 */
export const Route = { list, show, create, update, remove, id };

/**
 * The controller of aggregates computed in the caller's scope (reports, alerts): `/<path>`,
 * tagged `path` in OpenAPI, behind the bearer token. Their routes answer through the result
 * cache, which admits each computation as expensive work (an answer from the cache needs no
 * slot).
 */
export const AggregateController = (path: string) =>
  applyDecorators(ApiTags(path), ApiBearerAuth(), Controller(path));

/** A route answered through the result cache: its summary, and its freshness as description. */
export const CachedRoute = (summary: string, ...decorators: MethodDecorator[]) =>
  applyDecorators(...decorators, ApiOperation({ description: FRESHNESS, summary }));

const WRITES = {
  create: () => Post(),
  update: () => Put(':id'),
  patch: () => Patch(':id'),
  remove: () => Delete(':id'),
} satisfies Record<string, () => MethodDecorator>;

/** The writes a collection may refuse, by handler name (`create`: POST, `update`: PUT, …). */
export type RefusedWrite = keyof typeof WRITES;

/**
 * On the controller of a collection that never takes some writes (append-only, history): each
 * write named in `summaries` becomes a route (after the controller's own) that always throws
 * `refusal()` (a 405), open to the collection's readers (`@Refused`), with that summary.
 */
export function RefusedWrites(
  resource: PermissionResource,
  refusal: () => Error,
  summaries: Partial<Record<RefusedWrite, string>>,
): ClassDecorator {
  return (controller) => {
    for (const [write, summary] of Object.entries(summaries) as [RefusedWrite, string][]) {
      const descriptor: PropertyDescriptor = {
        value: {
          [write](): never {
            throw refusal();
          },
        }[write],
        writable: true,
        configurable: true,
      };
      applyDecorators(WRITES[write](), Refused(resource), ApiOperation({ summary }))(
        controller.prototype as object,
        write,
        descriptor,
      );
      Object.defineProperty(controller.prototype, write, descriptor);
    }
  };
}
