import { formatBytes, formatDate, formatDay, formatInstant, formatRate } from './format';

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

describe('formatBytes', () => {
  it('writes sizes the Italian way, in the largest unit under 1024', () => {
    expect(formatBytes(0)).toBe('0 byte');
    expect(formatBytes(1023)).toBe('1023 byte');
    expect(formatBytes(1024)).toBe('1 kB');
    expect(formatBytes(12_800)).toBe('12,5 kB');
    expect(formatBytes(1_258_291)).toBe('1,2 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
  it('says a dash for what is not a size', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatDay', () => {
  it('gives the day in Italian time, dd/mm/yyyy', () => {
    expect(formatDay('2026-12-06T10:00:00.000Z')).toBe('06/12/2026');
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(formatDay('2026-12-31T23:30:00.000Z')).toBe('01/01/2027');
    expect(formatDay(null)).toBe('');
  });
});
