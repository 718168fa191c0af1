import { hourInItaly } from './digest-job';

describe('hourInItaly', () => {
  it('reads the hour in Europe/Rome, winter and summer time, midnight as 0', () => {
    expect(hourInItaly(new Date('2026-12-07T05:59:59Z'))).toBe(6);
    expect(hourInItaly(new Date('2026-12-07T06:00:00Z'))).toBe(7);
    expect(hourInItaly(new Date('2026-07-06T05:00:00Z'))).toBe(7);
    expect(hourInItaly(new Date('2026-12-06T23:00:00Z'))).toBe(0);
  });
});
