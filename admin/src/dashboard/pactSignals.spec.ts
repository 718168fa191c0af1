import { daysSinceNote, endingSoonFilterDate, isStale, staleNoteFilterDate } from './pactSignals';

describe('pact signals', () => {
  const today = '2026-11-25';

  it('flags a pact that never had a note', () => {
    expect(isStale(null, today)).toBe(true);
    expect(isStale(undefined, today)).toBe(true);
    expect(daysSinceNote(null, today)).toBeNull();
  });

  it('flags a pact whose last note is more than 30 days old, not one of exactly 30', () => {
    expect(isStale('2026-10-26T10:00:00.000Z', today)).toBe(false); // 30 days ago
    expect(isStale('2026-10-25T10:00:00.000Z', today)).toBe(true); // 31 days ago
    expect(isStale('2026-11-24T08:00:00.000Z', today)).toBe(false);
    expect(daysSinceNote('2026-10-25T10:00:00.000Z', today)).toBe(31);
  });

  it('reads the note instant in Italian time', () => {
    // 23:30 UTC on 25 October is already 26 October in Italy (UTC+1 after the change of hour).
    expect(isStale('2026-10-25T23:30:00.000Z', today)).toBe(false);
  });

  it('builds the server filters of the social worker home', () => {
    expect(staleNoteFilterDate(today)).toBe('2026-10-25');
    expect(endingSoonFilterDate(today)).toBe('2026-12-25');
  });
});
