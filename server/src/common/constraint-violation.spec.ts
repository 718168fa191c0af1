import { QueryFailedError } from 'typeorm';
import { constraintViolation } from './constraint-violation';

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
