/**
 * The e-mail digest: what a person's alerts say, in Italian, without personal data (the
 * pact's reference, its territory's name, dates and counts only), with a link to each pact.
 */
import { addDays, italianDate } from './dates';
import type { DigestFrequency } from './notifications';

/** Milestones due within this many days (or overdue) are in the digest. */
export const DIGEST_MILESTONE_DAYS = 7;
/** Active pacts whose planned end falls within this many days (or has passed). */
export const DIGEST_ENDING_DAYS = 30;
/** Lines shown per section; the rest are counted («e altri N»). */
export const DIGEST_SECTION_LINES = 20;

export const DIGEST_SECTIONS = [
  'awaitingApproval',
  'milestonesDue',
  'noRecentNote',
  'ending',
] as const;
export type DigestSectionKey = (typeof DIGEST_SECTIONS)[number];

/** One pact of a section: its reference, territory and the date the section is about. */
export interface DigestItem {
  pactId: number;
  reference: string;
  territory: string;
  /** `YYYY-MM-DD`, or an ISO instant (read as its day in Italy). */
  date: string;
}

export interface DigestSection {
  /** Every row of the section in the reader's scope… */
  total: number;
  /** …and the first ones, in the order to show. */
  items: DigestItem[];
}

export interface DigestInput {
  frequency: Exclude<DigestFrequency, 'none'>;
  /** The day of the digest, `YYYY-MM-DD`. */
  today: string;
  /** The admin's address, without a trailing slash: links are `${publicUrl}/#/pacts/<id>/show`. */
  publicUrl: string;
  sections: Record<DigestSectionKey, DigestSection>;
}

export interface DigestMessage {
  subject: string;
  text: string;
}

/** The last day before which a milestone's due date puts it in the digest (inclusive). */
export function digestMilestoneHorizon(today: string): string {
  return addDays(today, DIGEST_MILESTONE_DAYS);
}

/** The last planned end that puts an active pact in the digest (inclusive). */
export function digestEndingHorizon(today: string): string {
  return addDays(today, DIGEST_ENDING_DAYS);
}

const HEADINGS: Record<DigestSectionKey, { title: string; date: string }> = {
  awaitingApproval: { title: 'Patti in attesa di approvazione', date: 'inviato il' },
  milestonesDue: {
    title: `Tappe in scadenza entro ${DIGEST_MILESTONE_DAYS} giorni o scadute`,
    date: 'scadenza',
  },
  noRecentNote: { title: 'Patti senza note nel diario da 30 giorni', date: 'ultima attività' },
  ending: {
    title: `Patti che terminano entro ${DIGEST_ENDING_DAYS} giorni o già oltre la fine prevista`,
    date: 'fine prevista',
  },
};

const ITALIAN_COUNT = new Intl.NumberFormat('it-IT');
/** A count as written in Italy (`12.345`). */
const count = (n: number) => ITALIAN_COUNT.format(n);
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The digest's subject and text, or null when every section is empty (nothing is sent).
 * Sections keep their order; each lists at most DIGEST_SECTION_LINES pacts, then «e altri N».
 */
export function composeDigest(input: DigestInput): DigestMessage | null {
  const present = DIGEST_SECTIONS.filter((k) => input.sections[k].total > 0);
  if (present.length === 0) return null;
  const total = present.reduce((sum, k) => sum + input.sections[k].total, 0);
  const period = input.frequency === 'daily' ? 'Riepilogo del' : 'Riepilogo settimanale del';
  const subject = `GenerAttivi – ${period} ${italianDate(input.today)}: ${plural(total, 'cosa da seguire', 'cose da seguire')}`;
  const lines: string[] = [
    'Buongiorno,',
    '',
    `ecco cosa richiede attenzione nei patti che segui (${italianDate(input.today)}).`,
  ];
  for (const key of present) {
    const section = input.sections[key];
    const heading = HEADINGS[key];
    lines.push('', `${heading.title} (${count(section.total)})`);
    const shown = section.items.slice(0, DIGEST_SECTION_LINES);
    for (const item of shown) {
      lines.push(
        `- ${item.reference} – ${item.territory} – ${heading.date} ${italianDate(item.date)}`,
        `  ${input.publicUrl}/#/pacts/${item.pactId}/show`,
      );
    }
    const more = section.total - shown.length;
    if (more > 0) lines.push(`e altri ${count(more)}`);
  }
  lines.push(
    '',
    input.frequency === 'daily'
      ? 'Ricevi questo riepilogo ogni giorno.'
      : 'Ricevi questo riepilogo ogni settimana.',
    `Puoi cambiarlo nel tuo profilo: ${input.publicUrl}/#/profile`,
  );
  return { subject, text: `${lines.join('\n')}\n` };
}

/** The day of the week of a date, 1 (Monday) to 7 (Sunday). */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The period one digest covers, as its key names it: the day for a daily one, the week (by
 * its Monday) for a weekly one. A person receives one digest per period.
 */
export function digestPeriod(frequency: Exclude<DigestFrequency, 'none'>, today: string): string {
  return frequency === 'daily' ? today : `week-${addDays(today, 1 - isoWeekday(today))}`;
}
