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
import { i18nProvider, LOCALES } from '../providers/i18nProvider';
import englishAppMessages from './en';
import italianMessages from './it';

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

describe('i18nProvider', () => {
  it('speaks Italian by default and offers English', () => {
    expect(i18nProvider.getLocale()).toBe('it');
    expect(i18nProvider.getLocales?.()).toEqual(LOCALES);
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Accedi');
    expect(i18nProvider.translate('resources.pacts.name', { smart_count: 2 })).toBe('Patti');
    expect(i18nProvider.translate('enums.role.SOCIAL_WORKER')).toBe('Assistente sociale');
  });
});
