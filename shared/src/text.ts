/** Small helpers for the human texts of the domain: Italian first, English beside it. */

import type { PactType } from './enums';

/** A text shown to people, in Italian (the default on screen) and English. */
export interface LocalizedText {
  it: string;
  en: string;
}

export const PACT_TYPE_LABELS: Record<PactType, LocalizedText> = {
  AUTONOMY: { it: "Patto per l'Autonomia", en: 'Autonomy Pact' },
  INCLUSION: { it: "Patto per l'Inclusione Sociale", en: 'Social Inclusion Pact' },
};

/** "1 anno", "40 anni" / "1 year", "40 years". */
export function yearsText(years: number): LocalizedText {
  return {
    it: `${years} ${years === 1 ? 'anno' : 'anni'}`,
    en: `${years} ${years === 1 ? 'year' : 'years'}`,
  };
}

/** An amount in euro cents written for people: "9.360,00 €" / "€9,360.00". */
export function formatEuroCents(cents: number): LocalizedText {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const units = String(Math.floor(abs / 100));
  const decimals = String(abs % 100).padStart(2, '0');
  const group = (separator: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return {
    it: `${sign}${group('.')},${decimals} €`,
    en: `${sign}€${group(',')}.${decimals}`,
  };
}

/** Euros (a number or a decimal string such as "9360.00") to integer cents; null when not a number. */
export function eurosToCents(euros: number | string): number | null {
  const value = typeof euros === 'string' ? (euros.trim() === '' ? NaN : Number(euros)) : euros;
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}
