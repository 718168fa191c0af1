import { anonymiseOn, isRetentionOver, retentionCutoff } from './retention';

describe('retention', () => {
  it('ends the term on the same day, years later', () => {
    expect(anonymiseOn('2016-06-15', 10)).toBe('2026-06-15');
    expect(anonymiseOn('2016-12-31', 1)).toBe('2017-12-31');
  });

  it('ends a term begun on 29 February on 1 March of a non-leap year, on 29 February of a leap one', () => {
    expect(anonymiseOn('2016-02-29', 10)).toBe('2026-03-01');
    expect(anonymiseOn('2016-02-29', 12)).toBe('2028-02-29');
  });

  it('is over from its last day on, not the day before', () => {
    expect(isRetentionOver('2016-06-15', 10, '2026-06-14')).toBe(false);
    expect(isRetentionOver('2016-06-15', 10, '2026-06-15')).toBe(true);
    expect(isRetentionOver('2016-06-15', 10, '2026-06-16')).toBe(true);
    expect(isRetentionOver('2016-02-29', 10, '2026-02-28')).toBe(false);
    expect(isRetentionOver('2016-02-29', 10, '2026-03-01')).toBe(true);
  });

  it('cuts off at the latest beginning whose term is over, agreeing with isRetentionOver', () => {
    expect(retentionCutoff('2026-06-15', 10)).toBe('2016-06-15');
    expect(retentionCutoff('2028-02-29', 10)).toBe('2018-02-28');
    expect(retentionCutoff('2028-02-29', 12)).toBe('2016-02-29');
    for (const today of ['2026-02-28', '2026-03-01', '2028-02-29', '2027-01-01']) {
      const cutoff = retentionCutoff(today, 10);
      expect(isRetentionOver(cutoff, 10, today)).toBe(true);
      const next = new Date(`${cutoff}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(isRetentionOver(next.toISOString().slice(0, 10), 10, today)).toBe(false);
    }
  });
});
