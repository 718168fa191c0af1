import { QueryFailedError } from 'typeorm';
import {
  constraintViolation,
  openPactViolation,
  pactClosedViolation,
  transientFailure,
} from './constraint-violation';

const failed = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('constraint'), { code }));

describe('constraintViolation', () => {
  it('recognises unique and foreign-key violations of both engines', () => {
    expect(constraintViolation(failed('23505'))).toBe('unique');
    expect(constraintViolation(failed('SQLITE_CONSTRAINT_UNIQUE'))).toBe('unique');
    expect(constraintViolation(failed('23503'))).toBe('foreign-key');
    expect(constraintViolation(failed('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe('foreign-key');
  });

  it('leaves anything else alone', () => {
    expect(constraintViolation(failed('40001'))).toBeUndefined();
    expect(constraintViolation(new Error('23505'))).toBeUndefined();
    expect(constraintViolation(undefined)).toBeUndefined();
  });
});

const failedWith = (fields: Record<string, unknown>) =>
  new QueryFailedError('…', [], Object.assign(new Error(String(fields.message ?? 'x')), fields));

describe('openPactViolation', () => {
  it('names the pact type whose one-open-pact index refused the write, on both engines', () => {
    expect(
      openPactViolation(failedWith({ code: '23505', constraint: 'UQ_pacts_open_autonomy' })),
    ).toBe('AUTONOMY');
    expect(
      openPactViolation(failedWith({ code: '23505', constraint: 'UQ_pacts_open_inclusion' })),
    ).toBe('INCLUSION');
    expect(
      openPactViolation(
        failedWith({
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          message: 'UNIQUE constraint failed: pacts.beneficiary_id',
        }),
      ),
    ).toBe('AUTONOMY');
    expect(
      openPactViolation(
        failedWith({
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          message: 'UNIQUE constraint failed: pacts.household_id',
        }),
      ),
    ).toBe('INCLUSION');
  });

  it('leaves other unique violations alone', () => {
    expect(
      openPactViolation(failedWith({ code: '23505', constraint: 'IDX_pacts_reference' })),
    ).toBeUndefined();
    expect(
      openPactViolation(
        failedWith({
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          message: 'UNIQUE constraint failed: pacts.reference',
        }),
      ),
    ).toBeUndefined();
    expect(
      openPactViolation(failedWith({ code: '23503', constraint: 'UQ_pacts_open_autonomy' })),
    ).toBeUndefined();
  });
});

describe('pactClosedViolation', () => {
  it('recognises the closed-pact trigger of both engines', () => {
    expect(pactClosedViolation(failedWith({ code: '23514', constraint: 'pact_closed' }))).toBe(
      true,
    );
    expect(
      pactClosedViolation(
        failedWith({
          code: 'SQLITE_CONSTRAINT_TRIGGER',
          message: 'pact_closed: the pact is closed: its milestones are read-only',
        }),
      ),
    ).toBe(true);
  });

  it('leaves other check and trigger failures alone', () => {
    expect(pactClosedViolation(failedWith({ code: '23514', constraint: 'other' }))).toBe(false);
    expect(
      pactClosedViolation(
        failedWith({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'notes is append-only' }),
      ),
    ).toBe(false);
  });
});

describe('transientFailure', () => {
  it.each(['40P01', '40001', '55P03', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'])(
    '%s is transient',
    (code) => {
      expect(transientFailure(failedWith({ code }))).toBe(true);
    },
  );

  it.each(['23505', '23514', 'SQLITE_CONSTRAINT_UNIQUE', '57014'])('%s is not', (code) => {
    expect(transientFailure(failedWith({ code }))).toBe(false);
  });
});
