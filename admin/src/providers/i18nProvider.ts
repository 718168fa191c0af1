import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import loginMessages from '../i18n/itLogin';

export const LOCALES = [
  { locale: 'it', name: 'Italiano' },
  { locale: 'en', name: 'English' },
];

/**
 * The Italian phrases known so far: the login page's at first (they travel in the first
 * script), all of them once `loadWording` has fetched them with the admin.
 */
let italian: TranslationMessages = loginMessages;
/** The language last asked for: the one the page ends up in, whatever arrives first. */
let wanted = 'it';

/**
 * Italian by default; the AppBar offers the switch to English, whose messages are fetched
 * only then (most people never download them).
 */
const polyglot = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en').then((module) => module.default) : italian),
  'it',
  LOCALES,
);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale(locale, options) {
    wanted = locale;
    return polyglot.changeLocale(locale, options);
  },
};

let wording: Promise<void> | undefined;

/**
 * Fetches the whole Italian wording (every page of the admin) and resolves once translations
 * use it. The admin is rendered only after it, so no page shows a raw key.
 */
export function loadWording(): Promise<void> {
  wording ??= import('../i18n/it').then(async (module) => {
    italian = module.default;
    if (wanted === 'it') await polyglot.changeLocale('it');
  });
  return wording;
}
