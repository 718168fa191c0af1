#!/usr/bin/env node
// `npm run bench:documents`: the signed pact and its documents, over the wire. Builds nothing:
// it starts the built server on a fresh SQLite database with the demo data and, as the demo
// social worker of Crema, measures:
//   - the pact as a PDF (GET /api/pacts/:id/document) for a pact with 40 milestones (median
//     of the runs, and its size and pages);
//   - the upload of a 10 MiB PDF (POST /api/documents, multipart), one after another (median);
//   - the server's resident memory (RSS, read from /proc) before and at its peak while 10
//     such uploads run at once.
// Prints a table and writes test/bench/results/documents-<date>.json (not committed).
//
// Environment (all optional): BENCH_RUNS (default 10), BENCH_SERVER_MAIN (see server.js).
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { startServer, stop } = require('./server');

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const EMAIL = 'sociale.crema@demo.generattivi.it';
const PASSWORD = 'demo-password';
const MILESTONES = 40;
const UPLOAD_BYTES = 10 * 1024 * 1024;
const PARALLEL_UPLOADS = 10;
const RESULTS_DIR = join(__dirname, 'results');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** The resident memory of a process, in MiB (Linux). */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function api(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A PDF of `size` bytes: a PDF header, then noise (the server decides the type from the bytes). */
function pdfOf(size) {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

async function upload(url, token, pactId, file, n) {
  const form = new FormData();
  form.set('ownerType', 'pacts');
  form.set('ownerId', String(pactId));
  form.set('kind', 'OTHER');
  form.set('file', new Blob([file], { type: 'application/pdf' }), `allegato-${n}.pdf`);
  const res = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload → ${res.status} ${text}`);
  return JSON.parse(text);
}

async function main() {
  const dbDir = mkdtempSync(join(tmpdir(), 'generattivi-bench-documents-'));
  const server = await startServer(
    {
      NODE_ENV: 'test',
      DATABASE_URL: join(dbDir, 'bench.sqlite'),
      DEMO_DATA: 'true',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
    },
    ['ignore', 'ignore', 'inherit'],
  );
  try {
    const { url } = server;
    const { accessToken: token } = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    }).then((r) => r.json());

    // An active pact of the district, brought to 40 milestones.
    const [pact] = await api(
      url,
      token,
      'GET',
      `/api/pacts?filter=${encodeURIComponent(JSON.stringify({ status: 'ACTIVE' }))}&range=[0,0]`,
    );
    const existing = await api(
      url,
      token,
      'GET',
      `/api/milestones?filter=${encodeURIComponent(JSON.stringify({ pactId: pact.id }))}&range=[0,99]`,
    );
    const today = new Date();
    for (let n = existing.length + 1; n <= MILESTONES; n++) {
      const due = new Date(today.getTime() + n * 7 * 86_400_000).toISOString().slice(0, 10);
      await api(url, token, 'POST', '/api/milestones', {
        pactId: pact.id,
        title: `Tappa ${n}: colloquio di verifica con l'assistente sociale e il tutor`,
        dueDate: due,
      });
    }

    const pdfTimes = [];
    let pdfBytes = 0;
    for (let run = 0; run < RUNS + 1; run++) {
      const start = process.hrtime.bigint();
      const res = await fetch(`${url}/api/pacts/${pact.id}/document`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`document → ${res.status}`);
      if (run > 0) pdfTimes.push(ms(start)); // the first warms the code paths
      pdfBytes = body.length;
    }
    const pages = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(
      Buffer.from(
        await (
          await fetch(`${url}/api/pacts/${pact.id}/document`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).arrayBuffer(),
      ).toString('latin1'),
    )?.[1];

    const file = pdfOf(UPLOAD_BYTES);
    const uploadTimes = [];
    for (let run = 0; run < Math.min(RUNS, 5); run++) {
      const start = process.hrtime.bigint();
      await upload(url, token, pact.id, file, run);
      uploadTimes.push(ms(start));
    }

    const rssBefore = rssMiB(server.child.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMiB(server.child.pid));
    }, 10);
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: PARALLEL_UPLOADS }, (_, n) =>
        upload(url, token, pact.id, file, 100 + n),
      ),
    );
    const parallelMs = ms(start);
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssMiB(server.child.pid));

    const results = {
      at: new Date().toISOString(),
      runs: RUNS,
      pdf: { milestones: MILESTONES, medianMs: median(pdfTimes), bytes: pdfBytes, pages },
      upload: { bytes: UPLOAD_BYTES, medianMs: median(uploadTimes), runs: uploadTimes.length },
      parallel: {
        uploads: PARALLEL_UPLOADS,
        totalMs: parallelMs,
        rssBeforeMiB: rssBefore,
        rssPeakMiB: rssPeak,
      },
    };
    const fmt = (n) => n.toFixed(1);
    console.log('');
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(
      `| pact PDF, ${MILESTONES} milestones (median of ${RUNS}) | ${fmt(results.pdf.medianMs)} ms, ${(pdfBytes / 1024).toFixed(1)} KB, ${pages} pages |`,
    );
    console.log(
      `| upload of 10 MiB (median of ${uploadTimes.length}) | ${fmt(results.upload.medianMs)} ms |`,
    );
    console.log(`| ${PARALLEL_UPLOADS} uploads of 10 MiB at once | ${fmt(parallelMs)} ms in all |`);
    console.log(
      `| server RSS before / peak during them | ${fmt(rssBefore)} / ${fmt(rssPeak)} MiB |`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `documents-${results.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to ${out}`);
  } finally {
    await stop(server.child);
    rmSync(dbDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
