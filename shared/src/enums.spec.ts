import { CLOSED_PACT_STATUSES, isPactClosed, OPEN_PACT_STATUSES, PACT_STATUSES } from './enums';

describe(isPactClosed.name, () => {
  it.each(PACT_STATUSES.map((s) => [s, CLOSED_PACT_STATUSES.includes(s)] as const))(
    '%s → %s',
    (status, closed) => {
      expect(isPactClosed(status)).toBe(closed);
    },
  );

  it('splits every status into open or closed, never both', () => {
    expect([...OPEN_PACT_STATUSES, ...CLOSED_PACT_STATUSES].sort()).toEqual(
      [...PACT_STATUSES].sort(),
    );
    expect(PACT_STATUSES.filter(isPactClosed)).toEqual(['COMPLETED', 'TERMINATED', 'CANCELLED']);
  });
});
