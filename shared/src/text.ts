/** Small helpers for the human texts of the domain: Italian first, English beside it. */

import type { PactOutcome, PactStatus, PactType, TerminationCode } from './enums';

/** A text shown to people, in Italian (the default on screen) and English. */
export interface LocalizedText {
  it: string;
  en: string;
}

export const PACT_TYPE_LABELS: Record<PactType, LocalizedText> = {
  AUTONOMY: { it: "Patto per l'Autonomia", en: 'Autonomy Pact' },
  INCLUSION: { it: "Patto per l'Inclusione Sociale", en: 'Social Inclusion Pact' },
};

export const PACT_STATUS_LABELS: Record<PactStatus, LocalizedText> = {
  DRAFT: { it: 'Bozza', en: 'Draft' },
  SUBMITTED: { it: 'Inviato', en: 'Submitted' },
  ACTIVE: { it: 'Attivo', en: 'Active' },
  SUSPENDED: { it: 'Sospeso', en: 'Suspended' },
  COMPLETED: { it: 'Concluso', en: 'Completed' },
  TERMINATED: { it: 'Interrotto', en: 'Terminated' },
  CANCELLED: { it: 'Annullato', en: 'Cancelled' },
};

export const PACT_OUTCOME_LABELS: Record<PactOutcome, LocalizedText> = {
  EMPLOYED: { it: 'Occupazione trovata', en: 'Employed' },
  TRAINING: { it: 'Percorso di formazione', en: 'Training' },
  INTERNSHIP: { it: 'Tirocinio', en: 'Internship' },
  PARTIAL: { it: 'Obiettivi raggiunti in parte', en: 'Partially achieved' },
  AUTONOMY_REGAINED: { it: 'Autonomia riconquistata', en: 'Autonomy regained' },
  IMPROVED: { it: 'Condizione migliorata', en: 'Improved' },
  REFERRED_TO_SERVICES: { it: 'Preso in carico dai servizi', en: 'Referred to services' },
};

export const TERMINATION_CODE_LABELS: Record<TerminationCode, LocalizedText> = {
  DROPPED_OUT: { it: 'Abbandono', en: 'Dropped out' },
  MOVED_AWAY: { it: 'Trasferimento', en: 'Moved away' },
  NO_LONGER_ELIGIBLE: { it: 'Requisiti non più soddisfatti', en: 'No longer eligible' },
  OTHER: { it: 'Altro', en: 'Other' },
};

/** One language of a table of labels: `{ DRAFT: 'Bozza', … }`. */
export function labelsIn<K extends string>(
  labels: Record<K, LocalizedText>,
  language: keyof LocalizedText,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<LocalizedText>(labels).map(([k, v]) => [k, v[language]]),
  ) as Record<K, string>;
}

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
