import { isIsoDate, PROJECT_TIME_ZONE } from '@generattivi/shared';

/** Numbers and dates are written the Italian way, whatever the language on screen. */
const LOCALE = 'it-IT';

/** `2026-11-25` → `25/11/2026` (a calendar date: no time zone shifts it). */
export function formatDate(date: string | null | undefined): string {
  if (!date || !isIsoDate(date)) return date ?? '';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** An ISO 8601 instant in Italian time: `25/11/2026, 13:30`. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(LOCALE, {
    timeZone: PROJECT_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A 0..1 rate as a whole percentage (`0.375` → `38%`); an em dash when unknown. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate)
    ? '—'
    : `${Math.round(rate * 100)}%`;
}
