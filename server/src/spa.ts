import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { errorBody } from './common/error-body';
import { pathOnly } from './common/logging';

/** Vite names what it builds under assets/ by a hash of the content. */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The reply as @fastify/static decorates it (its type augments the `fastify` it resolves, not
 * the copy the Nest adapter brings).
 */
type StaticReply = FastifyReply & { sendFile(path: string): FastifyReply };

/** The files under `dir`, as the URL paths that name them (`/assets/index-….js`). */
function filesUnder(dir: string): Set<string> {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return new Set(
    paths
      .filter((path) => statSync(join(dir, path)).isFile())
      .map((path) => `/${path.split(sep).join('/')}`),
  );
}

/**
 * The built admin at `/`: its files as they are, and index.html for any other GET outside
 * /api so that deep links work. /api/... never falls through to the page.
 *
 * One route serves them all, a path looked up among the build's files (listed once, here):
 * a route per file (@fastify/static's `wildcard: false`) made over 600 routes of the build's
 * 334 files, whose compilation took 0.13 s of a start in a CPU profile.
 */
export function registerAdmin(fastify: FastifyInstance, adminDist: string): void {
  const indexFile = join(adminDist, 'index.html');
  const built = existsSync(indexFile);
  const files = built ? filesUnder(adminDist) : new Set<string>();
  if (built) {
    // Fastify loads its plugins in order when the app starts listening: nothing to await here.
    void fastify.register(fastifyStatic, {
      root: adminDist,
      serve: false,
      // The build wrote file.br and file.gz beside each text file: sent as they are.
      preCompressed: true,
      // Hashed file names change with their content: cached for a year. Anything else is
      // checked again on every use.
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        // header() sets and returns the reply (thenable); nothing to wait for.
        void reply.header('cache-control', cacheControlFor(path));
      },
    });
  }
  const indexHtml = built ? readFileSync(indexFile, 'utf8') : undefined;
  /** The admin's page, whatever the path (the client routes); a 404 when it is not built. */
  const sendAdmin = (reply: FastifyReply) =>
    indexHtml
      ? reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(indexHtml)
      : reply
          .status(404)
          .send(errorBody(404, 'ADMIN_NOT_BUILT', {}, 'the admin is not built: run npm run build'));
  fastify.get('/*', (request, reply) => {
    const path = pathOnly(request.url);
    if (path === '/api' || path.startsWith('/api/')) {
      return reply
        .status(404)
        .send(
          errorBody(404, 'ROUTE_NOT_FOUND', { method: 'GET', path }, `route GET ${path} not found`),
        );
    }
    return files.has(path) ? (reply as StaticReply).sendFile(path.slice(1)) : sendAdmin(reply);
  });
  fastify.get('/', (_request, reply) => sendAdmin(reply));
}
