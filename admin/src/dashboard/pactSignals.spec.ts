import type { PactStatus } from '@generattivi/shared';
import { daysSinceNote, endingSoonFilterDate, isQuiet, type DiaryPact } from './pactSignals';

describe('pact signals', () => {
  const today = '2026-11-25';
  const now = new Date('2026-11-25T12:00:00.000Z');
  const pact = (status: PactStatus, diary: Partial<DiaryPact> = {}): DiaryPact => ({
    status,
    createdAt: '2026-01-10T09:00:00.000Z',
    approvedAt: '2026-02-01T09:00:00.000Z',
    lastNoteAt: null,
    ...diary,
  });

  it('flags an ACTIVE pact whose last note is more than 30 days old, not one of exactly 30', () => {
    expect(isQuiet(pact('ACTIVE', { lastNoteAt: '2026-10-26T11:59:59.000Z' }), now)).toBe(true);
    expect(isQuiet(pact('ACTIVE', { lastNoteAt: '2026-10-26T12:00:00.000Z' }), now)).toBe(false);
    expect(isQuiet(pact('ACTIVE', { lastNoteAt: '2026-11-24T08:00:00.000Z' }), now)).toBe(false);
    expect(daysSinceNote('2026-10-25T10:00:00.000Z', today)).toBe(31);
  });

  it('counts a never-noted pact from its approval, as the server does', () => {
    expect(isQuiet(pact('ACTIVE'), now)).toBe(true);
    expect(isQuiet(pact('ACTIVE', { approvedAt: '2026-11-20T09:00:00.000Z' }), now)).toBe(false);
    expect(daysSinceNote(null, today)).toBeNull();
  });

  it('never flags a SUSPENDED pact (its clock is paused), nor a closed or unapproved one', () => {
    for (const status of ['SUSPENDED', 'COMPLETED', 'DRAFT', 'SUBMITTED'] as const)
      expect(isQuiet(pact(status, { lastNoteAt: '2026-01-01T00:00:00.000Z' }), now)).toBe(false);
  });

  it('reads the note instant in Italian time', () => {
    // 23:30 UTC on 25 October is already 26 October in Italy (UTC+1 after the change of hour).
    expect(daysSinceNote('2026-10-25T23:30:00.000Z', today)).toBe(30);
  });

  it('builds the server filter of pacts ending soon', () => {
    expect(endingSoonFilterDate(today)).toBe('2026-12-25');
  });
});
