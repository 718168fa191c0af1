import fc from 'fast-check';
import { ageOn } from './age';
import { addDays, isLeapYear, parseIsoDate, formatIsoDate } from './dates';

/** Any date from 1900 to 2100. */
const date = fc.integer({ min: 0, max: 200 * 366 }).map((n) => addDays('1900-01-01', n));

/** The day someone born on `birthDate` completes `years` years (29 February → 1 March). */
function anniversary(birthDate: string, years: number): string {
  const { year, month, day } = parseIsoDate(birthDate);
  if (month === 2 && day === 29 && !isLeapYear(year + years))
    return formatIsoDate(year + years, 3, 1);
  return formatIsoDate(year + years, month, day);
}

describe(ageOn.name, () => {
  it.each([
    ['on the day of birth', '2000-06-15', '2000-06-15', 0],
    ['the day before the first birthday', '2000-06-15', '2001-06-14', 0],
    ['turning 19 today', '2007-11-26', '2026-11-26', 19],
    ['turning 19 tomorrow', '2007-11-27', '2026-11-26', 18],
    ['turning 40 tomorrow', '1986-11-27', '2026-11-26', 39],
    ['turning 40 today', '1986-11-26', '2026-11-26', 40],
    ['birthday later in the year, earlier month', '1986-12-01', '2026-11-30', 39],
    ['birthday earlier in the year, later day', '1986-10-31', '2026-11-01', 40],
    ['on New Year’s Eve, born on New Year’s Day', '2000-01-01', '2025-12-31', 25],
  ])('%s', (_case, birthDate, referenceDate, expected) => {
    expect(ageOn(birthDate, referenceDate)).toBe(expected);
  });

  describe('born on 29 February', () => {
    it.each([
      ['28 February of a non-leap year: not yet', '2000-02-29', '2019-02-28', 18],
      ['1 March of a non-leap year: a year more', '2000-02-29', '2019-03-01', 19],
      ['28 February of a leap year: not yet', '2000-02-29', '2020-02-28', 19],
      ['29 February of a leap year: a year more', '2000-02-29', '2020-02-29', 20],
      ['1 March of a leap year', '2000-02-29', '2020-03-01', 20],
      ['1900 was not a leap year: 1 March', '1896-02-29', '1900-03-01', 4],
      ['1900 was not a leap year: 28 February', '1896-02-29', '1900-02-28', 3],
    ])('%s', (_case, birthDate, referenceDate, expected) => {
      expect(ageOn(birthDate, referenceDate)).toBe(expected);
    });
  });

  it('is negative before birth', () => {
    expect(ageOn('2000-06-15', '2000-06-14')).toBe(-1);
    expect(ageOn('2000-06-15', '1999-06-15')).toBe(-1);
    expect(ageOn('2000-06-15', '1999-06-14')).toBe(-2);
  });

  it.each([
    ['2000-02-30', '2020-01-01'],
    ['2000-01-01', '2020-13-01'],
    ['01/01/2000', '2020-01-01'],
  ])('refuses %s → %s', (birthDate, referenceDate) => {
    expect(() => ageOn(birthDate, referenceDate)).toThrow(RangeError);
  });

  describe('properties', () => {
    it('never decreases as the reference date moves on', () => {
      fc.assert(
        fc.property(date, date, date, (birth, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          expect(ageOn(birth, earlier)).toBeLessThanOrEqual(ageOn(birth, later));
        }),
      );
    });

    it('goes up by exactly one on each birthday', () => {
      fc.assert(
        fc.property(date, fc.integer({ min: 1, max: 120 }), (birth, years) => {
          const birthday = anniversary(birth, years);
          expect(ageOn(birth, birthday)).toBe(years);
          expect(ageOn(birth, addDays(birthday, -1))).toBe(years - 1);
        }),
      );
    });

    it('grows by at most one from one day to the next', () => {
      fc.assert(
        fc.property(date, date, (birth, reference) => {
          const step = ageOn(birth, addDays(reference, 1)) - ageOn(birth, reference);
          expect([0, 1]).toContain(step);
        }),
      );
    });

    it('is the number of birthdays reached (oracle: counting anniversaries)', () => {
      fc.assert(
        fc.property(date, date, (birth, reference) => {
          fc.pre(birth <= reference);
          let years = 0;
          while (anniversary(birth, years + 1) <= reference) years++;
          expect(ageOn(birth, reference)).toBe(years);
        }),
      );
    });
  });
});
