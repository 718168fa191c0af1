import { readFileSync } from 'node:fs';
import { addDays, computeFiscalCode, todayIso, type Sex } from '@generattivi/shared';
import type { Locator, Page } from 'playwright-core';
import type { TestServer } from './server';
import { DEMO_PASSWORD } from './server';

/** What the browser journeys share: signing in, axe-core, and records made through the API. */

export const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** Signs in through the login page and waits for the home of the role. */
export async function signIn(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(server.url + '/');
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  // The login page has its own h1: wait for it to go, then for the home's.
  await page
    .getByRole('button', { name: 'Accedi' })
    .waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The input labelled exactly `label` (react-admin adds " *" to required ones). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escape(label)}(\\s*\\*)?$`));
}

/** The helper text (or error) shown under an input. */
export async function helperText(page: Page, input: Locator): Promise<string> {
  const id = await input.getAttribute('aria-describedby');
  if (!id) return '';
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

/** Opens an admin route (`/pacts/3/show`) and waits for the app to settle. */
export async function openRoute(page: Page, server: TestServer, route: string): Promise<void> {
  await page.goto(`${server.url}/#${route}`);
  await waitForData(page);
}

/** Waits until nothing is loading: no progress indicator, no skeleton. */
export async function waitForData(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.MuiSkeleton-root, [aria-busy="true"], .MuiLinearProgress-indeterminate, .app-loader')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page and returns the violations of impact serious or critical,
 * each with the elements it found (an empty list is a pass).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    // The app's Content-Security-Policy (script-src 'self') refuses the inline <script> that
    // page.addScriptTag writes; evaluating the same source through the DevTools protocol is
    // not subject to it, and leaves the policy on for the page itself.
    await page
      .addScriptTag({ path: AXE_SCRIPT })
      .catch(() => page.evaluate(readFileSync(AXE_SCRIPT, 'utf8')));
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}

/**
 * Readies the page for a full-page screenshot: the pointer out of the way (no tooltip or
 * hover), nothing focused (no skip link shown), scrolled to the top (the fixed app bar
 * where it belongs).
 */
export async function readyForScreenshot(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
}

export interface Person {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  fiscalCode: string;
}

/** A person born `age` years and `days` days before today, with a valid fiscal code. */
export function personAged(
  age: number,
  names: { firstName: string; lastName: string; sex: Sex },
  days = 10,
): Person {
  const today = todayIso();
  const anniversary = `${Number(today.slice(0, 4)) - age}${today.slice(4)}`.replace(
    /-02-29$/,
    '-02-28',
  );
  const birthDate = addDays(anniversary, -days);
  return {
    ...names,
    birthDate,
    fiscalCode: computeFiscalCode({ ...names, birthDate, municipalityCode: 'D142' }),
  };
}

/** The id of a territory by code (CREMA, CREMONA, CASALMAGGIORE). */
export async function territoryId(server: TestServer, token: string, code: string) {
  const res = await server.request<Array<{ id: number }>>(
    'GET',
    `/api/territories?filter=${encodeURIComponent(JSON.stringify({ code }))}`,
    { token },
  );
  return res.body[0].id;
}

/** The id of a user by email. */
export async function userId(server: TestServer, token: string, email: string) {
  const res = await server.request<Array<{ id: number }>>(
    'GET',
    `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`,
    { token },
  );
  return res.body[0].id;
}

/** Polls `read` until it returns `expected` (or the timeout passes); returns the last value. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** POSTs and fails loudly unless the server answers 2xx. */
export async function apiPost<T = { id: number; version: number }>(
  server: TestServer,
  token: string,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await server.request<T>('POST', path, { token, body });
  if (res.status >= 300) throw new Error(`POST ${path} → ${res.status} ${res.text}`);
  return res.body;
}

/** A beneficiary of Crema (aged 30, unemployed), registered through the API. */
export function cremaBeneficiary(
  server: TestServer,
  token: string,
  territoryId: number,
  names: { firstName: string; lastName: string; sex: Sex },
) {
  return apiPost(server, token, '/api/beneficiaries', {
    ...personAged(30, names),
    territoryId,
    municipality: 'Crema',
    employmentStatus: 'UNEMPLOYED',
  });
}

/** A new active community maker of the given territories, made by the administrator. */
export function makerAccount(
  server: TestServer,
  adminToken: string,
  fullName: string,
  territoryIds: number[],
) {
  return apiPost<{ id: number }>(server, adminToken, '/api/users', {
    email: `${fullName.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@test.generattivi.it`,
    fullName,
    role: 'COMMUNITY_MAKER',
    territoryIds,
    password: `${DEMO_PASSWORD}-Robusta!9`,
  });
}
