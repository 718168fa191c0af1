import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Whether the request comes from a page of another origin (its `Origin` names another). */
export function fromForeignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  return origin !== undefined && origin !== `${request.protocol}://${request.host}`;
}

type Hook = (this: unknown, request: FastifyRequest, ...rest: unknown[]) => unknown;

/**
 * @fastify/cors, run for the requests from a foreign origin only. Same-origin requests (the
 * admin served by this server) and requests without `Origin` (other programs) need no CORS
 * headers, and its hook cost a measurable part of a one-record read; a foreign page gets
 * what the library answers, preflight included. The library registers its hook through this
 * instance's `addHook`, which puts the origin test in front of it.
 */
export function registerForeignOriginCors(
  fastify: FastifyInstance,
  options: FastifyCorsOptions,
): Promise<void> {
  const onlyForeign = new Proxy(fastify, {
    get(target, property) {
      if (property === 'addHook')
        return (name: string, hook: Hook) =>
          target.addHook(
            name as 'onRequest',
            function (this: unknown, request: FastifyRequest, ...rest: unknown[]) {
              if (fromForeignOrigin(request)) return hook.call(this, request, ...rest);
              const done = rest.at(-1);
              return typeof done === 'function' ? (done as () => void)() : undefined;
            } as never,
          );
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return new Promise((resolve, reject) =>
    (
      cors as unknown as (f: FastifyInstance, o: FastifyCorsOptions, d: (e?: Error) => void) => void
    )(onlyForeign, options, (error) => (error ? reject(error) : resolve())),
  );
}
