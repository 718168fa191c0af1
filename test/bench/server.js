// What the benches share: the built server (server/dist/main.js, or BENCH_SERVER_MAIN for an
// A/B of a change) started on a free port and stopped, a fresh database for it, and the small
// helpers around it.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { createServer } = require('node:net');
const { join, resolve } = require('node:path');
const { Client } = require('pg');

const ROOT = resolve(__dirname, '..', '..');
const SERVER_MAIN = resolve(
  process.env.BENCH_SERVER_MAIN ?? join(ROOT, 'server', 'dist', 'main.js'),
);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port nobody listens on now. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Polls `url` until it answers 2xx; fails if `child` exits or the time runs out. */
async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts the server on a free port of 127.0.0.1 with `env` (PATH, PORT and HOST are given) and
 * resolves once /api/health answers, with its URL, its process and the milliseconds it took.
 */
async function startServer(env, stdio, timeoutMs = 60_000) {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/health`, child, timeoutMs);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return { url, child, startMs: Date.now() - started };
}

/** Stops a process with SIGTERM, and SIGKILL if it is still there 5 s later. */
async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * The node flags `npm start` gives the server (its heap limit), for NODE_OPTIONS: a bench runs
 * the server as production does.
 */
const START_FLAGS =
  /\bnode ((?:--\S+ )*)server\/dist\/main\.js/
    .exec(require(join(ROOT, 'package.json')).scripts.start)?.[1]
    .trim() ?? '';

/**
 * A fresh database named after `prefix`: a new database on the PostgreSQL server `pgUrl`
 * (dropped by `drop`), else a SQLite file in a temporary folder (removed by `drop`).
 */
async function freshDatabase(prefix, pgUrl) {
  if (!pgUrl) {
    const dir = mkdtempSync(join(tmpdir(), `generattivi-${prefix}-`));
    return { url: join(dir, 'bench.sqlite'), drop: async () => rmSync(dir, { recursive: true }) };
  }
  const name = `generattivi_${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

module.exports = {
  ROOT,
  SERVER_MAIN,
  START_FLAGS,
  freePort,
  freshDatabase,
  sleep,
  startServer,
  stop,
};
