import { formatDate, formatInstant, formatRate } from './format';

describe('format', () => {
  it('writes calendar dates day first, without shifting them', () => {
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('writes instants in Italian time', () => {
    // 23:30 UTC on 31 December is already 1 January in Italy (UTC+1 in winter).
    expect(formatInstant('2026-12-31T23:30:00.000Z')).toBe('01/01/2027, 00:30');
    expect(formatInstant('2026-07-01T10:00:00Z')).toBe('01/07/2026, 12:00');
    expect(formatInstant(null)).toBe('');
  });

  it('writes rates as whole percentages, and a dash when unknown', () => {
    expect(formatRate(0.375)).toBe('38%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });
});
