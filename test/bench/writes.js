#!/usr/bin/env node
// Write throughput with one or more server instances on one database (issue 10): starts the
// built server (server/dist/main.js) INSTANCES times on a fresh database with the demo data,
// and drives POST /api/households (a write with its audit event, no shared row other than
// the audit chain) on every instance at once with autocannon. Prints the 201s per second.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  postgres://… server URL: a fresh database is created on it and dropped
//                       (default: a fresh SQLite file in a temporary folder)
//   INSTANCES           server instances on the one database (default 1)
//   BENCH_DURATION      seconds (default 10), BENCH_CONNECTIONS per instance (default 16)
//   BENCH_SERVER_MAIN   another build of server/dist/main.js, to measure a change (A/B)
const autocannon = require('autocannon');
const { freshDatabase, startServer, stop } = require('./server');

const env = process.env;
const INSTANCES = Number(env.INSTANCES ?? 1);
const DURATION = Number(env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 16);
const PG_URL = env.BENCH_DATABASE_URL;

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
    const territories = await (
      await fetch(`${servers[0].url}/api/territories`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
    ).json();
    const territoryId = territories.find((t) => t.code === 'CREMA').id;
    const body = JSON.stringify({
      name: 'Famiglia Bench',
      territoryId,
      municipality: 'Crema',
      membersCount: 3,
      iseeEur: 8000,
      vulnerable: false,
    });
    const results = await Promise.all(
      servers.map((s) =>
        autocannon({
          url: `${s.url}/api/households`,
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body,
          connections: CONNECTIONS,
          duration: DURATION,
        }),
      ),
    );
    const created = results.reduce((n, r) => n + (r['2xx'] ?? 0), 0);
    const other = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
    console.log(
      `${PG_URL ? 'postgres' : 'sqlite'} · ${INSTANCES} instance(s) · ${CONNECTIONS} connections each · ${DURATION} s: ` +
        `${(created / DURATION).toFixed(0)} households created/s (${created} created, ${other} other answers)`,
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
