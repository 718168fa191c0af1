import polyglotI18nProvider from 'ra-i18n-polyglot';
import it from '../i18n/it';

export const LOCALES = [
  { locale: 'it', name: 'Italiano' },
  { locale: 'en', name: 'English' },
];

/**
 * Italian by default; the AppBar offers the switch to English, whose messages are fetched
 * only then (most people never download them).
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en').then((module) => module.default) : it),
  'it',
  LOCALES,
);
