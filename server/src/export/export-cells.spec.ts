import { neutraliseFormula } from '../common/italian-csv';
import { csvCell, italianAmount, xlsxCell } from './export-cells';

describe('export cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+39 333', "'+39 333"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tnascosto', "'\tnascosto"],
    ['\rriga', "'\rriga"],
    ['Rossi', 'Rossi'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises %j as %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each([
    [9360, '9.360,00'],
    ['9360.5', '9.360,50'],
    [0, '0,00'],
    [999.99, '999,99'],
    [1234567.8, '1.234.567,80'],
    [-12.5, '-12,50'],
  ])('writes the amount %j as %j', (euros, expected) => {
    expect(italianAmount(euros)).toBe(expected);
  });

  it('writes a CSV cell of each kind the Italian way, an empty one for nothing', () => {
    expect(csvCell('date', '2026-12-06')).toBe('06/12/2026');
    // 23:30 UTC on 31 December is already the new year in Rome.
    expect(csvCell('instant', '2026-12-31T23:30:00.000Z')).toBe('01/01/2027');
    expect(csvCell('boolean', true)).toBe('Sì');
    expect(csvCell('boolean', false)).toBe('No');
    expect(csvCell('integer', 0)).toBe('0');
    expect(csvCell('amount', -5)).toBe('-5,00');
    expect(csvCell('text', '=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    for (const kind of ['text', 'date', 'amount', 'boolean'] as const) {
      expect(csvCell(kind, null)).toBe('');
      expect(csvCell(kind, undefined)).toBe('');
    }
  });

  it('writes workbook cells typed: dates as the Rome calendar day, numbers as numbers', () => {
    expect(xlsxCell('date', '2026-12-06')).toEqual(new Date('2026-12-06T00:00:00.000Z'));
    expect(xlsxCell('instant', '2026-12-31T23:30:00.000Z')).toEqual(
      new Date('2027-01-01T00:00:00.000Z'),
    );
    expect(xlsxCell('amount', '9360.00')).toBe(9360);
    expect(xlsxCell('integer', 3)).toBe(3);
    expect(xlsxCell('boolean', false)).toBe('No');
    expect(xlsxCell('text', '=1+1')).toBe('=1+1');
    expect(xlsxCell('date', null)).toBeNull();
  });
});
