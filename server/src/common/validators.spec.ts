import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@generattivi/shared';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { IdPipe } from './id.pipe';
import { FieldsError } from './domain-error';
import { constraintArguments, constraintToFieldError } from './validation';
import { INT32_MAX, INT32_MIN, isCanonicalWholeNumber } from './validators';

describe('IdPipe', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('reads %s as %i', (text, id) => {
    expect(IdPipe.transform(text, { type: 'param' })).toBe(id);
  });

  it.each([
    '0',
    '-1',
    '0x10',
    '+1',
    '1e3',
    '0000001',
    '01',
    ' 1',
    '1 ',
    '1.0',
    '2147483648',
    '99999999999',
    '9007199254740993',
    'abc',
    '١',
    '',
    'Infinity',
  ])('refuses %j with a 400 naming id', (text) => {
    expect(() => IdPipe.transform(text, { type: 'param' })).toThrow(FieldsError);
    expect(() => IdPipe.transform(text, { type: 'param' })).toThrow(
      'id: must be a positive whole number',
    );
  });
});

describe('isCanonicalWholeNumber', () => {
  it('takes canonical decimal within the range only', () => {
    expect(isCanonicalWholeNumber('0', 0, 10)).toBe(true);
    expect(isCanonicalWholeNumber('-2147483648', INT32_MIN, INT32_MAX)).toBe(true);
    expect(isCanonicalWholeNumber('-0', -1, 1)).toBe(false);
    expect(isCanonicalWholeNumber('11', 0, 10)).toBe(false);
    expect(isCanonicalWholeNumber(5, 0, 10)).toBe(false);
  });
});

/** Every DTO class of the server, loaded from the dto files. */
async function allDtoClasses(): Promise<Array<new () => object>> {
  const root = join(__dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /(^|\/)[\w-]+\.dto\.ts$/.test(file),
  );
  const modules = await Promise.all(
    files.map(async (file) => (await import(join(root, file))) as Record<string, unknown>),
  );
  return modules.flatMap((exports) =>
    Object.values(exports).filter(
      (value): value is new () => object => typeof value === 'function' && /Dto/.test(value.name),
    ),
  );
}

const validations = (dto: new () => object) =>
  getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);

describe('integer fields of the DTOs', () => {
  it('every integer field of every DTO is bounded within the integer column', async () => {
    const withIntegers = (await allDtoClasses()).filter((dto) =>
      validations(dto).some((m) => m.name === 'isInt'),
    );
    expect(withIntegers.map((dto) => dto.name)).toEqual(
      expect.arrayContaining(['CreatePactDto', 'UpdateHouseholdDto', 'ReportQueryDto']),
    );
    const unbounded: string[] = [];
    for (const dto of withIntegers) {
      const metadata = validations(dto);
      const bound = (property: string, name: string) =>
        metadata.find((m) => m.propertyName === property && m.name === name)?.constraints[0] as
          number | undefined;
      for (const { propertyName: property } of metadata.filter((m) => m.name === 'isInt')) {
        const [min, max] = [bound(property, 'min'), bound(property, 'max')];
        if (min === undefined || max === undefined || min < INT32_MIN || max > INT32_MAX) {
          unbounded.push(`${dto.name}.${property}: [${min}, ${max}]`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe('constraints of the DTOs', () => {
  it('each one becomes a code of the list with its parameters, read from its declaration', async () => {
    const unmapped: string[] = [];
    const seen = new Set<string>();
    for (const dto of await allDtoClasses()) {
      for (const { propertyName, name, type } of validations(dto)) {
        // @IsOptional and @ValidateIf only decide whether the others run.
        if (!name || type === ValidationTypes.CONDITIONAL_VALIDATION) continue;
        seen.add(name);
        const args = constraintArguments(new dto(), propertyName)[name];
        const { code, params } = constraintToFieldError(name, 'x', args);
        const expected = [...ERROR_CODES[code]].sort();
        if (code === 'INVALID' || Object.keys(params).sort().join() !== expected.join())
          unmapped.push(`${dto.name}.${propertyName} ${name} → ${code} ${JSON.stringify(params)}`);
        else if (Object.values(params).some((v) => v === '' || Number.isNaN(v)))
          unmapped.push(`${dto.name}.${propertyName} ${name}: empty ${JSON.stringify(params)}`);
      }
    }
    // Not vacuous: the constraints with parameters are among those walked.
    expect([...seen]).toEqual(
      expect.arrayContaining(['min', 'max', 'maxLength', 'minLength', 'arrayMaxSize', 'isIn']),
    );
    expect(unmapped).toEqual([]);
  });
});
