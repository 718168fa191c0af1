import { occurredAtRefusal, toLocalInput } from './occurredAt';

describe('toLocalInput', () => {
  it('writes a local time to the minute, zero-padded', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05T07:03');
  });
});

describe('occurredAtRefusal', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const created = '2026-11-20T09:30:40Z';

  it('accepts now, the past since the pact was created, and its very minute', () => {
    expect(occurredAtRefusal('2026-12-06T10:00:00Z', created, now)).toBeNull();
    expect(occurredAtRefusal(new Date('2026-12-05T10:00:00Z'), created, now)).toBeNull();
    expect(occurredAtRefusal('2026-11-20T09:30:00Z', created, now)).toBeNull();
  });

  it('refuses a moment in the future, even a minute ahead', () => {
    expect(occurredAtRefusal('2026-12-06T10:01:00Z', created, now)).toEqual({
      code: 'NOT_FUTURE',
      params: {},
    });
  });

  it('refuses a moment before the pact was created, naming when it was', () => {
    expect(occurredAtRefusal('2026-11-20T09:29:00Z', created, now)).toEqual({
      code: 'NOT_BEFORE',
      params: { date: '20/11/2026, 10:30' },
    });
  });

  it('leaves empty and unreadable values to the other checks', () => {
    expect(occurredAtRefusal('', created, now)).toBeNull();
    expect(occurredAtRefusal(null, created, now)).toBeNull();
    expect(occurredAtRefusal('not a date', created, now)).toBeNull();
    expect(occurredAtRefusal('2020-01-01T00:00:00Z', undefined, now)).toBeNull();
  });
});
