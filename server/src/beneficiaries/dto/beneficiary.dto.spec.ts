import 'reflect-metadata';
import { addDays, computeFiscalCode, todayIso, toOmocode } from '@generattivi/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../common/validation';
import { CreateBeneficiaryDto, fiscalCodeProblems } from './beneficiary.dto';

const person = {
  firstName: 'Maria',
  lastName: 'Rossi',
  birthDate: '1985-12-10',
  sex: 'F',
  territoryId: 1,
  municipality: 'Crema',
  employmentStatus: 'UNEMPLOYED',
};
const code = computeFiscalCode({ ...person, sex: 'F', municipalityCode: 'D142' });

async function fieldErrorsOf(body: Record<string, unknown>) {
  const dto = plainToInstance(CreateBeneficiaryDto, body);
  return flattenValidationErrors(
    await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
  );
}

async function errorsOf(body: Record<string, unknown>): Promise<Record<string, string>> {
  const errors = await fieldErrorsOf(body);
  return Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.message]));
}

describe('CreateBeneficiaryDto', () => {
  it('accepts a consistent person, an omocode and blank optional contacts', async () => {
    expect(await errorsOf({ ...person, fiscalCode: code })).toEqual({});
    expect(await errorsOf({ ...person, fiscalCode: toOmocode(code, 7).toLowerCase() })).toEqual({});
    expect(await errorsOf({ ...person, fiscalCode: code, phone: '', email: null })).toEqual({});
  });

  it('gives each fiscal-code problem its own code', async () => {
    const wrongCheck = code.slice(0, 15) + (code[15] === 'Z' ? 'Y' : 'Z');
    expect((await fieldErrorsOf({ ...person, fiscalCode: wrongCheck })).fiscalCode.code).toBe(
      'FISCAL_CODE_CHECK_CHARACTER',
    );
    expect((await fieldErrorsOf({ ...person, sex: 'M', fiscalCode: code })).fiscalCode.code).toBe(
      'FISCAL_CODE_SEX_MISMATCH',
    );
    expect((await fieldErrorsOf({ ...person, fiscalCode: 'ABC' })).fiscalCode.code).toBe(
      'FISCAL_CODE_FORMAT',
    );
  });

  it('names what is wrong with the fiscal code, in English', async () => {
    const wrongCheck = code.slice(0, 15) + (code[15] === 'Z' ? 'Y' : 'Z');
    expect(await errorsOf({ ...person, fiscalCode: wrongCheck })).toEqual({
      fiscalCode: 'check character does not match',
    });
    expect((await errorsOf({ ...person, sex: 'M', fiscalCode: code })).fiscalCode).toBe(
      'encoded sex (F) does not match the sex M',
    );
    expect(
      (await errorsOf({ ...person, birthDate: '1985-12-11', fiscalCode: code })).fiscalCode,
    ).toMatch(/^encoded birth date \(10\/12\/85\) does not match/);
  });

  it('does not compare the code with a birth date or sex that are themselves wrong', () => {
    expect(fiscalCodeProblems(code, { birthDate: '1985-13-10', sex: 'X' })).toEqual([]);
    expect(fiscalCodeProblems(42, {})).toEqual([]);
  });

  it('refuses a birth date in the future or before 1900', async () => {
    const tomorrow = addDays(todayIso(), 1);
    expect((await errorsOf({ ...person, birthDate: tomorrow, fiscalCode: code })).birthDate).toBe(
      'must not be in the future',
    );
    expect(
      (await errorsOf({ ...person, birthDate: '1899-12-31', fiscalCode: code })).birthDate,
    ).toBe('must not be before 1900-01-01');
  });

  it('refuses malformed contacts, blank names and unknown values', async () => {
    const errors = await errorsOf({
      ...person,
      fiscalCode: code,
      firstName: '  ',
      phone: 'call me',
      email: 'not-an-email',
      sex: 'X',
      employmentStatus: 'BUSY',
      householdId: 0,
    });
    expect(Object.keys(errors).sort()).toEqual([
      'email',
      'employmentStatus',
      'firstName',
      'householdId',
      'phone',
      'sex',
    ]);
  });
});
