import ExcelJS from 'exceljs';
import {
  checkUnzippedSize,
  chunksOf,
  INSTRUCTIONS_SHEET,
  openSheet,
  surveySheet,
  TooManyRowsError,
  UnzippedTooLargeError,
  withOutcomes,
} from './import-file';

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n');
const FILE = csv(['Nome;Comune', 'Anna;Crema', ';', 'Luca;Offanengo', 'Sara;Crema']);

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('reading an import a line at a time', () => {
  it('gives the header, then every line with its number in the file, empty ones included', async () => {
    const sheet = await openSheet(FILE, 'csv');
    expect(sheet.header).toEqual(['Nome', 'Comune']);
    expect((await all(sheet.rows)).map((r) => [r.line, r.cells])).toEqual([
      [2, ['Anna', 'Crema']],
      [3, ['', '']],
      [4, ['Luca', 'Offanengo']],
      [5, ['Sara', 'Crema']],
    ]);
  });

  it('reads a file longer than one slice of the parser whole, whatever falls on the edges', async () => {
    // The parser gets 64 Ki characters at a time: in this file one slice ends inside a quoted
    // cell (with a `;` and a line break in it) and another between the CR and the LF of a line.
    const lines = ['Nome;Comune'];
    for (let n = 0; n < 20_000; n++)
      lines.push(
        n % 20 === 0 ? `"Riga ${n};\r\nsu due";Crema` : `Riga${String(n).padStart(6, '0')};Crema`,
      );
    const file = csv(lines);
    const edges = [1, 2, 3, 4, 5, 6].map((k) =>
      file.toString('latin1', k * 65536 - 1, k * 65536 + 1),
    );
    expect(edges).toContain('\r\n');
    const quotedAt = (k: number) => {
      const text = file.toString('latin1');
      const open = text.lastIndexOf('"Riga', k * 65536);
      return open >= 0 && text.indexOf('";Crema', open) >= k * 65536;
    };
    expect([1, 2, 3, 4, 5, 6].some(quotedAt)).toBe(true);
    const sheet = await openSheet(file, 'csv');
    const rows = await all(sheet.rows);
    expect(rows).toHaveLength(20_000);
    rows.forEach((row, n) => {
      const name = n % 20 === 0 ? `Riga ${n};\r\nsu due` : `Riga${String(n).padStart(6, '0')}`;
      expect(row.cells).toEqual([name, 'Crema']);
    });
  });

  it('chunks the non-empty lines, the last chunk shorter', async () => {
    const chunks = await all(chunksOf((await openSheet(FILE, 'csv')).rows, 2));
    expect(chunks.map((c) => c.map((r) => r.line))).toEqual([[2, 4], [5]]);
  });

  it('counts the data lines; one more than the limit is refused', async () => {
    await expect(surveySheet(FILE, 'csv', 3)).resolves.toEqual({
      header: ['Nome', 'Comune'],
      rows: 3,
    });
    await expect(surveySheet(FILE, 'csv', 2)).rejects.toBeInstanceOf(TooManyRowsError);
  });

  it('writes the CSV back with «Esito», line by line, as Excel in Italian opens it', async () => {
    const outcomes = new Map([
      [2, 'creato'],
      [5, 'errore — Comune: =non valido'],
    ]);
    const text = Buffer.concat(await all(await withOutcomes(FILE, 'csv', outcomes))).toString();
    expect(text.split('\r\n')).toEqual([
      '\ufeffNome;Comune;Esito',
      'Anna;Crema;creato',
      ';;',
      'Luca;Offanengo;',
      'Sara;Crema;errore — Comune: =non valido',
      '',
    ]);
  });
});

/** A workbook as Excel saves it: the template's «Istruzioni» first, then the data sheet. */
async function workbook(fill: (data: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(INSTRUCTIONS_SHEET).addRow(['Compila il foglio «Dati»']);
  fill(book.addWorksheet('Dati'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading an XLSX as a stream', () => {
  const born = new Date(Date.UTC(1980, 4, 17));
  let file: Buffer;
  beforeAll(async () => {
    file = await workbook((sheet) => {
      sheet.addRow(['Nome', 'Totale', 'Nato il', 'Seriale']);
      sheet.addRow([
        { richText: [{ text: 'An' }, { font: { bold: true }, text: 'na' }] },
        { formula: '1+2', result: 3 },
        born,
        29358,
      ]);
      sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
      sheet.getRow(4).values = ['Luca', { formula: 'B2*2', result: 6 }];
    });
  });

  it('skips «Istruzioni»: formulas as their results, dates as dates, serials as numbers', async () => {
    const sheet = await openSheet(file, 'xlsx');
    expect(sheet.header).toEqual(['Nome', 'Totale', 'Nato il', 'Seriale']);
    expect(await all(sheet.rows)).toEqual([
      { line: 2, cells: ['Anna', 3, born, 29358] },
      { line: 4, cells: ['Luca', 6, null, null] },
    ]);
    await expect(surveySheet(file, 'xlsx', 2)).resolves.toEqual({ header: sheet.header, rows: 2 });
    await expect(surveySheet(file, 'xlsx', 1)).rejects.toBeInstanceOf(TooManyRowsError);
  });

  it('writes the workbook back with «Esito» on the data sheet', async () => {
    const outcomes = new Map([
      [2, 'creato'],
      [4, 'errore'],
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(
      Buffer.concat(await all(await withOutcomes(file, 'xlsx', outcomes))) as never,
    );
    expect(back.worksheets.map((w) => w.name)).toEqual([INSTRUCTIONS_SHEET, 'Dati']);
    const data = back.getWorksheet('Dati')!;
    const values = (line: number) =>
      Array.from({ length: 5 }, (_, i) => data.getRow(line).getCell(i + 1).value);
    expect(values(1)).toEqual(['Nome', 'Totale', 'Nato il', 'Seriale', 'Esito']);
    expect(values(2)).toEqual(['Anna', 3, born, 29358, 'creato']);
    expect(data.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(values(3)).toEqual([null, null, null, null, null]);
    expect(values(4)).toEqual(['Luca', 6, null, null, 'errore']);
  });

  it('refuses a file that unzips to more than the limits, in all or in shared strings', async () => {
    const big = await workbook((sheet) => {
      sheet.addRow(['Nome']);
      for (let i = 0; i < 100; i++) sheet.addRow([`${'x'.repeat(1000)}${i}`]);
    });
    expect(big.length).toBeLessThan(20_000);
    await expect(
      checkUnzippedSize(big, { total: 1_000_000, sharedStrings: 1_000_000 }),
    ).resolves.toBeUndefined();
    await expect(
      checkUnzippedSize(big, { total: 50_000, sharedStrings: 1_000_000 }),
    ).rejects.toEqual(new UnzippedTooLargeError(50_000));
    await expect(
      checkUnzippedSize(big, { total: 1_000_000, sharedStrings: 90_000 }),
    ).rejects.toEqual(new UnzippedTooLargeError(90_000));
  });
});
