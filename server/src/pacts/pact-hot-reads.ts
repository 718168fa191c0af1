import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@generattivi/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorators';
import { bearerCaller } from '../auth/access.guard';
import type { Caller } from '../auth/caller';
import { SessionsRepository } from '../auth/sessions.repository';
import { TokensService } from '../auth/tokens.service';
import { searches } from '../common/admission';
import { plainListQuery, sendList } from '../common/list-endpoint';
import { INT32_MAX, isCanonicalWholeNumber } from '../common/validators';
import { PactsController } from './pacts.controller';
import { PactsService } from './pacts.service';

/** A hot read: the roles of its Nest route, and its answer (undefined: left to the route). */
interface HotRoute {
  roles: readonly Role[];
  read(request: FastifyRequest, reply: FastifyReply, caller: Caller): Promise<unknown>;
}

/**
 * GET /api/pacts and GET /api/pacts/:id, the two reads the admin makes most, answered by a
 * Fastify hook in front of their Nest routes: the same authentication (bearerCaller: the
 * token, its standing read per request), the roles of the routes' own @Can, the same service
 * calls (scope, access-log entry written before the answer) and the same answer (Fastify's
 * serialization of the same value, Content-Range) — without Nest's per-request pipeline
 * (guard resolved by reflection, validation pipe, interceptors as observables), which was
 * most of the CPU of a one-record read beside the SQL.
 *
 * Only a request the Nest route would answer 200 without a word is answered here: no token,
 * another role, a query string the validation pipe would change or refuse, a free-text search
 * (admission control), an id that is not one, a pact out of scope or any failure goes on to
 * the Nest route, which answers as it always has (401, 403, 400, 404, 503…). Nothing is
 * written before that point: the access-log entry is the last step before the answer. Hooks
 * around the handler (request id, request log, security headers, Cache-Control) run as for
 * any route.
 */
export function registerPactHotReads(fastify: FastifyInstance, app: INestApplicationContext): void {
  const tokens = app.get(TokensService);
  const sessions = app.get(SessionsRepository);
  const pacts = app.get(PactsService);
  const roles = (handler: object) =>
    (Reflect.getMetadata(ACCESS_KEY, handler) as Extract<AccessRule, { roles: unknown }>).roles;

  const reads = new Map<string, HotRoute>([
    [
      '/api/pacts',
      {
        roles: roles(PactsController.prototype.list),
        read: async (request, reply, caller) => {
          const raw = plainListQuery(request.query);
          if (!raw || searches(request)) return undefined;
          return sendList(reply, 'pacts', await pacts.list(caller, raw));
        },
      },
    ],
    [
      '/api/pacts/:id',
      {
        roles: roles(PactsController.prototype.one),
        read: async (request, _reply, caller) => {
          const id = (request.params as { id?: unknown }).id;
          return isCanonicalWholeNumber(id, 1, INT32_MAX)
            ? pacts.read(caller, Number(id))
            : undefined;
        },
      },
    ],
  ]);

  const answer = async (request: FastifyRequest, reply: FastifyReply, route: HotRoute) => {
    const caller = await bearerCaller(request.headers.authorization, tokens, sessions);
    if (!caller || !route.roles.includes(caller.role)) return undefined;
    return route.read(request, reply, caller);
  };

  fastify.addHook('preHandler', (request, reply, done) => {
    const route = request.method === 'GET' ? reads.get(request.routeOptions.url ?? '') : undefined;
    if (!route) return done();
    answer(request, reply, route).then(
      (body) => (body === undefined ? done() : void reply.send(body)),
      // Whatever went wrong is the Nest route's to answer, as it would have.
      () => done(),
    );
  });
}
