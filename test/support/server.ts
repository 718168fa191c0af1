import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export type Engine = 'sqlite' | 'postgres';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER_MAIN = join(ROOT, 'server', 'dist', 'main.js');

/** The node flags `npm start` gives the server (its heap limit), for NODE_OPTIONS. */
export const START_NODE_OPTIONS =
  /\bnode ((?:--\S+ )*)server\/dist\/main\.js/
    .exec(
      (
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
          scripts: { start: string };
        }
      ).scripts.start,
    )?.[1]
    .trim() ?? '';
export const PG_ADMIN_URL = process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The engine the suite runs on: E2E_DB=postgres, SQLite otherwise. */
export function engineUnderTest(): Engine {
  return process.env.E2E_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  /** The server process's id (its memory is read from /proc). */
  pid: number;
  engine: Engine;
  databaseUrl: string;
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<ApiResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /**
   * The output once `done` holds for it, or as it is after `timeoutMs`: the server writes its
   * log asynchronously, so a line can reach the pipe after the answer that follows it.
   */
  waitForOutput(done: (output: string) => boolean, timeoutMs?: number): Promise<string>;
  /**
   * Kills the process at once (SIGKILL: nothing of it runs after), as a crash would; the
   * database stays for another start on it (`databaseUrl`); stop() then only removes it.
   */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  engine?: Engine;
  demoData?: boolean;
  env?: Record<string, string>;
  /**
   * Another instance on an existing database (another server's `databaseUrl`: its SQLite
   * file or PostgreSQL database), which stop() then leaves in place.
   */
  databaseUrl?: string;
}

export const DEMO_PASSWORD = 'demo-password';

/** The JWT_SECRET every test server runs with (tests forge tokens with it). */
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-signing';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Creates a uniquely named PostgreSQL database; the returned function drops it. */
export async function createPgDatabase(
  prefix = 'generattivi_e2e',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Starts the real server (server/dist/main.js) on a free port against a fresh database (or options.databaseUrl). */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const engine = options.engine ?? engineUnderTest();
  const port = await freePort();
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
    cleanup = async () => undefined;
  } else if (engine === 'postgres') {
    const db = await createPgDatabase();
    databaseUrl = db.url;
    cleanup = db.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'generattivi-e2e-'));
    databaseUrl = join(dir, 'test.sqlite');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const chunks: string[] = [];
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: String(options.demoData ?? true),
      JWT_SECRET: E2E_JWT_SECRET,
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT: '10000',
      // No digest mail unless a suite asks for it (digest.e2e-spec.ts).
      DIGEST_HOUR: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  const output = () => chunks.join('');
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output);
  } catch (e) {
    child.kill('SIGKILL');
    await cleanup();
    throw e;
  }

  const request = async <T>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };

  return {
    url,
    pid: child.pid as number,
    engine,
    databaseUrl,
    request,
    output,
    async waitForOutput(done, timeoutMs = 10_000) {
      for (const since = Date.now(); !done(output()) && Date.now() - since < timeoutMs;)
        await new Promise((r) => setTimeout(r, 50));
      return output();
    },
    async login(email, password = DEMO_PASSWORD) {
      const res = await request<{ accessToken: string }>('POST', '/api/auth/login', {
        body: { email, password },
      });
      if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${res.text}`);
      return res.body.accessToken;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await cleanup();
    },
  };
}

/** Runs the server with an environment and returns its exit code and output (for refusals). */
export async function runServerExpectingExit(
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  const code = await new Promise<number | null>((r) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      r(null);
    }, timeoutMs);
    child.once('exit', (c) => {
      clearTimeout(timer);
      r(c);
    });
  });
  return { code, output: chunks.join('') };
}

/**
 * Fails each test of the enclosing `describe` in which one of the `servers` (read when the test
 * starts: they are started in `beforeAll`) logged an unexpected error — what a 500 leaves in the
 * log of the instance that answered it.
 */
export function failOnUnexpectedErrors(servers: () => TestServer[]): void {
  let logged: number[] = [];
  beforeEach(() => {
    logged = servers().map((s) => s.output().length);
  });
  afterEach(() => {
    servers().forEach((s, i) =>
      expect(s.output().slice(logged[i])).not.toMatch(/unexpected error/),
    );
  });
}
