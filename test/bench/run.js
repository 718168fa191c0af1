#!/usr/bin/env node
// `npm run bench`: the API at regional scale against the physical limit of this machine
// (issue 6). Builds the server (Nx cache), builds the scale database if missing, starts the
// real server on it and the baseline beside it (baseline.js), logs in as a social worker and
// drives the pact list and one pact against their baselines in alternating short rounds
// (API, baseline, API, baseline, …: load that changes during the run touches both sides of
// each round's ratio alike, issue 18), then three more endpoints with autocannon, then the
// search box (GET /api/search, issue 13): the latency of a few searches one after the other.
// Prints a table and writes test/bench/results.json (not committed); a second run prints how
// far its ratios are from the previous run's.
//
// Environment (all optional):
//   BENCH_DB            SQLite file (default data/bench/scale.sqlite at the repository root)
//   BENCH_DATABASE_URL  postgres://… to bench PostgreSQL instead (seeded if it has no pacts;
//                       the baseline then uses `pg` prepared statements)
//   BENCH_PACTS         pacts to seed when the database is missing (default 100000)
//   BENCH_DURATION      seconds per endpoint (default 10), BENCH_WARMUP (default 2)
//   BENCH_ROUNDS        alternating rounds per pair (default 16), BENCH_ROUND (seconds, default 2.5)
//   BENCH_CONNECTIONS   (default 32), BENCH_ONLY (a regexp on the endpoint keys)
//   BENCH_NO_BUILD=1    skip the server build
//   BENCH_SERVER_MAIN   another build of server/dist/main.js, to measure a change (A/B)
//   BENCH_NODE_OPTIONS  NODE_OPTIONS for the server (default: the flags `npm start` gives node)
const { execFileSync, spawn } = require('node:child_process');
const http = require('node:http');
const {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const {
  ROOT,
  START_FLAGS,
  freePort,
  sleep,
  startServer: startBuiltServer,
  stop,
} = require('./server');

const env = process.env;
const MIGRATIONS = join(ROOT, 'server', 'dist', 'database', 'migrations');
const SEED = join(ROOT, 'server', 'dist', 'scale', 'scale.js');
const PG_URL = env.BENCH_DATABASE_URL;
const ENGINE = PG_URL ? 'postgres' : 'sqlite';
const DB_FILE = resolve(env.BENCH_DB ?? join(ROOT, 'data', 'bench', 'scale.sqlite'));
const PACTS = Number(env.BENCH_PACTS ?? 100_000);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const WARMUP = Number(env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
const SINGLE_DURATION = 3;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 16);
const ROUND = Number(env.BENCH_ROUND ?? 2.5);
const JWT_SECRET = randomBytes(48).toString('base64url');
const ONLY = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null;
const EMAIL = 'sociale.crema@demo.generattivi.it';
const MANAGER_EMAIL = 'manager@demo.generattivi.it';
const ADMIN_EMAIL = 'admin@demo.generattivi.it';
const NOTES_SEARCH = 'colloquio selezione azienda';
const PASSWORD = 'demo-password';
const RESULTS = join(__dirname, 'results.json');
// The server runs as `npm start` runs it, with the same node flags (its heap limit).
const NODE_OPTIONS = env.BENCH_NODE_OPTIONS ?? START_FLAGS;

const log = (...args) => console.log(...args);
function build() {
  if (env.BENCH_NO_BUILD === '1') return;
  log('building the server (nx run server:build)…');
  execFileSync('npx', ['nx', 'run', 'server:build', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function pactCount() {
  if (ENGINE === 'sqlite') {
    if (!existsSync(DB_FILE)) return 0;
    const Database = require('better-sqlite3');
    const db = new Database(DB_FILE, { readonly: true });
    try {
      return db.prepare("SELECT name FROM sqlite_master WHERE name = 'pacts'").get()
        ? db.prepare('SELECT COUNT(*) AS n FROM pacts').get().n
        : 0;
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public.pacts') AS t");
    if (!table.rows[0].t) return 0;
    return Number((await client.query('SELECT COUNT(*) AS n FROM pacts')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Index names the built migrations leave, for one engine (created, not dropped since). */
function migrationIndexes(engine) {
  const dir = join(MIGRATIONS, engine);
  const names = new Set();
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.*\.js$/.test(f))
    .sort();
  for (const file of files) {
    // Only `up`: `down` recreates what `up` dropped.
    const text = readFileSync(join(dir, file), 'utf8').split(/\basync down\b/)[0];
    for (const m of text.matchAll(
      /(CREATE|DROP) (?:UNIQUE )?INDEX (?:IF EXISTS )?(?:\\?"public\\?"\.)?\\?"(\w+)\\?"/g,
    ))
      if (m[1] === 'CREATE') names.add(m[2]);
      else names.delete(m[2]);
  }
  return names;
}

/** Index names in the database: a database seeded before an index change lacks some. */
async function databaseIndexes() {
  if (ENGINE === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(DB_FILE, { readonly: true });
    try {
      return new Set(
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
          .all()
          .map((r) => r.name),
      );
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'",
    );
    return new Set(rows.map((r) => r.indexname));
  } finally {
    await client.end();
  }
}

async function ensureDatabase() {
  const existing = await pactCount();
  if (existing > 0) {
    const present = await databaseIndexes();
    const missing = [...migrationIndexes(ENGINE)].filter((name) => !present.has(name));
    if (missing.length) {
      throw new Error(
        `the bench database predates the current indexes (missing ${missing.join(', ')}): ` +
          `delete ${ENGINE === 'sqlite' ? DB_FILE : 'and recreate the database'} so that it is seeded again`,
      );
    }
    log(
      `database: ${ENGINE === 'sqlite' ? DB_FILE : redact(PG_URL)}, ${existing.toLocaleString('en')} pacts`,
    );
    return existing;
  }
  if (ENGINE === 'sqlite') mkdirSync(resolve(DB_FILE, '..'), { recursive: true });
  log(
    `database missing or empty: seeding ${PACTS.toLocaleString('en')} pacts (npm run seed:scale)…`,
  );
  execFileSync(process.execPath, [SEED, '--pacts', String(PACTS)], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: ENGINE === 'sqlite' ? DB_FILE : PG_URL },
    stdio: 'inherit',
  });
  return pactCount();
}

function redact(url) {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

/** Resident set size of a process in MiB, from /proc (Linux). */
function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** The audit key the seed kept beside the database (the audit trail is chained with it). */
function auditKey() {
  const file = join(
    ENGINE === 'sqlite' ? resolve(DB_FILE, '..') : join(ROOT, 'data'),
    '.audit-key',
  );
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return kept.length >= 32 ? kept : randomBytes(48).toString('base64url');
}

async function startServer() {
  const logFile = join(tmpdir(), `generattivi-bench-server-${process.pid}.log`);
  // The server writes its log straight to the file: through a pipe, a busy bench process
  // would make the server buffer its log lines in memory (and inflate its RSS).
  const out = openSync(logFile, 'w');
  try {
    const server = await startBuiltServer(
      {
        ...(env.NODE_PATH ? { NODE_PATH: env.NODE_PATH } : {}),
        ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
        NODE_ENV: 'production',
        JWT_SECRET,
        AUDIT_KEY: auditKey(),
        DEMO_DATA: 'false',
        DATABASE_URL: ENGINE === 'sqlite' ? DB_FILE : PG_URL,
        LOGIN_RATE_LIMIT: '1000',
        LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
        // The daily digest pass (from DIGEST_HOUR, at the first start of the day) would run
        // its scoped queries for every user in the middle of the measured rounds.
        DIGEST_HOUR: 'off',
      },
      ['ignore', out, out],
    );
    return { ...server, logFile };
  } catch (e) {
    throw new Error(`${e.message}; server log: ${logFile}`);
  } finally {
    closeSync(out);
  }
}

async function login(url, email = EMAIL) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Issue 10: `/api/health` while the expensive requests run in loops, each one after the
 * other as fast as it is answered: the audit verify (a manager), a several-word notes search
 * and the two reports (a social worker). The health p99 shows whether any of them holds the
 * event loop; each loop's own latencies and its 503 BUSY answers are reported too.
 */
async function underLoad(url, headers) {
  const manager = await login(url, MANAGER_EMAIL);
  const managerHeaders = { authorization: `Bearer ${manager.accessToken}` };
  const q = (v) => encodeURIComponent(JSON.stringify(v));
  const loops = {
    verify: { headers: managerHeaders, paths: ['/api/audit-events/verify'] },
    search: {
      headers,
      paths: [
        `/api/notes?filter=${q({ q: NOTES_SEARCH })}&sort=${q(['occurredAt', 'DESC'])}&range=${q([0, 24])}`,
      ],
    },
    reports: { headers, paths: ['/api/reports/caseload', '/api/reports/outcomes'] },
  };
  let stop = false;
  const stats = {};
  const running = Object.entries(loops).map(async ([key, loop]) => {
    const s = (stats[key] = { ms: [], busy: 0, other: 0 });
    for (let i = 0; !stop; i++) {
      const started = performance.now();
      const res = await fetch(url + loop.paths[i % loop.paths.length], { headers: loop.headers });
      await res.arrayBuffer();
      if (res.status === 503) s.busy += 1;
      else if (res.status !== 200) s.other += 1;
      else s.ms.push(performance.now() - started);
    }
  });
  await sleep(WARMUP * 1000);
  const health = await cannon(url, ['/api/health'], {}, 4, DURATION);
  stop = true;
  await Promise.all(running);
  const pct = (list, p) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
  };
  return {
    label: `GET /api/health while verify, a notes search ("${NOTES_SEARCH}") and the reports loop`,
    ...summarize(health),
    loops: Object.fromEntries(
      Object.entries(stats).map(([k, s]) => [
        k,
        {
          n: s.ms.length,
          p50: Math.round(pct(s.ms, 0.5)),
          max: Math.round(pct(s.ms, 1)),
          busy: s.busy,
          other: s.other,
        },
      ]),
    ),
  };
}

const SEARCH_WARMUP = 5;
const SEARCH_RUNS = Number(env.BENCH_SEARCH_RUNS ?? 60);

/**
 * Issue 13: the search box's latency, one request at a time (as a person types), for a few
 * searches — a surname with and without its accent, a fragment of a fiscal code, a pact's
 * reference, a word of the titles, a common trigram — by a social worker (their territory),
 * by an administrator (the whole region) and by a manager (the whole region, names only),
 * and the pacts list's `q` by a surname. Per search: p50, p97.5, p99 and the requests per
 * second one at a time allows.
 */
async function searchLatency(url, headers, pid) {
  const manager = await login(url, MANAGER_EMAIL);
  const managerHeaders = { authorization: `Bearer ${manager.accessToken}` };
  const admin = await login(url, ADMIN_EMAIL);
  const adminHeaders = { authorization: `Bearer ${admin.accessToken}` };
  const q = (v) => encodeURIComponent(JSON.stringify(v));
  const get = (path, h) => fetch(url + path, { headers: h }).then((r) => r.json());
  const [person] = await get(`/api/beneficiaries?range=${q([0, 0])}`, headers);
  const [pact] = await get(`/api/pacts?range=${q([0, 0])}`, headers);
  const surname = person.lastName;
  const plain = surname.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const search = (text) => `/api/search?q=${encodeURIComponent(text)}`;
  const fragment = person.fiscalCode.slice(5, 11);
  // The same searches by a social worker (their territory) and an administrator (everywhere).
  const both = [
    [`surname "${surname}"`, search(surname)],
    [`fiscal code fragment "${fragment}"`, search(fragment)],
    [`reference "${pact.reference}"`, search(pact.reference)],
    ['common trigram "ros"', search('ros')],
  ];
  const cases = [
    ...both.map(([label, path]) => ['social worker', headers, label, path]),
    ['social worker', headers, `surname without accents "${plain}"`, search(plain)],
    ['social worker', headers, 'title word "laboratorio"', search('laboratorio')],
    ...both.map(([label, path]) => ['administrator', adminHeaders, label, path]),
    ['manager', managerHeaders, `surname "${surname}"`, search(surname)],
    ['manager', managerHeaders, 'common trigram "ros"', search('ros')],
    [
      'social worker',
      headers,
      `GET /api/pacts q "${plain}" (list, 25)`,
      `/api/pacts?filter=${q({ q: plain })}&sort=${q(['startDate', 'DESC'])}&range=${q([0, 24])}`,
    ],
  ];
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
  const rows = [];
  for (const [who, h, label, path] of cases) {
    const ms = [];
    let found = 0;
    let cpuBefore = 0;
    let measuredFrom = 0;
    for (let i = 0; i < SEARCH_WARMUP + SEARCH_RUNS; i++) {
      if (i === SEARCH_WARMUP) {
        cpuBefore = cpuMs(pid);
        measuredFrom = performance.now();
      }
      const started = performance.now();
      const res = await fetch(url + path, { headers: h });
      const body = await res.json();
      const elapsed = performance.now() - started;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      found = body.length;
      if (i >= SEARCH_WARMUP) ms.push(elapsed);
    }
    const rps = (SEARCH_RUNS * 1000) / (performance.now() - measuredFrom);
    const cpu = (cpuMs(pid) - cpuBefore) / SEARCH_RUNS;
    ms.sort((a, b) => a - b);
    rows.push({
      who,
      label,
      found,
      p50: pct(ms, 0.5),
      p975: pct(ms, 0.975),
      p99: pct(ms, 0.99),
      rps,
      cpu,
    });
  }
  return rows;
}

/** One autocannon run; `paths` are cycled, one per request. */
function cannon(url, paths, headers, connections, duration) {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration,
    // A slow endpoint under 32 connections queues for seconds: let every request finish
    // rather than abandon it (the server would go on working on it) and send another.
    timeout: 120,
    headers,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }),
      },
    ],
  });
}

/**
 * The latency of requests sent one at a time, on one kept-alive connection per side, timed
 * with the monotonic clock to the microsecond (autocannon's percentiles are whole
 * milliseconds): `sides` take turns in slices of SLICE_MS for SINGLE_DURATION seconds each, so
 * that a change of load on the machine falls on all of them alike. The p50 of each side, in
 * milliseconds.
 */
async function oneAtATime(sides, paths, headers) {
  const SLICE_MS = 250;
  const samples = sides.map(() => []);
  const agents = sides.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const get = (side, agent, path) =>
    new Promise((resolveGet, reject) => {
      const url = new URL(path, side.url);
      const req = http.get(url, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          res.statusCode === 200 ? resolveGet() : reject(new Error(`${path} → ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
    });
  let i = 0;
  try {
    for (let slice = 0; slice < (SINGLE_DURATION * 1000) / SLICE_MS; slice++) {
      for (const [k, side] of sides.entries()) {
        await get(side, agents[k], paths[0]); // the connection opened, outside the slice
        const end = performance.now() + SLICE_MS;
        while (performance.now() < end) {
          const t0 = performance.now();
          await get(side, agents[k], paths[i++ % paths.length]);
          samples[k].push(performance.now() - t0);
        }
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return samples.map((ms) => {
    ms.sort((x, y) => x - y);
    return Math.round(ms[Math.floor(ms.length / 2)] * 100) / 100;
  });
}

function summarize(result) {
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Waits until the process is (nearly) idle: the requests queued by a run are answered. */
async function drain(pid) {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  let last = cpuMs(pid);
  while (quiet < 3 && Date.now() < deadline) {
    await sleep(100);
    const now = cpuMs(pid);
    quiet = now - last < 10 ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * Warm-up, the measured run at CONNECTIONS, then a short run at one connection, each after
 * the previous one's queue has drained. The server's CPU time per request is measured too
 * (from the start of the run until its last request is answered, over the requests sent):
 * unlike latencies it hardly depends on what else the machine is running.
 */
async function measure(url, paths, headers, pid) {
  await cannon(url, paths, headers, CONNECTIONS, WARMUP);
  await drain(pid);
  const cpuBefore = cpuMs(pid);
  const result = await cannon(url, paths, headers, CONNECTIONS, DURATION);
  await drain(pid);
  const cpuPerRequest = (cpuMs(pid) - cpuBefore) / result.requests.sent;
  const loaded = { ...summarize(result), cpuMs: Math.round(cpuPerRequest * 100) / 100 };
  const [p50At1] = await oneAtATime([{ url }], paths, headers);
  return { ...loaded, p50At1 };
}

async function startBaseline() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'baseline.js')], {
    cwd: ROOT,
    env: {
      PATH: env.PATH ?? '',
      ...(ENGINE === 'sqlite' ? { BASELINE_DB: DB_FILE } : { BASELINE_DATABASE_URL: PG_URL }),
      BASELINE_JWT_SECRET: JWT_SECRET,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolveReady, reject) => {
    child.stdout.on('data', (d) => String(d).includes('listening') && resolveReady());
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const median = (values) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round2 = (v) => Math.round(v * 100) / 100;

/** One measured round on one side: throughput, latencies and server CPU per request. */
async function round(side, paths, headers) {
  const cpuBefore = cpuMs(side.pid);
  const result = await cannon(side.url, paths, headers, CONNECTIONS, ROUND);
  await drain(side.pid);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: (cpuMs(side.pid) - cpuBefore) / result.requests.sent,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * The API and its baseline in alternating rounds (A, B, A, B, …) after a warm-up of each:
 * per round the ratio of throughputs (API / baseline) and of CPU per request (baseline / API,
 * so that 1 is "as cheap as the baseline" on both), and their medians. Then the p50 of each
 * at one connection.
 */
async function alternate(api, base, paths, headers) {
  for (const side of [api, base]) {
    await cannon(side.url, paths, headers, CONNECTIONS, WARMUP);
    await drain(side.pid);
  }
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const a = await round(api, paths, headers);
    const b = await round(base, paths, headers);
    const r = {
      api: a,
      baseline: b,
      ratio: a.rps / b.rps,
      cpuRatio: b.cpuMs / a.cpuMs,
      load: loadAverage()?.[0] ?? null,
    };
    rounds.push(r);
    log(
      `  round ${i + 1}: API ${Math.round(a.rps)} req/s ${fmt(a.cpuMs, 3)} ms cpu · baseline ${Math.round(b.rps)} req/s ${fmt(b.cpuMs, 3)} ms cpu · ratio ${fmt(r.ratio, 2)}, cpu ratio ${fmt(r.cpuRatio, 2)} (load ${r.load ?? '?'})`,
    );
  }
  const summary = (key, p50At1) => ({
    rps: Math.round(median(rounds.map((r) => r[key].rps))),
    p50: median(rounds.map((r) => r[key].p50)),
    p99: median(rounds.map((r) => r[key].p99)),
    cpuMs: Math.round(median(rounds.map((r) => r[key].cpuMs)) * 1000) / 1000,
    non2xx: rounds.reduce((n, r) => n + r[key].non2xx, 0),
    errors: rounds.reduce((n, r) => n + r[key].errors, 0),
    p50At1,
  });
  const [apiP50At1, baseP50At1] = await oneAtATime([api, base], paths, headers);
  const apiSummary = summary('api', apiP50At1);
  const baseSummary = summary('baseline', baseP50At1);
  return {
    api: apiSummary,
    baseline: baseSummary,
    ratio: round2(median(rounds.map((r) => r.ratio))),
    cpuRatio: round2(median(rounds.map((r) => r.cpuRatio))),
    rounds: rounds.map((r) => ({
      apiRps: Math.round(r.api.rps),
      baselineRps: Math.round(r.baseline.rps),
      apiCpuMs: Math.round(r.api.cpuMs * 1000) / 1000,
      baselineCpuMs: Math.round(r.baseline.cpuMs * 1000) / 1000,
      ratio: Math.round(r.ratio * 1000) / 1000,
      cpuRatio: Math.round(r.cpuRatio * 1000) / 1000,
      load: r.load,
    })),
  };
}

/**
 * One verification of the audit trail before anything is measured. A freshly seeded
 * database has no checkpoint yet: its first verification hashes the whole chain (31–39 s
 * at 100,000 pacts on SQLite), and the server's periodic anchoring starts one five minutes
 * after the start, in the middle of the measured rounds; the verify loop under load then
 * answered once in its whole run. A running installation has a checkpoint at most five
 * minutes old; after this one the anchoring and the verify loop hash only the events added
 * since.
 */
async function verifyOnce(url) {
  const manager = await login(url, MANAGER_EMAIL);
  const started = performance.now();
  const res = await fetch(`${url}/api/audit-events/verify`, {
    headers: { authorization: `Bearer ${manager.accessToken}` },
  });
  const body = await res.json();
  const ms = Math.round(performance.now() - started);
  if (res.status !== 200 || !body.valid)
    throw new Error(`audit verification before measuring: ${res.status} ${JSON.stringify(body)}`);
  log(`audit trail verified before measuring: ${body.checked} events in ${ms} ms`);
}

const fmt = (v, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v).toFixed(digits);
const mark = (ok) => (ok ? 'met' : 'MISSED');

async function main() {
  build();
  const pacts = await ensureDatabase();
  const server = await startServer();
  log(
    `server: healthy ${server.startMs} ms after spawn${NODE_OPTIONS ? ` with ${NODE_OPTIONS}` : ''} (log: ${server.logFile})`,
  );
  const base = await startBaseline();
  log(
    `baseline: node:http + ${ENGINE === 'sqlite' ? 'prepared better-sqlite3 statements' : 'pg prepared statements'} (pid ${base.child.pid})`,
  );
  let rssMax = rssMb(server.child.pid);
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssMb(server.child.pid));
  }, 200);
  const results = { engine: ENGINE };
  let sameJson = null;
  try {
    await verifyOnce(server.url);
    const session = await login(server.url);
    const headers = { authorization: `Bearer ${session.accessToken}` };
    const territoryId = session.user.territoryIds[0];
    const q = (v) => encodeURIComponent(JSON.stringify(v));
    const listPath = `/api/pacts?filter=${q({ territoryId, status: 'ACTIVE' })}&sort=${q(['plannedEndDate', 'ASC'])}&range=${q([0, 24])}`;
    const ids = await fetch(
      `${server.url}/api/pacts?filter=${q({ territoryId })}&range=${q([0, 999])}`,
      { headers },
    ).then((r) => r.json());
    const onePaths = ids.map((p) => `/api/pacts/${p.id}`);
    // The baseline answers the same bytes and Content-Range as the API.
    const same = async (path) => {
      const [a, b] = await Promise.all(
        [server.url, base.url].map((u) =>
          fetch(u + path, { headers }).then(async (r) => ({
            range: r.headers.get('content-range'),
            body: await r.text(),
          })),
        ),
      );
      return a.body === b.body && a.range === b.range;
    };
    sameJson = (await same(listPath)) && (await same(onePaths[0]));
    const api = { url: server.url, pid: server.child.pid };
    const baseline = { url: base.url, pid: base.child.pid };
    const pairs = {
      list: {
        label: 'GET /api/pacts (territory+status, by plannedEndDate, 25)',
        baselineKey: 'baseline',
        paths: [listPath],
      },
      one: {
        label: `GET /api/pacts/:id (${ids.length} ids in rotation)`,
        baselineKey: 'baselineOne',
        paths: onePaths,
      },
    };
    for (const [key, e] of Object.entries(pairs)) {
      if (ONLY && !ONLY.test(key)) continue;
      log(
        `${e.label}: ${ROUNDS} alternating rounds of ${ROUND} s (API, baseline) after ${WARMUP} s warm-up each`,
      );
      const started = performance.now();
      await fetch(server.url + e.paths[0], { headers }).then((r) => r.arrayBuffer());
      const firstMs = Math.round(performance.now() - started);
      const pair = await alternate(api, baseline, e.paths, headers);
      results[key] = {
        label: e.label,
        firstMs,
        ...pair.api,
        ratio: pair.ratio,
        cpuRatio: pair.cpuRatio,
      };
      results[e.baselineKey] = pair.baseline;
      results.rounds = { ...results.rounds, [key]: pair.rounds };
      log(
        `  median ratio ${fmt(pair.ratio, 2)} by throughput, ${fmt(pair.cpuRatio, 2)} by CPU per request`,
      );
      for (const side of [results[key], pair.baseline])
        if (side.non2xx || side.errors)
          log(`  ${side.non2xx} non-2xx responses, ${side.errors} errors`);
    }
    await stop(base.child);
    const endpoints = {
      caseload: { label: 'GET /api/reports/caseload', paths: ['/api/reports/caseload'] },
      outcomes: { label: 'GET /api/reports/outcomes', paths: ['/api/reports/outcomes'] },
      alerts: { label: 'GET /api/alerts', paths: ['/api/alerts'] },
    };
    for (const [key, e] of Object.entries(endpoints)) {
      if (ONLY && !ONLY.test(key)) continue;
      process.stdout.write(`${e.label} … `);
      // The first request finds no cached result (reports and alerts): the computation itself.
      const started = performance.now();
      await fetch(server.url + e.paths[0], { headers }).then((r) => r.arrayBuffer());
      const firstMs = Math.round(performance.now() - started);
      results[key] = {
        label: e.label,
        firstMs,
        ...(await measure(server.url, e.paths, headers, server.child.pid)),
      };
      log(`${results[key].rps} req/s`);
      if (results[key].non2xx || results[key].errors)
        log(`  ${results[key].non2xx} non-2xx responses, ${results[key].errors} errors`);
    }
    if (!ONLY || ONLY.test('underLoad')) {
      process.stdout.write('GET /api/health under verify, search and reports … ');
      results.underLoad = await underLoad(server.url, headers);
      log(`p99 ${results.underLoad.p99} ms`);
    }
    if (!ONLY || ONLY.test('search')) {
      process.stdout.write(`searches, ${SEARCH_RUNS} each, one at a time … `);
      results.search = await searchLatency(server.url, headers, server.child.pid);
      log('done');
    }
  } finally {
    clearInterval(sampler);
    await stop(base.child);
    await stop(server.child);
  }
  report({ results, pacts, rssMax, startMs: server.startMs, sameJson, log: server.logFile });
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
}

function report({ results, pacts, rssMax, startMs, sameJson, log: logFile }) {
  const rows = ['list', 'one', 'caseload', 'outcomes', 'alerts', 'baseline', 'baselineOne'].filter(
    (k) => results[k],
  );
  const pairTarget = (r, min) =>
    r.ratio !== undefined
      ? `; ≥ ${min} of baseline by req/s: ${mark(r.ratio >= min)} (${fmt(r.ratio, 2)}), by cpu: ${mark(r.cpuRatio >= min)} (${fmt(r.cpuRatio, 2)})`
      : '';
  const targets = {
    list: (r) =>
      `p99 < 50 ms: ${mark(r.p99 < 50)}; p50@1 ≤ 2 ms: ${mark(r.p50At1 <= 2)}` + pairTarget(r, 0.7),
    one: (r) =>
      `p50 < 5 ms: ${mark(r.p50 < 5)}; p50@1 ≤ 1 ms: ${mark(r.p50At1 <= 1)}` + pairTarget(r, 0.5),
    caseload: (r) => `p50 < 300 ms: ${mark(r.p50 < 300)}`,
    outcomes: (r) => `p50 < 300 ms: ${mark(r.p50 < 300)}`,
    alerts: (r) => `p50 < 300 ms: ${mark(r.p50 < 300)}`,
    baseline: () => '',
    baselineOne: () => '',
  };
  log('');
  log(
    `GenerAttivi bench — ${ENGINE}, ${pacts.toLocaleString('en')} pacts, ${CONNECTIONS} connections; list and one pact: medians of ${ROUNDS} alternating rounds of ${ROUND} s with their baselines (ratios: medians of the per-round ratios, cpu ratio = baseline cpu / API cpu); the others ${DURATION} s after ${WARMUP} s warm-up; p50@1 = p50 of requests sent one at a time (${SINGLE_DURATION} s, timed to the microsecond; a pair's sides take turns every 250 ms); first = the first request (reports and alerts computed, not yet cached); cpu = server CPU time per request`,
  );
  const header = [
    'endpoint',
    'req/s',
    'p50 ms',
    'p99 ms',
    'p50@1 ms',
    'first ms',
    'cpu ms',
    'target',
  ];
  const driver = ENGINE === 'sqlite' ? 'better-sqlite3' : 'pg';
  const labels = {
    baseline: `baseline (node:http + ${driver}, same list, token, scope, access log)`,
    baselineOne: `baseline (node:http + ${driver}, same pacts, token, scope, access log)`,
  };
  const table = rows.map((k) => {
    const r = results[k];
    return [
      labels[k] ?? r.label,
      String(r.rps),
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.p50At1, 2),
      fmt(r.firstMs, 0),
      fmt(r.cpuMs, 3),
      targets[k](r),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) =>
        i === 0 || i === header.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) log(line(row));
  if (results.underLoad) {
    const u = results.underLoad;
    log('');
    log(
      `${u.label}: p50 ${fmt(u.p50)} ms, p99 ${fmt(u.p99)} ms — target p99 < 100 ms: ${mark(u.p99 < 100)}`,
    );
    for (const [k, l] of Object.entries(u.loops))
      log(
        `  ${k} loop: ${l.n} answered, p50 ${l.p50} ms, max ${l.max} ms; ${l.busy} × 503 BUSY, ${l.other} other errors`,
      );
  }
  if (results.search) {
    log('');
    log(
      `search latency at ${pacts.toLocaleString('en')} pacts (${SEARCH_RUNS} requests each, one at a time; req/s = one at a time; cpu = server CPU time per request) — target p99 < 50 ms (issue 13):`,
    );
    for (const r of results.search)
      log(
        `  ${`${r.who}, ${r.label}`.padEnd(64)} ${String(r.found).padStart(3)} found  p50 ${fmt(r.p50)} ms  p97.5 ${fmt(r.p975)} ms  p99 ${fmt(r.p99)} ms  ${fmt(r.rps, 0).padStart(4)} req/s  cpu ${fmt(r.cpu, 2)} ms  ${mark(r.p99 < 50)}`,
      );
  }
  log('');
  log(
    `server RSS (max while driven): ${fmt(rssMax, 0)} MB — target < 300 MB: ${mark(rssMax < 300)}`,
  );
  log(`start to healthy: ${startMs} ms — target < 3 s: ${mark(startMs < 3000)}`);
  if (sameJson !== null)
    log(`baseline answers the same JSON and Content-Range as the API: ${sameJson ? 'yes' : 'NO'}`);
  const previous = (() => {
    try {
      const p = JSON.parse(readFileSync(RESULTS, 'utf8'));
      return p.engine === ENGINE ? p : null;
    } catch {
      return null;
    }
  })();
  for (const k of ['list', 'one']) {
    const r = results[k];
    const before = previous?.[k];
    if (!r || r.ratio === undefined || !before?.ratio || !before.cpuRatio) continue;
    const change = (now, then) =>
      `${now >= then ? '+' : ''}${fmt(((now - then) / then) * 100, 0)} %`;
    log(
      `${k}: ratio ${fmt(r.ratio, 2)} (previous run ${fmt(before.ratio, 2)}, ${change(r.ratio, before.ratio)}), cpu ratio ${fmt(r.cpuRatio, 2)} (previous ${fmt(before.cpuRatio, 2)}, ${change(r.cpuRatio, before.cpuRatio)})`,
    );
  }
  log(
    `load average during the run: ${loadAverage()?.join(' ') ?? 'unknown'} on ${require('node:os').cpus().length} cores (other work skews latencies, much less the CPU per request)`,
  );
  log(`server log: ${logFile}`);

  const pick = (r, withRatio) =>
    r && {
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      ...(withRatio ? { ratio: r.ratio ?? null, cpuRatio: r.cpuRatio ?? null } : {}),
    };
  const measured = rows.filter((k) => !k.startsWith('baseline'));
  const json = {
    engine: ENGINE,
    list: pick(results.list, true),
    one: pick(results.one, true),
    caseload: pick(results.caseload),
    outcomes: pick(results.outcomes),
    alerts: pick(results.alerts),
    healthUnderLoad: results.underLoad
      ? { p50: results.underLoad.p50, p99: results.underLoad.p99, loops: results.underLoad.loops }
      : null,
    baseline: pick(results.baseline) ?? null,
    search: results.search
      ? results.search.map((r) => ({
          who: r.who,
          query: r.label,
          found: r.found,
          p50: Math.round(r.p50 * 10) / 10,
          p975: Math.round(r.p975 * 10) / 10,
          p99: Math.round(r.p99 * 10) / 10,
          rps: Math.round(r.rps),
          cpuMs: Math.round(r.cpu * 100) / 100,
        }))
      : null,
    rssMb: Math.round(rssMax),
    startMs,
    // Beyond the shape of issue 6: the one-pact baseline, the conditions of the run,
    // one-connection and first-request latencies.
    pacts,
    connections: CONNECTIONS,
    durationS: DURATION,
    baselineOne: pick(results.baselineOne) ?? null,
    p50At1Ms: Object.fromEntries(rows.map((k) => [k, results[k].p50At1])),
    firstRequestMs: Object.fromEntries(measured.map((k) => [k, results[k].firstMs])),
    cpuMsPerRequest: Object.fromEntries(rows.map((k) => [k, results[k].cpuMs])),
    rounds: results.rounds ?? null,
    loadAverage: loadAverage(),
  };
  writeFileSync(RESULTS, JSON.stringify(json, null, 2) + '\n');
  log(`wrote ${RESULTS}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
