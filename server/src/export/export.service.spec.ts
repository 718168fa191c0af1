import { auditedFilter } from './export.service';

describe(auditedFilter.name, () => {
  it('keeps a fiscal code filtered on masked, alone or in a list, and only for people', () => {
    const code = 'RSSMRA80A01H501U';
    expect(auditedFilter('beneficiaries', JSON.stringify({ fiscalCode: code, q: 'ros' }))).toEqual({
      fiscalCode: 'RSSMRA*********U',
      q: 'ros',
    });
    expect(auditedFilter('beneficiaries', JSON.stringify({ fiscalCode: [code] }))).toEqual({
      fiscalCode: ['RSSMRA*********U'],
    });
    expect(auditedFilter('beneficiaries', JSON.stringify({ id: [1, 2] }))).toEqual({ id: [1, 2] });
    expect(auditedFilter('pacts', JSON.stringify({ status: 'DRAFT' }))).toEqual({
      status: 'DRAFT',
    });
    expect(auditedFilter('pacts', undefined)).toBeNull();
  });
});
