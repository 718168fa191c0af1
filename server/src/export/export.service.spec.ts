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

  it('masks a fiscal code or a piece of one typed in the search, and keeps names and references', () => {
    expect(auditedFilter('beneficiaries', JSON.stringify({ q: 'RSSMRA80A01H501U' }))).toEqual({
      q: 'RSSMRA*********U',
    });
    expect(auditedFilter('pacts', JSON.stringify({ q: 'Rossi  mra80a' }))).toEqual({
      q: 'Rossi  ******',
    });
    expect(auditedFilter('pacts', JSON.stringify({ q: 'INC-CREMA-2026-0001' }))).toEqual({
      q: 'INC-CREMA-2026-0001',
    });
    expect(auditedFilter('notes', JSON.stringify({ q: 'colloquio 12' }))).toEqual({
      q: 'colloquio 12',
    });
  });
});
