import { cellText, readBoolean, readChoice, readDate, readNumber } from './import-values';
import { closestHeading, IMPORT_COLUMNS, mapHeader } from './import-columns';
import { decodeCsv, delimiterOf } from './import-file';

describe('import values', () => {
  it('reads dates written dd/mm/yyyy, as Excel serials, typed, or ISO; refuses impossible ones', () => {
    expect(readDate('14/03/1996')).toEqual({ value: '1996-03-14' });
    expect(readDate('1.2.2000')).toEqual({ value: '2000-02-01' });
    expect(readDate(36832)).toEqual({ value: '2000-11-02' });
    expect(readDate('36832')).toEqual({ value: '2000-11-02' });
    expect(readDate(new Date(Date.UTC(1996, 1, 29)))).toEqual({ value: '1996-02-29' });
    expect(readDate('1990-07-25')).toEqual({ value: '1990-07-25' });
    expect(readDate('')).toEqual({ value: null });
    for (const wrong of ['29/02/2001', '31/04/2020', '00/01/2020', 'ieri', 0, 3_000_000])
      expect(readDate(wrong)).toEqual({ error: expect.objectContaining({ code: 'DATE' }) });
  });

  it('reads amounts with a decimal comma and thousands dots, or English decimals', () => {
    expect(readNumber('9.360,00')).toEqual({ value: 9360 });
    expect(readNumber('8450,5 €')).toEqual({ value: 8450.5 });
    expect(readNumber('12.500')).toEqual({ value: 12500 });
    expect(readNumber('9360.50')).toEqual({ value: 9360.5 });
    expect(readNumber(4)).toEqual({ value: 4 });
    expect(readNumber(' ')).toEqual({ value: null });
    expect(readNumber('tre')).toEqual({ error: expect.objectContaining({ code: 'NOT_NUMBER' }) });
  });

  it('reads Sì/No, codes or Italian labels; keeps text that looks like a formula as text', () => {
    expect(readBoolean('Sì')).toEqual({ value: true });
    expect(readBoolean('no')).toEqual({ value: false });
    expect(readBoolean('forse')).toEqual({
      error: expect.objectContaining({ code: 'NOT_BOOLEAN' }),
    });
    const labels = { F: 'Femmina', M: 'Maschio' };
    expect(readChoice('femmina', labels)).toEqual({ value: 'F' });
    expect(readChoice('m', labels)).toEqual({ value: 'M' });
    expect(readChoice('X', labels)).toEqual({
      error: expect.objectContaining({ code: 'ONE_OF', params: { values: 'Femmina, Maschio' } }),
    });
    expect(cellText('=SOMMA(1;2)')).toBe('=SOMMA(1;2)');
    // The apostrophe an export put before a formula character is not part of the text.
    expect(cellText("'=SOMMA(1;2)")).toBe('=SOMMA(1;2)');
    expect(cellText("'apostrofo")).toBe("'apostrofo");
  });
});

describe('import headings', () => {
  const columns = IMPORT_COLUMNS.beneficiaries;

  it('matches headings ignoring case, accents and punctuation; suggests the closest for a slip', () => {
    expect(closestHeading('Codce fiscale', columns)).toBe('Codice fiscale');
    expect(closestHeading('Telefno', columns)).toBe('Telefono');
    expect(closestHeading('Colore preferito', columns)).toBeUndefined();
    const map = mapHeader(['COGNOME', 'nome', 'codice-fiscale', 'Extra'], columns);
    expect([...map.positions.keys()]).toEqual(['lastName', 'firstName', 'fiscalCode']);
    expect(map.warnings).toEqual([
      expect.objectContaining({ code: 'IMPORT_COLUMN_IGNORED', params: { column: 'Extra' } }),
    ]);
    expect(Object.keys(map.missing)).toEqual([
      'Data di nascita',
      'Sesso',
      'Ambito',
      'Comune',
      'Condizione occupazionale',
    ]);
  });
});

describe('import CSV text', () => {
  it('recognises UTF-8 with or without BOM, else Windows-1252; the delimiter from the header', () => {
    expect(decodeCsv(Buffer.from('\ufeffNiccolò', 'utf8'))).toBe('Niccolò');
    expect(decodeCsv(Buffer.from('Niccolò', 'utf8'))).toBe('Niccolò');
    expect(decodeCsv(Buffer.from([0x4e, 0x69, 0x63, 0x63, 0x6f, 0x6c, 0xf2, 0x20, 0x80]))).toBe(
      'Niccolò €',
    );
    expect(delimiterOf('a;b;"c,d,e"\r\n1,2,3')).toBe(';');
    expect(delimiterOf('a,b,c\n1;2')).toBe(',');
  });
});
