import { eurosToCents, formatEuroCents, PACT_TYPE_LABELS, yearsText } from './text';

describe(formatEuroCents.name, () => {
  it.each([
    [0, '0,00 €', '€0.00'],
    [5, '0,05 €', '€0.05'],
    [99999, '999,99 €', '€999.99'],
    [100000, '1.000,00 €', '€1,000.00'],
    [936000, '9.360,00 €', '€9,360.00'],
    [123456789, '1.234.567,89 €', '€1,234,567.89'],
    [-150, '-1,50 €', '-€1.50'],
  ])('writes %i cents as %s / %s', (cents, it, en) => {
    expect(formatEuroCents(cents)).toEqual({ it, en });
  });
});

describe(eurosToCents.name, () => {
  it.each<[number | string, number | null]>([
    [9360, 936000],
    [9360.01, 936001],
    [0.1 + 0.2, 30],
    ['9360.00', 936000],
    [' 9360.5 ', 936050],
    ['0', 0],
    ['', null],
    ['  ', null],
    ['9.360,00', null],
    [NaN, null],
    [Infinity, null],
  ])('%j → %j', (euros, cents) => {
    expect(eurosToCents(euros)).toBe(cents);
  });
});

describe(yearsText.name, () => {
  it('agrees in number', () => {
    expect(yearsText(0)).toEqual({ it: '0 anni', en: '0 years' });
    expect(yearsText(1)).toEqual({ it: '1 anno', en: '1 year' });
    expect(yearsText(39)).toEqual({ it: '39 anni', en: '39 years' });
  });
});

describe('PACT_TYPE_LABELS', () => {
  it('names both pact types as the project does', () => {
    expect(PACT_TYPE_LABELS.AUTONOMY.it).toBe("Patto per l'Autonomia");
    expect(PACT_TYPE_LABELS.INCLUSION.it).toBe("Patto per l'Inclusione Sociale");
  });
});
