import {
  composeDigest,
  DIGEST_SECTION_LINES,
  digestEndingHorizon,
  digestMilestoneHorizon,
  digestPeriod,
  isoWeekday,
  type DigestInput,
  type DigestSection,
} from './digest';
import { defaultDigestFrequency } from './notifications';

const empty: DigestSection = { total: 0, items: [] };
const input = (
  sections: Partial<DigestInput['sections']>,
  frequency: 'daily' | 'weekly' = 'daily',
): DigestInput => ({
  frequency,
  today: '2026-12-07',
  publicUrl: 'https://generattivi.example.it',
  sections: {
    awaitingApproval: empty,
    milestonesDue: empty,
    noRecentNote: empty,
    ending: empty,
    ...sections,
  },
});
const item = (n: number, date = '2026-12-10') => ({
  pactId: n,
  reference: `PG-2026-${String(n).padStart(4, '0')}`,
  territory: 'Ambito Nord',
  date,
});

describe('composeDigest', () => {
  it('sends nothing when every section is empty', () => {
    expect(composeDigest(input({}))).toBeNull();
  });

  it('lists each section with its count, Italian dates and a link per pact', () => {
    const digest = composeDigest(
      input({
        awaitingApproval: { total: 1, items: [item(12, '2026-11-30T23:30:00.000Z')] },
        ending: { total: 1, items: [item(7, '2027-01-06')] },
      }),
    )!;
    expect(digest.subject).toBe('GenerAttivi – Riepilogo del 07/12/2026: 2 cose da seguire');
    expect(digest.text).toContain('Patti in attesa di approvazione (1)');
    // An instant is read as its day in Italy.
    expect(digest.text).toContain('- PG-2026-0012 – Ambito Nord – inviato il 01/12/2026');
    expect(digest.text).toContain('https://generattivi.example.it/#/pacts/12/show');
    expect(digest.text).toContain('fine prevista 06/01/2027');
    expect(digest.text).not.toContain('Tappe in scadenza');
    expect(digest.text).not.toContain('e altri');
    expect(digest.text.indexOf('attesa di approvazione')).toBeLessThan(
      digest.text.indexOf('Patti che terminano'),
    );
  });

  it('shows the first lines of a long section and counts the others', () => {
    const items = Array.from({ length: DIGEST_SECTION_LINES + 5 }, (_, i) => item(i + 1));
    const digest = composeDigest(input({ milestonesDue: { total: 30, items } }, 'weekly'))!;
    expect(digest.subject).toBe(
      'GenerAttivi – Riepilogo settimanale del 07/12/2026: 30 cose da seguire',
    );
    expect(digest.text.match(/#\/pacts\/\d+\/show/g)).toHaveLength(DIGEST_SECTION_LINES);
    expect(digest.text).toContain(`PG-2026-00${DIGEST_SECTION_LINES}`);
    expect(digest.text).not.toContain(`PG-2026-00${DIGEST_SECTION_LINES + 1}`);
    expect(digest.text).toContain('e altri 10');
    expect(digest.text).toContain('ogni settimana');
  });

  it('writes large counts the Italian way', () => {
    const items = [item(1)];
    const digest = composeDigest(input({ ending: { total: 12_345, items } }))!;
    expect(digest.subject).toContain(': 12.345 cose da seguire');
    expect(digest.text).toContain('(12.345)');
    expect(digest.text).toContain('e altri 12.344');
  });

  it('says one thing in the singular', () => {
    expect(composeDigest(input({ noRecentNote: { total: 1, items: [item(3)] } }))!.subject).toBe(
      'GenerAttivi – Riepilogo del 07/12/2026: 1 cosa da seguire',
    );
  });
});

describe('digest horizons', () => {
  it('reaches 7 days for milestones and 30 for planned ends, across a month', () => {
    expect(digestMilestoneHorizon('2026-12-28')).toBe('2027-01-04');
    expect(digestEndingHorizon('2026-12-07')).toBe('2027-01-06');
  });
});

describe('defaultDigestFrequency', () => {
  it('is daily for social workers, weekly for makers and managers, none for administrators', () => {
    expect(defaultDigestFrequency('SOCIAL_WORKER')).toBe('daily');
    expect(defaultDigestFrequency('COMMUNITY_MAKER')).toBe('weekly');
    expect(defaultDigestFrequency('MANAGER')).toBe('weekly');
    expect(defaultDigestFrequency('ADMIN')).toBe('none');
  });
});

describe('digestPeriod', () => {
  it('is the day for a daily digest and the week, by its Monday, for a weekly one', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(digestPeriod('daily', '2026-12-06')).toBe('2026-12-06');
    expect(digestPeriod('weekly', '2026-12-07')).toBe('week-2026-12-07');
    expect(digestPeriod('weekly', '2026-12-13')).toBe('week-2026-12-07');
    expect(digestPeriod('weekly', '2026-12-14')).toBe('week-2026-12-14');
    expect(digestPeriod('weekly', '2027-01-01')).toBe('week-2026-12-28');
  });
});
