import type { LocalizedText } from '@generattivi/shared';
import { useLocaleState } from 'react-admin';

/** Picks the text of a shared `{it, en}` pair in the language on screen (Italian by default). */
export const useLocalized = () => {
  const [locale] = useLocaleState();
  return (text: LocalizedText) => (locale === 'en' ? text.en : text.it);
};
