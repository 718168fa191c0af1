import 'reflect-metadata';
import { ERROR_CODES, type ErrorCode } from '@generattivi/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { FieldsError } from './domain-error';
import { constraintArguments, constraintToFieldError, createValidationPipe } from './validation';
import { IsIsoDate, IsIsoInstant, IsWholeNumber } from './validators';

class Sample {
  @IsString()
  @MaxLength(5)
  title!: string;

  @IsString()
  @MinLength(3)
  code!: string;

  @IsWholeNumber({ min: 1, max: 10 })
  count!: number;

  @IsIn(['A', 'B'])
  kind!: string;

  @IsIn(['X', 'Y'], { message: 'must be one of X, Y' })
  other!: string;

  @IsBoolean()
  flag!: boolean;

  @IsArray()
  @ArrayMaxSize(2)
  ids!: number[];

  @IsEmail({}, { message: 'must be a valid email address' })
  email!: string;

  @Matches(/\S/, { message: 'must not be blank' })
  note!: string;

  @IsIsoDate()
  day!: string;

  @IsIsoInstant()
  at!: string;
}

const valid = {
  title: 'ok',
  code: 'abc',
  count: 3,
  kind: 'A',
  other: 'X',
  flag: true,
  ids: [1],
  email: 'a@b.it',
  note: 'x',
  day: '2026-01-31',
  at: '2026-01-31T10:00:00Z',
};

/** The body the global pipe answers for `value`, or undefined when it passes. */
async function refusal(value: Record<string, unknown>) {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Sample });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(FieldsError);
    return (error as FieldsError).getResponse() as {
      code: ErrorCode;
      params: object;
      errors: Record<string, string>;
      fieldErrors: Record<string, { code: ErrorCode; params: Record<string, unknown> }>;
    };
  }
}

describe('the validation pipe', () => {
  it('lets a valid body through', async () => {
    expect(await refusal(valid)).toBeUndefined();
  });

  it.each<[string, unknown, ErrorCode, Record<string, unknown>]>([
    ['title', 7, 'NOT_STRING', {}],
    ['title', 'too long', 'MAX_LENGTH', { max: 5 }],
    ['code', 'ab', 'MIN_LENGTH', { min: 3 }],
    ['count', 0, 'MIN', { min: 1 }],
    ['count', 11, 'MAX', { max: 10 }],
    ['count', 1.5, 'NOT_INTEGER', {}],
    ['kind', 'C', 'ONE_OF', { values: 'A, B' }],
    ['other', 'Z', 'ONE_OF', { values: 'X, Y' }],
    ['flag', 'yes', 'NOT_BOOLEAN', {}],
    ['ids', 'x', 'NOT_ARRAY', {}],
    ['ids', [1, 2, 3], 'MAX_ITEMS', { max: 2 }],
    ['email', 'nope', 'EMAIL', {}],
    ['note', '   ', 'NOT_BLANK', {}],
    ['day', '2026-02-30', 'DATE', {}],
    ['at', '2026-01-31', 'INSTANT', {}],
  ])('answers %s = %j with %s and its parameters', async (field, value, code, params) => {
    const body = await refusal({ ...valid, [field]: value });
    expect(body?.code).toBe('VALIDATION');
    expect(body?.params).toEqual({});
    expect(body?.fieldErrors[field]).toMatchObject({ code, params });
    expect(Object.keys(body?.fieldErrors[field].params ?? {}).sort()).toEqual(
      [...ERROR_CODES[code]].sort(),
    );
    // react-admin still gets the English message beside the input.
    expect(typeof body?.errors[field]).toBe('string');
  });

  it('answers an unknown field with UNKNOWN_FIELD', async () => {
    const body = await refusal({ ...valid, extra: 1 });
    expect(body?.fieldErrors.extra).toEqual({
      code: 'UNKNOWN_FIELD',
      params: {},
      message: 'unknown field',
    });
    expect(body?.errors.extra).toBe('unknown field');
  });

  it('reads the parameters from the declaration, whatever the message, in subclasses too', async () => {
    class Worded {
      @MaxLength(4, { message: 'is far too long, keep it under 99' })
      @IsString()
      words!: string;
    }
    class Derived extends Worded {}
    for (const metatype of [Worded, Derived]) {
      const body = await createValidationPipe()
        .transform({ words: 'abcdef' }, { type: 'body', metatype })
        .then(
          () => undefined,
          (error: FieldsError) => error.getResponse() as { fieldErrors: Record<string, object> },
        );
      expect(body?.fieldErrors.words).toMatchObject({ code: 'MAX_LENGTH', params: { max: 4 } });
    }
    expect(constraintArguments(new Derived(), 'words')).toEqual({ maxLength: [4], isString: [] });
  });

  it('never makes up a parameter: a bound without its argument is INVALID', () => {
    expect(constraintToFieldError('max', 'must not be greater than 10').code).toBe('INVALID');
    expect(constraintToFieldError('max', 'x', [10])).toMatchObject({
      code: 'MAX',
      params: { max: 10 },
    });
  });

  it('answers a constraint it does not know with INVALID, never a code outside the list', () => {
    expect(constraintToFieldError('isSomethingNew', 'must be new').code).toBe('INVALID');
    for (const name of ['isString', 'min', 'max', 'isIn', 'matches', 'isFiscalCodeOfPerson']) {
      expect(Object.keys(ERROR_CODES)).toContain(constraintToFieldError(name, 'x 1').code);
    }
  });
});
