#!/usr/bin/env node
// Write throughput with one or more server instances on one database (issue 10): starts the
// built server (server/dist/main.js) INSTANCES times on a fresh database with the demo data,
// and drives POST /api/households (a write with its audit event, no shared row other than
// the audit chain) on every instance at once with autocannon. Prints the 201s per second.
// With BENCH_WRITE=milestones, POST /api/milestones instead, on the social worker's open pacts
// in rotation: a write of records, which also moves the count of record changes (the result
// cache's stamp, migration RecordChanges) and locks its pact.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  postgres://… server URL: a fresh database is created on it and dropped
//                       (default: a fresh SQLite file in a temporary folder)
//   INSTANCES           server instances on the one database (default 1)
//   BENCH_DURATION      seconds (default 10), BENCH_CONNECTIONS per instance (default 16)
//   BENCH_SERVER_MAIN   another build of server/dist/main.js, to measure a change (A/B)
const autocannon = require('autocannon');
const { OPEN_PACT_STATUSES } = require('@generattivi/shared');
const { freshDatabase, startServer, stop } = require('./server');

const env = process.env;
const INSTANCES = Number(env.INSTANCES ?? 1);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 16);
const PG_URL = env.BENCH_DATABASE_URL;
const WRITE = env.BENCH_WRITE ?? 'households';
if (!['households', 'milestones'].includes(WRITE))
  throw new Error(`BENCH_WRITE: households or milestones, not ${WRITE}`);

const database = () => freshDatabase('writes', PG_URL);

/** One instance on the database, with the demo data (loaded by the first to start). */
function start(databaseUrl) {
  return startServer(
    {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'true',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
    },
    ['ignore', 'ignore', 'inherit'],
    120_000,
  );
}

async function main() {
  const db = await database();
  const servers = [];
  try {
    // One after the other: the first loads the demo data, the others find it there.
    for (let i = 0; i < INSTANCES; i++) servers.push(await start(db.url));
    const login = await fetch(`${servers[0].url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'sociale.crema@demo.generattivi.it',
        password: 'demo-password',
      }),
    });
    const { accessToken } = await login.json();
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const get = async (path) => (await fetch(`${servers[0].url}${path}`, { headers: auth })).json();
    const territoryId = (await get('/api/territories')).find((t) => t.code === 'CREMA').id;
    const household = JSON.stringify({
      name: 'Famiglia Bench',
      territoryId,
      municipality: 'Crema',
      membersCount: 3,
      iseeEur: 8000,
      vulnerable: false,
    });
    const range = encodeURIComponent(JSON.stringify([0, 499]));
    const open = new Set(OPEN_PACT_STATUSES);
    const pactIds = (await get(`/api/pacts?range=${range}`))
      .filter((p) => open.has(p.status))
      .map((p) => p.id);
    let next = 0;
    const milestone = () => ({
      pactId: pactIds[next++ % pactIds.length],
      title: 'Tappa del bench',
      dueDate: '2099-12-31',
    });
    const results = await Promise.all(
      servers.map((s) =>
        autocannon({
          url: `${s.url}/api/${WRITE}`,
          method: 'POST',
          headers: auth,
          ...(WRITE === 'households'
            ? { body: household }
            : {
                requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify(milestone()) }) }],
              }),
          connections: CONNECTIONS,
          duration: DURATION,
        }),
      ),
    );
    const created = results.reduce((n, r) => n + (r['2xx'] ?? 0), 0);
    const other = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
    console.log(
      `${PG_URL ? 'postgres' : 'sqlite'} · ${INSTANCES} instance(s) · ${CONNECTIONS} connections each · ${DURATION} s: ` +
        `${(created / DURATION).toFixed(0)} ${WRITE} created/s (${created} created, ${other} other answers)` +
        (WRITE === 'milestones' ? `, on ${pactIds.length} open pacts` : ''),
    );
  } finally {
    await Promise.all(servers.map((s) => stop(s.child)));
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
