import {
  addDays,
  daysBetween,
  daysInMonth,
  endsAfterStart,
  formatIsoDate,
  ANY_YEAR,
  isIsoDate,
  isIsoInstant,
  isLeapYear,
  italianDate,
  noteTimeProblem,
  parseIsoDate,
  parseIsoInstant,
  startOfMinute,
  todayIso,
} from './dates';

describe(isIsoDate.name, () => {
  it.each(['2026-01-31', '2024-02-29', '2000-02-29', '1900-01-01', '1900-02-28', '2999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    '2026-02-29',
    '2026-02-30',
    '1900-02-29',
    '1899-12-31',
    '3000-01-01',
    '0000-01-01',
    '2026-04-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
    20260101,
    null,
    undefined,
  ])('refuses %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('takes another range of years when a field asks for one', () => {
    expect(isIsoDate('0001-01-01', ANY_YEAR)).toBe(true);
    expect(isIsoDate('0001-02-29', ANY_YEAR)).toBe(false);
    expect(isIsoDate('2030-01-01', { min: 2000, max: 2029 })).toBe(false);
  });
});

describe(parseIsoInstant.name, () => {
  it.each([
    ['2026-05-01T09:30:00Z', '2026-05-01T09:30:00.000Z'],
    ['2026-05-01T09:30Z', '2026-05-01T09:30:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    ['2024-02-29T12:00:00+01:00', '2024-02-29T11:00:00.000Z'],
    ['2026-03-01T00:30:00.1234567-01:30', '2026-03-01T02:00:00.123Z'],
    ['2026-03-01T10:00:00.5Z', '2026-03-01T10:00:00.500Z'],
    ['2026-01-01T00:00:00+14:00', '2025-12-31T10:00:00.000Z'],
    ['2026-01-01T00:00:00-14:00', '2026-01-01T14:00:00.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2999-12-31T23:59:59.999Z', '2999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, utc) => {
    expect(parseIsoInstant(text)).toBe(utc);
    expect(isIsoInstant(text)).toBe(true);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-05-01T24:00:00Z',
    '2026-05-01T24:00Z',
    '2026-05-01T23:60:00Z',
    '2026-05-01T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '3000-01-01T00:00:00Z',
    '2026-05-01T10:00:00+14:01',
    '2026-05-01T10:00:00+15:00',
    '2026-05-01T10:00:00-14:30',
    '2026-05-01T10:00:00+01:60',
    '2026-05-01T10:00:00',
    '2026-05-01',
    '2026-05-01 10:00:00Z',
    '2026-05-01T10:00:00.Z',
    '2026-05-01T10:00:00.1234567890Z',
    '+002026-05-01T10:00:00Z',
    ' 2026-05-01T10:00:00Z',
    '',
    1_777_000_000_000,
    null,
  ])('refuses %j', (value) => {
    expect(parseIsoInstant(value)).toBeUndefined();
    expect(isIsoInstant(value)).toBe(false);
  });
});

describe(isLeapYear.name, () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe(daysInMonth.name, () => {
  it('knows February and the 30-day months', () => {
    expect([2023, 2024].map((y) => daysInMonth(y, 2))).toEqual([28, 29]);
    expect([4, 6, 9, 11].map((m) => daysInMonth(2026, m))).toEqual([30, 30, 30, 30]);
    expect([1, 3, 5, 7, 8, 10, 12].every((m) => daysInMonth(2026, m) === 31)).toBe(true);
  });
});

describe(parseIsoDate.name, () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it('refuses what is not a date', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(
      new RangeError('not a YYYY-MM-DD date: 2026-02-30'),
    );
  });
});

describe(formatIsoDate.name, () => {
  it('pads every part', () => {
    expect(formatIsoDate(985, 3, 9)).toBe('0985-03-09');
  });
});

describe(todayIso.name, () => {
  it('gives the calendar date in Italy', () => {
    expect(todayIso(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30'); // 23:59:59 CEST
    expect(todayIso(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // midnight CEST
    expect(todayIso(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01'); // midnight CET
  });

  it('accepts another time zone', () => {
    expect(todayIso(new Date('2026-06-30T22:00:00Z'), 'UTC')).toBe('2026-06-30');
  });

  it('defaults to now', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe(daysBetween.name, () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-03-28', '2026-03-30', 2], // across the switch to summer time
    ['2024-02-28', '2024-03-01', 2],
    ['2026-01-10', '2026-01-01', -9],
  ])('%s → %s: %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe(endsAfterStart.name, () => {
  it.each([
    ['2026-01-01', '2026-01-02', true],
    ['2026-01-01', '2026-01-01', false],
    ['2026-01-02', '2026-01-01', false],
    ['2026-12-31', '2027-01-01', true],
    [null, '2026-01-01', true],
    ['2026-01-01', undefined, true],
    ['2026-02-30', '2026-01-01', true],
  ])('start %s, end %s → %s', (start, end, expected) => {
    expect(endsAfterStart(start, end)).toBe(expected);
  });
});

describe(noteTimeProblem.name, () => {
  const created = Date.parse('2026-11-20T09:30:40.250Z');
  const now = Date.parse('2026-12-06T10:00:00Z');

  it('accepts now, any moment since the pact was created, and the whole minute it was created in', () => {
    expect(noteTimeProblem(now, created, now)).toBeNull();
    expect(noteTimeProblem(created, created, now)).toBeNull();
    expect(noteTimeProblem(Date.parse('2026-11-20T09:30:00.000Z'), created, now)).toBeNull();
  });

  it('refuses the last millisecond before the minute the pact was created in', () => {
    expect(noteTimeProblem(Date.parse('2026-11-20T09:29:59.999Z'), created, now)).toBe(
      'NOT_BEFORE',
    );
  });

  it('refuses a moment after now, beyond the allowed drift only', () => {
    expect(noteTimeProblem(now + 1, created, now)).toBe('NOT_FUTURE');
    expect(noteTimeProblem(now + 300_000, created, now, 300_000)).toBeNull();
    expect(noteTimeProblem(now + 300_001, created, now, 300_000)).toBe('NOT_FUTURE');
  });

  it('starts a minute on the minute, before 1970 too', () => {
    expect(startOfMinute(Date.parse('2026-11-20T09:30:59.999Z'))).toBe(
      Date.parse('2026-11-20T09:30:00Z'),
    );
    expect(startOfMinute(-1)).toBe(-60_000);
  });
});

describe(italianDate.name, () => {
  it('writes a date, or the date in Italy of an instant, as dd/mm/yyyy', () => {
    expect(italianDate('2026-03-01')).toBe('01/03/2026');
    expect(italianDate('2026-12-31T22:59:59.000Z')).toBe('31/12/2026');
    expect(italianDate('2026-12-31T23:00:00.000Z')).toBe('01/01/2027');
  });
});
