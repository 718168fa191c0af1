import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './server';

/** One route of the real application and who may call it (server/src/auth/route-access.ts). */
export interface RouteAccess {
  method: string;
  path: string;
  controller: string;
  handler: string;
  access:
    | { public: true }
    | { roles: string[]; permission?: { resource: string; actions: string[]; refused?: true } }
    | undefined;
}

/** A route Fastify actually serves, read from `printRoutes()`. */
export interface ServedRoute {
  method: string;
  path: string;
}

export interface ApplicationRoutes {
  /** What Nest's controllers declare, with their access rule. */
  declared: RouteAccess[];
  /** What Fastify serves (Nest routes, and the plugins': docs, static admin, CORS). */
  served: ServedRoute[];
  /** "METHOD path → Public | roles", as the server formats it. */
  table: string;
  /** Where the routes and the shared permission table disagree (`permissionProblems`). */
  permissionProblems: string[];
}

const SERVER_DIST = join(ROOT, 'server', 'dist');

/**
 * Builds the real application from the built server (`createApp(loadConfig(env))`, the
 * same code `main.js` runs) in a child process, without listening, and reads its routes.
 * A child process because Jest cannot load some of the server's ESM-only dependencies.
 */
export async function readApplicationRoutes(
  env: Record<string, string> = {},
): Promise<ApplicationRoutes> {
  const script = `
    const dist = ${JSON.stringify(SERVER_DIST)};
    require(require.resolve('reflect-metadata', { paths: [dist] }));
    const { createApp } = require(dist + '/bootstrap.js');
    const { loadConfig } = require(dist + '/config/config.js');
    const { listRouteAccess, formatRouteTable, permissionProblems } = require(dist + '/auth/route-access.js');
    const { ModulesContainer } = require(require.resolve('@nestjs/core', { paths: [dist] }));
    (async () => {
      const app = await createApp(loadConfig(process.env));
      const declared = listRouteAccess(app.get(ModulesContainer), 'api');
      const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
      await app.close();
      process.stdout.write('\\n@@ROUTES@@' + JSON.stringify({ declared, tree, table: formatRouteTable(declared), problems: permissionProblems(declared, 'api') }));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'route-walk-secret-that-is-long-enough-for-hs256',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  const output = chunks.join('');
  const marker = output.lastIndexOf('@@ROUTES@@');
  if (code !== 0 || marker === -1) throw new Error(`route walk failed (${code}):\n${output}`);
  const parsed = JSON.parse(output.slice(marker + '@@ROUTES@@'.length)) as {
    declared: RouteAccess[];
    tree: string;
    table: string;
    problems: string[];
  };
  return {
    declared: parsed.declared,
    served: parseRouteTree(parsed.tree),
    table: parsed.table,
    permissionProblems: parsed.problems,
  };
}

/**
 * Flattens Fastify's `printRoutes({commonPrefix: false})` tree: each line is a path segment
 * indented by four characters per level, with the methods served there in parentheses.
 */
export function parseRouteTree(tree: string): ServedRoute[] {
  const routes: ServedRoute[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    if (!match[3]) continue;
    const path = stack.join('');
    for (const method of match[3].split(', ')) routes.push({ method, path });
  }
  return routes;
}
