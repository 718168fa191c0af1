#!/usr/bin/env node
// `npm run bench:web`: the admin on a phone's weak network (issue "Field use"). Builds nothing:
// it starts the built server (server/dist, serving admin/dist) on a fresh SQLite database with
// the demo data, drives Debian's chromium with playwright-core under the emulated slow 4G of
// Chrome's DevTools (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), and measures, as the demo
// community maker, over several runs each in a fresh profile (median):
//   - cold visit, HTTP cache off: time until the login form can be used, and the bytes
//     transferred from the network until then (sum of encodedDataLength) and until idle;
//   - sign-in: time from pressing "Accedi" until the maker's home shows its pacts;
//   - warm visit (cache on, still signed in): time until the home shows its pacts again.
// Prints a table and writes test/bench/results/web-<date>.json (not committed).
//
// Environment (all optional):
//   BENCH_RUNS          runs (default 5)
//   BENCH_SERVER_MAIN   another build of server/dist/main.js (see server.js)
//   BENCH_ADMIN_DIST    another build of the admin (a dist folder), to measure a change (A/B)
//   CHROMIUM_PATH       (default /usr/bin/chromium)
//   BENCH_LABEL         a word written in the JSON (e.g. "before")
const { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');
const { ROOT, sleep, startServer, stop } = require('./server');

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const CHROMIUM = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EMAIL = 'maker.crema@demo.generattivi.it';
const PASSWORD = 'demo-password';
const RESULTS_DIR = join(__dirname, 'results');
const TIMEOUT = 60_000;

/** Chrome DevTools' "Slow 4G" preset (bytes per second). */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (...args) => console.log(...args);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Sums encodedDataLength of every response the page's target receives from the network (not
 * those a service worker or the disk cache answered), each noted with the time it finished.
 */
function byteCounter(cdp) {
  const local = new Set();
  let finished = [];
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromServiceWorker || e.response.fromDiskCache) local.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!local.has(e.requestId)) finished.push({ at: Date.now(), bytes: e.encodedDataLength });
  });
  return {
    reset() {
      finished = [];
    },
    /** Bytes and requests finished by `until` (epoch ms; all by default). */
    sum(until = Infinity) {
      const done = finished.filter((f) => f.at <= until);
      return { bytes: done.reduce((n, f) => n + f.bytes, 0), requests: done.length };
    },
  };
}

/**
 * Notes in the page, as it happens, when the login form can be used (both inputs and an
 * enabled "Accedi" button) and when the maker's home shows its data (its heading and a pact),
 * in epoch milliseconds: the polling of the test does not add to the figures.
 */
const MARKS = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const loginUsable = () =>
    document.querySelector('input[type="email"]') &&
    document.querySelector('input[type="password"]') &&
    [...document.querySelectorAll('button')].some(
      (b) => !b.disabled && (b.textContent || '').includes('Accedi'),
    );
  const homeShown = () =>
    [...document.querySelectorAll('h1')].some((h) => h.textContent === 'I miei patti') &&
    document.querySelector('[data-pact]');
  const check = () => {
    if (!window.__loginUsableAt && loginUsable()) window.__loginUsableAt = now();
    if (!window.__homeShownAt && homeShown()) window.__homeShownAt = now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
})();`;

/** True once no service worker of the page is installing or waiting (or there is none). */
const SW_SETTLED = `navigator.serviceWorker.getRegistration().then(
  (r) => !r || (!r.installing && !r.waiting && r.active !== null),
)`;

async function swSettled(page) {
  const deadline = Date.now() + TIMEOUT;
  while (!(await page.evaluate(SW_SETTLED))) {
    if (Date.now() > deadline) throw new Error('the service worker did not finish installing');
    await sleep(100);
  }
}

const mark = (page, name) => page.evaluate(`window.${name}`);

/** The login form can be used: both inputs and an enabled "Accedi" button are on screen. */
async function loginUsable(page) {
  await page
    .getByLabel(/^Email/)
    .first()
    .waitFor({ timeout: TIMEOUT });
  await page
    .getByLabel(/^Password/)
    .first()
    .waitFor({ timeout: TIMEOUT });
  await page.locator('button:enabled', { hasText: 'Accedi' }).waitFor({ timeout: TIMEOUT });
}

/** The maker's home shows its data: the heading and at least one of the maker's pacts. */
async function homeShown(page) {
  await page.getByRole('heading', { name: 'I miei patti', level: 1 }).waitFor({ timeout: TIMEOUT });
  await page.locator('[data-pact]').first().waitFor({ timeout: TIMEOUT });
}

async function oneRun(url) {
  const profile = mkdtempSync(join(tmpdir(), 'generattivi-bench-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'it-IT',
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    args: ARGS,
  });
  try {
    await context.addInitScript({ content: MARKS });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const counter = byteCounter(cdp);

    // Cold visit.
    let t = Date.now();
    await page.goto(url + '/', { waitUntil: 'commit', timeout: TIMEOUT });
    await loginUsable(page);
    const loginAt = await mark(page, '__loginUsableAt');
    const loginMs = loginAt - t;
    const { bytes: loginBytes, requests: loginRequests } = counter.sum(loginAt);
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    const { bytes: idleBytes, requests: idleRequests } = counter.sum();

    // Sign-in (cache on from here: what the login page loaded serves the home).
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page
      .getByLabel(/^Email/)
      .first()
      .fill(EMAIL);
    await page
      .getByLabel(/^Password/)
      .first()
      .fill(PASSWORD);
    counter.reset();
    t = Date.now();
    await page.getByRole('button', { name: 'Accedi' }).click();
    await homeShown(page);
    const signInAt = await mark(page, '__homeShownAt');
    const signInMs = signInAt - t;
    const signInBytes = counter.sum(signInAt).bytes;

    // Warm visit: the same profile comes back later, signed in, with its HTTP cache and its
    // service worker (if the admin has one) done installing.
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    await swSettled(page);
    await page.goto('about:blank');
    counter.reset();
    t = Date.now();
    await page.goto(url + '/', { waitUntil: 'commit', timeout: TIMEOUT });
    await homeShown(page);
    const warmAt = await mark(page, '__homeShownAt');
    const warmMs = warmAt - t;
    const warmBytes = counter.sum(warmAt).bytes;

    return {
      loginMs,
      loginBytes,
      loginRequests,
      idleBytes,
      idleRequests,
      signInMs,
      signInBytes,
      warmMs,
      warmBytes,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const adminDist = resolve(env.BENCH_ADMIN_DIST ?? join(ROOT, 'admin', 'dist'));
  for (const [what, file] of [
    ['the server', join(ROOT, 'server', 'dist', 'main.js')],
    ['the admin', join(adminDist, 'index.html')],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build ${what} first`);
  }
  const dbDir = mkdtempSync(join(tmpdir(), 'generattivi-bench-web-db-'));
  log('starting the built server on a fresh SQLite database with the demo data…');
  const server = await startServer(
    {
      // The demo data is refused in production; the admin is served the same way.
      NODE_ENV: 'test',
      DATABASE_URL: join(dbDir, 'bench.sqlite'),
      DEMO_DATA: 'true',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '10000',
      ADMIN_DIST: adminDist,
    },
    ['ignore', 'ignore', 'inherit'],
  );
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const run = await oneRun(server.url);
      runs.push(run);
      log(
        `run ${i + 1}/${RUNS}: login form ${Math.round(run.loginMs)} ms, ` +
          `${(run.loginBytes / 1000).toFixed(1)} kB; home after sign-in ${Math.round(run.signInMs)} ms; ` +
          `warm visit ${Math.round(run.warmMs)} ms`,
      );
    }
  } finally {
    await stop(server.child);
    rmSync(dbDir, { recursive: true, force: true });
  }

  const keys = Object.keys(runs[0]);
  const medians = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const rows = [
    ['cold: login form usable', s(medians.loginMs)],
    [`cold: transferred until then (${medians.loginRequests} requests)`, kb(medians.loginBytes)],
    [`cold: transferred until idle (${medians.idleRequests} requests)`, kb(medians.idleBytes)],
    ['sign-in: "Accedi" → maker home with its pacts', s(medians.signInMs)],
    ['sign-in: transferred', kb(medians.signInBytes)],
    ['warm visit (cached, signed in) → home with pacts', s(medians.warmMs)],
    ['warm visit: transferred', kb(medians.warmBytes)],
  ];
  log(`\nslow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up), median of ${RUNS} runs`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value] of rows) log(`${name.padEnd(width)}  ${value.padStart(10)}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        label: env.BENCH_LABEL ?? null,
        at: new Date().toISOString(),
        network: SLOW_4G,
        runs: RUNS,
        medians,
        all: runs,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nwritten ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
