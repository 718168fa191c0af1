import type { Role } from '@generattivi/shared';
import type { Beneficiary } from './beneficiary.entity';
import {
  initials,
  maskBeneficiaryChanges,
  maskFiscalCode,
  toBeneficiaryRecord,
  toFullBeneficiaryRecord,
} from './beneficiary.record';

const entity = (): Beneficiary =>
  Object.assign(Object.create(null) as Beneficiary, {
    id: 7,
    firstName: 'Maria',
    lastName: 'Rossi',
    fiscalCode: 'RSSMRA85T50D142K',
    birthDate: '1985-12-10',
    sex: 'F',
    territoryId: 1,
    municipality: 'Crema',
    address: 'via Mazzini 12',
    phone: '+39 0373 555123',
    email: 'maria@example.org',
    employmentStatus: 'UNEMPLOYED',
    householdId: null,
    anonymisedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    version: 3,
    territory: { id: 1 },
  });

describe('beneficiary records', () => {
  it('masks a fiscal code: first six characters and the last', () => {
    expect(maskFiscalCode('RSSMRA85T10A562S')).toBe('RSSMRA*********S');
    expect(maskFiscalCode('RSSMRA85T10A562S')).toHaveLength(16);
    expect(maskFiscalCode('ABC')).toBe('***');
  });

  it.each<Role>(['ADMIN', 'SOCIAL_WORKER'])('shows %s every API field and nothing else', (role) => {
    const record = toBeneficiaryRecord(entity(), { role });
    expect(record).toEqual(toFullBeneficiaryRecord(entity()));
    expect(Object.keys(record)).toEqual([
      'id',
      'firstName',
      'lastName',
      'fiscalCode',
      'birthDate',
      'sex',
      'territoryId',
      'municipality',
      'address',
      'phone',
      'email',
      'employmentStatus',
      'householdId',
      'anonymisedAt',
      'createdAt',
      'updatedAt',
      'version',
    ]);
  });

  it('shows a COMMUNITY_MAKER names and contacts, the year of birth, never the fiscal code', () => {
    const record = toBeneficiaryRecord(entity(), { role: 'COMMUNITY_MAKER' });
    expect(record).not.toHaveProperty('fiscalCode');
    expect(record).not.toHaveProperty('birthDate');
    expect(record).toMatchObject({
      firstName: 'Maria',
      lastName: 'Rossi',
      phone: '+39 0373 555123',
      address: 'via Mazzini 12',
      birthYear: 1985,
    });
  });

  it('shows a MANAGER initials, the year of birth, the fiscal code masked and no contact details', () => {
    const record = toBeneficiaryRecord(entity(), { role: 'MANAGER' });
    expect(record.fiscalCode).toBe('RSSMRA*********K');
    for (const field of ['address', 'phone', 'email', 'birthDate'])
      expect(record).not.toHaveProperty(field);
    const text = JSON.stringify(record);
    for (const hidden of ['RSSMRA85T50D142K', 'Maria', 'Rossi', '1985-12-10'])
      expect(text).not.toContain(hidden);
    expect(record).toMatchObject({ firstName: 'M.', lastName: 'R.', birthYear: 1985, version: 3 });
  });

  it.each([
    ['Maria', 'M.'],
    ['Anna Maria', 'A. M.'],
    ["D'Angelo", 'D. A.'],
    ['de la Cruz-Pérez', 'D. L. C. P.'],
    ['  ', ''],
  ])('writes %p as the initials %p', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('masks the audit changes of a beneficiary for managers', () => {
    expect(
      maskBeneficiaryChanges({
        fiscalCode: ['RSSMRA85T50D142K', null],
        phone: ['+39 0373 555123', null],
        email: [null, 'maria@example.org'],
        address: ['via Roma 1', 'via Mazzini 12'],
        lastName: ['Rossi', null],
        birthDate: ['1985-12-10', '1985-12-11'],
        sex: ['F', 'M'],
      }),
    ).toEqual({
      fiscalCode: ['RSSMRA*********K', null],
      lastName: ['R.', null],
      birthDate: [1985, 1985],
      sex: ['F', 'M'],
    });
  });
});
