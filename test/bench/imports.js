#!/usr/bin/env node
// `npm run bench:imports`: a spreadsheet of 20,000 people imported through the API (issue 14).
// Builds nothing: it starts the built server as `npm start` runs it (its heap limit) on a fresh
// database with the demo data and, as the administrator, measures:
//   - the dry run and then the commit of a CSV (or XLSX) of BENCH_ROWS new people, each from the upload
//     until the job is DONE;
//   - the server's resident memory (VmRSS sampled from /proc, and its high-water mark VmHWM)
//     before and during the import;
//   - the latency of other requests meanwhile: GET /api/health and a page of the pacts list,
//     each asked every 200 ms, one after the other.
// Prints a table and writes test/bench/results/imports-<date>.json (not committed).
//
// Environment (all optional):
//   BENCH_DATABASE_URL  postgres://… server URL: a fresh database is created on it and dropped
//                       (default: a fresh SQLite file in a temporary folder)
//   BENCH_ROWS          rows of the file (default 20000)
//   BENCH_FORMAT        csv (default) or xlsx: the file as Excel saves it (shared strings, the
//                       «Istruzioni» sheet first, birth dates as date cells)
//   BENCH_NODE_OPTIONS  NODE_OPTIONS for the server (default: the flags `npm start` gives node)
//   BENCH_SERVER_MAIN   another build of server/dist/main.js, to measure a change (A/B)
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const { PassThrough } = require('node:stream');
const { computeFiscalCode } = require('@generattivi/shared');
const ExcelJS = require('exceljs');
const { START_FLAGS, freshDatabase, sleep, startServer, stop } = require('./server');

const env = process.env;
const ROWS = Number(env.BENCH_ROWS ?? 20_000);
const FORMAT = env.BENCH_FORMAT ?? 'csv';
if (!['csv', 'xlsx'].includes(FORMAT)) throw new Error(`BENCH_FORMAT: csv or xlsx, not ${FORMAT}`);
const PG_URL = env.BENCH_DATABASE_URL;
const ENGINE = PG_URL ? 'postgres' : 'sqlite';
const EMAIL = 'admin@demo.generattivi.it';
const PASSWORD = 'demo-password';
const RESULTS_DIR = join(__dirname, 'results');
const PROBE_EVERY_MS = 200;
const HEADER = [
  'Cognome',
  'Nome',
  'Codice fiscale',
  'Data di nascita',
  'Sesso',
  'Ambito',
  'Comune',
  'Condizione occupazionale',
];

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** A field of /proc/<pid>/status in MiB (VmRSS: resident now, VmHWM: its peak so far). */
function statusMiB(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
}

/** `rows` different people with valid fiscal codes (birth dates dd/mm/yyyy). */
function peopleRows(rows) {
  const lines = [];
  for (let n = 0; n < rows; n++) {
    const birthDate = `${1950 + (n % 50)}-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const letter = (i) => String.fromCharCode(65 + (i % 26));
    const lastName = `Prova${letter(n)}${letter(Math.floor(n / 26))}${letter(Math.floor(n / 676))}`;
    const fiscalCode = computeFiscalCode({
      lastName,
      firstName: 'Anna',
      birthDate,
      sex: 'F',
      municipalityCode: `H${String(n % 1000).padStart(3, '0')}`,
    });
    const [y, m, d] = birthDate.split('-');
    lines.push([
      lastName,
      'Anna',
      fiscalCode,
      `${d}/${m}/${y}`,
      'F',
      'Crema',
      'Crema',
      'Disoccupato',
    ]);
  }
  return lines;
}

/** A CSV as Excel in Italian saves it. */
function peopleCsv(rows) {
  return Buffer.from(`${[HEADER, ...peopleRows(rows)].map((l) => l.join(';')).join('\r\n')}\r\n`);
}

/** An XLSX as Excel saves it: shared strings, «Istruzioni» first, birth dates as dates. */
async function peopleXlsx(rows) {
  const out = new PassThrough();
  const chunks = [];
  out.on('data', (chunk) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: true,
  });
  writer.addWorksheet('Istruzioni').addRow(['Compila il foglio «Persone»']).commit();
  const sheet = writer.addWorksheet('Persone');
  sheet.addRow(HEADER).commit();
  for (const line of peopleRows(rows)) {
    const [d, m, y] = line[3].split('/').map(Number);
    const row = sheet.addRow([
      ...line.slice(0, 3),
      new Date(Date.UTC(y, m - 1, d)),
      ...line.slice(4),
    ]);
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

async function json(res, what) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what} → ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Uploads the file and polls the job until it is DONE; its milliseconds and its record. */
async function runImport(url, token, file, dryRun) {
  const start = process.hrtime.bigint();
  const form = new FormData();
  form.set('kind', 'beneficiaries');
  form.set('dryRun', String(dryRun));
  form.set('file', new Blob([file]), `persone.${FORMAT}`);
  const headers = { authorization: `Bearer ${token}` };
  let job = await json(
    await fetch(`${url}/api/imports`, { method: 'POST', headers, body: form }),
    'POST /api/imports',
  );
  while (job.status !== 'DONE' && job.status !== 'FAILED') {
    await sleep(100);
    // While it runs the job carries no report: each poll is small.
    job = await json(await fetch(`${url}/api/imports/${job.id}`, { headers }), 'GET import');
  }
  return { ms: ms(start), job };
}

/** Asks `path` every PROBE_EVERY_MS until stopped; each answer's milliseconds. */
function probe(url, token, path) {
  const times = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = process.hrtime.bigint();
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path} → ${res.status}`);
      times.push(ms(start));
      await sleep(PROBE_EVERY_MS);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return times;
    },
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const latency = (times) => ({
  requests: times.length,
  medianMs: percentile(times, 50),
  p95Ms: percentile(times, 95),
  maxMs: Math.max(...times),
});

async function main() {
  const database = await freshDatabase('imports', PG_URL);
  const nodeOptions = env.BENCH_NODE_OPTIONS ?? START_FLAGS;
  const server = await startServer(
    {
      NODE_ENV: 'test',
      NODE_OPTIONS: nodeOptions,
      DATABASE_URL: database.url,
      DEMO_DATA: 'true',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
    },
    ['ignore', 'ignore', 'inherit'],
    120_000,
  );
  try {
    const { url } = server;
    const pid = server.child.pid;
    const { accessToken: token } = await json(
      await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      }),
      'login',
    );
    const file = FORMAT === 'xlsx' ? await peopleXlsx(ROWS) : peopleCsv(ROWS);
    const loadBefore = loadavg();
    const rssIdle = statusMiB(pid, 'VmRSS');
    let rssPeak = rssIdle;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, statusMiB(pid, 'VmRSS'));
    }, 50);
    const health = probe(url, token, '/api/health');
    const pacts = probe(url, token, '/api/pacts?range=[0,24]');
    const dry = await runImport(url, token, file, true);
    const commit = await runImport(url, token, file, false);
    const [healthTimes, pactTimes] = [await health.stop(), await pacts.stop()];
    clearInterval(sampler);
    const hwm = statusMiB(pid, 'VmHWM');
    for (const [phase, { job }] of Object.entries({ dry, commit })) {
      if (job.status !== 'DONE' || job.created !== ROWS || job.failed !== 0)
        throw new Error(`the ${phase} did not import every row: ${JSON.stringify(job)}`);
    }

    const results = {
      at: new Date().toISOString(),
      engine: ENGINE,
      format: FORMAT,
      fileBytes: file.length,
      rows: ROWS,
      nodeOptions,
      loadAverage: { before: loadBefore, after: loadavg() },
      dryRunMs: dry.ms,
      commitMs: commit.ms,
      rss: { idleMiB: rssIdle, peakSampledMiB: rssPeak, highWaterMiB: hwm },
      health: latency(healthTimes),
      pactsPage: latency(pactTimes),
    };
    const fmt = (n) => n.toFixed(1);
    const row = (l) =>
      `${fmt(l.medianMs)} / ${fmt(l.p95Ms)} / ${fmt(l.maxMs)} ms (${l.requests} requests)`;
    console.log('');
    console.log(
      `| ${ROWS} people, ${FORMAT} of ${fmt(file.length / 1024)} KiB, on ${ENGINE} (NODE_OPTIONS=${nodeOptions}) | value |`,
    );
    console.log('|---|---|');
    console.log(`| dry run, upload to DONE | ${fmt(dry.ms / 1000)} s |`);
    console.log(`| commit, upload to DONE | ${fmt(commit.ms / 1000)} s |`);
    console.log(
      `| server RSS idle / sampled peak / high-water mark | ${fmt(rssIdle)} / ${fmt(rssPeak)} / ${fmt(hwm)} MiB |`,
    );
    console.log(`| GET /api/health meanwhile, median / p95 / max | ${row(results.health)} |`);
    console.log(`| a page of 25 pacts meanwhile, median / p95 / max | ${row(results.pactsPage)} |`);
    console.log(
      `| load average (1, 5, 15 min) before / after | ${loadBefore.map(fmt).join(', ')} / ${results.loadAverage.after.map(fmt).join(', ')} |`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `imports-${results.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to ${out}`);
  } finally {
    await stop(server.child);
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
