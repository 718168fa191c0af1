import { isIsoDate, italianDate, PROJECT_TIME_ZONE } from '@generattivi/shared';

/** Numbers and dates are written the Italian way, whatever the language on screen. */
const LOCALE = 'it-IT';

/** `2026-11-25` → `25/11/2026` (a calendar date: no time zone shifts it). */
export function formatDate(date: string | null | undefined): string {
  return date && isIsoDate(date) ? italianDate(date) : (date ?? '');
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

const UNITS = ['byte', 'kB', 'MB', 'GB'] as const;

/** A file's size the Italian way: `850 byte`, `12,5 kB`, `1,2 MB` (multiples of 1024). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat('it-IT', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** The day of an instant in Italian time: `06/12/2026`. */
export function formatDay(instant: string | null | undefined): string {
  if (!instant) return '';
  return Number.isNaN(Date.parse(instant)) ? instant : italianDate(instant);
}
