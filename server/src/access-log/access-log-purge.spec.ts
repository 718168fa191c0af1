import { monthsBefore } from './access-log-purge';

describe(monthsBefore.name, () => {
  it.each([
    ['2026-12-06T17:30:00.000Z', 24, '2024-12-06T17:30:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 1, '2025-12-15T00:00:00.000Z'],
    ['2028-02-29T10:00:00.000Z', 24, '2026-02-28T10:00:00.000Z'],
    ['2026-03-31T23:59:59.999Z', 1, '2026-02-28T23:59:59.999Z'],
    ['2026-05-31T08:00:00.000Z', 13, '2025-04-30T08:00:00.000Z'],
  ])('%s minus %i months is %s', (instant, months, expected) => {
    expect(monthsBefore(instant, months)).toBe(expected);
  });
});
