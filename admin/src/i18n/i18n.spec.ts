import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTIONS,
  AUTONOMY_OUTCOMES,
  EMPLOYMENT_STATUSES,
  INCLUSION_OUTCOMES,
  MILESTONE_STATUSES,
  NOTE_KINDS,
  PACT_STATUSES,
  PACT_TYPES,
  RESOURCES,
  ROLES,
  SEXES,
  TERMINATION_CODES,
  TERRITORY_CODES,
} from '@generattivi/shared';
import englishMessages from 'ra-language-english';
import englishAppMessages from './en';
import italianMessages from './it';
import loginMessages from './itLogin';

/** Every leaf of a message tree, as `path.to.key` → message. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [p, v] of leaves(value as object, path)) found.set(p, v);
  }
  return found;
}

const placeholders = (message: string) =>
  [...message.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const itKeys = leaves(italianMessages);
  const enKeys = leaves(englishAppMessages);

  it('has every English key in Italian and vice versa', () => {
    expect([...enKeys.keys()].filter((k) => !itKeys.has(k))).toEqual([]);
    expect([...itKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it("translates every key of react-admin's own English messages", () => {
    const raKeys = [...leaves(englishMessages).keys()];
    expect(raKeys.length).toBeGreaterThan(150);
    expect(raKeys.filter((k) => !itKeys.has(k))).toEqual([]);
    expect([...itKeys.keys()].filter((k) => k.startsWith('ra.') && !raKeys.includes(k))).toEqual(
      [],
    );
  });

  it('keeps the same placeholders and plural forms in both languages', () => {
    for (const [key, english] of enKeys) {
      const italian = itKeys.get(key) ?? '';
      expect({ key, placeholders: placeholders(italian) }).toEqual({
        key,
        placeholders: placeholders(english),
      });
      expect({ key, plurals: italian.split('||||').length }).toEqual({
        key,
        plurals: english.split('||||').length,
      });
    }
  });

  it('names every resource and labels every value of the shared enums', () => {
    const enums = {
      territory: TERRITORY_CODES,
      role: ROLES,
      employmentStatus: EMPLOYMENT_STATUSES,
      sex: SEXES,
      pactType: PACT_TYPES,
      pactStatus: PACT_STATUSES,
      milestoneStatus: MILESTONE_STATUSES,
      noteKind: NOTE_KINDS,
      outcome: [...AUTONOMY_OUTCOMES, ...INCLUSION_OUTCOMES],
      terminationCode: TERMINATION_CODES,
      auditAction: AUDIT_ACTIONS,
    };
    for (const keys of [itKeys, enKeys]) {
      for (const resource of RESOURCES) expect(keys.get(`resources.${resource}.name`)).toBeTruthy();
      for (const [group, values] of Object.entries(enums)) {
        for (const value of values) expect(keys.get(`enums.${group}.${value}`)).toBeTruthy();
      }
    }
  });
});

describe("the login page's wording (in the first script)", () => {
  const loginKeys = leaves(loginMessages);
  const itKeys = leaves(italianMessages);

  it('is a part of the Italian wording, word for word', () => {
    expect(loginKeys.size).toBeGreaterThan(150);
    for (const [key, message] of loginKeys)
      expect({ key, message }).toEqual({ key, message: itKeys.get(key) });
  });

  it('has every key the login page and its shell use', () => {
    const dir = join(__dirname, '..');
    const files = [
      ...readdirSync(join(dir, 'login')).map((name) => join(dir, 'login', name)),
      join(dir, 'main.tsx'),
      join(dir, 'providers', 'authProvider.ts'),
    ].filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file));
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"`]((?:ra|app)\.[\w.]+)['"`]/g)].map((m) => m[1]),
    );
    expect(used).toEqual(
      expect.arrayContaining(['app.title', 'ra.auth.sign_in', 'ra.auth.sign_in_error']),
    );
    expect(used.filter((key) => !loginKeys.has(key))).toEqual([]);
  });

  it("has the sentence of every refusal of a login (429) and its wait's words", () => {
    for (const code of [
      'ACCOUNT_LOCKED',
      'ACCOUNT_BACKOFF',
      'LOGIN_RATE_LIMITED',
      'TOO_MANY_REQUESTS',
    ]) {
      expect(loginKeys.get(`app.error_codes.${code}`)).toBe(itKeys.get(`app.error_codes.${code}`));
    }
    expect(loginKeys.has('app.wait.seconds') && loginKeys.has('app.wait.minutes')).toBe(true);
    // What only the admin's pages say stays out of the first script.
    expect(loginKeys.has('app.dashboard.maker_title')).toBe(false);
    expect(loginKeys.has('resources.pacts.name')).toBe(false);
  });
});

/** A fresh copy of the provider module: its wording starts as the login page's. */
async function freshProvider() {
  let module: typeof import('../providers/i18nProvider') | undefined;
  await jest.isolateModulesAsync(async () => {
    module = await import('../providers/i18nProvider');
  });
  return module!;
}

describe('i18nProvider', () => {
  it('speaks Italian by default and offers English', async () => {
    const { i18nProvider, LOCALES } = await freshProvider();
    expect(i18nProvider.getLocale()).toBe('it');
    expect(i18nProvider.getLocales?.()).toEqual(LOCALES);
  });

  it("has the login page's words at once and the admin's once loadWording has fetched them", async () => {
    const { i18nProvider, loadWording } = await freshProvider();
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Accedi');
    expect(i18nProvider.translate('app.subtitle')).toBe('Patti GenerAttivi, progetto Fare Legami');
    expect(i18nProvider.translate('app.dashboard.maker_title', { _: 'not yet' })).toBe('not yet');
    await loadWording();
    expect(i18nProvider.getLocale()).toBe('it');
    expect(i18nProvider.translate('app.dashboard.maker_title')).toBe('I miei patti');
    expect(i18nProvider.translate('resources.pacts.name', { smart_count: 2 })).toBe('Patti');
    expect(i18nProvider.translate('enums.role.SOCIAL_WORKER')).toBe('Assistente sociale');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Accedi');
  });

  it('stays in English when English was asked for while the Italian wording was on its way', async () => {
    const { i18nProvider, loadWording } = await freshProvider();
    await Promise.all([i18nProvider.changeLocale('en'), loadWording()]);
    expect(i18nProvider.getLocale()).toBe('en');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Sign in');
    expect(i18nProvider.translate('app.dashboard.maker_title')).toBe(
      englishAppMessages.app.dashboard.maker_title,
    );
    // Back to Italian: the whole wording, not only the login page's.
    await i18nProvider.changeLocale('it');
    expect(i18nProvider.translate('app.dashboard.maker_title')).toBe('I miei patti');
  });
});
