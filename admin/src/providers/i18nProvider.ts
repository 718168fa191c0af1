import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from '../i18n/en';
import it from '../i18n/it';

export const LOCALES = [
  { locale: 'it', name: 'Italiano' },
  { locale: 'en', name: 'English' },
];

/** Italian by default; the AppBar offers the switch to English. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : it),
  'it',
  LOCALES,
);
