import { chunksOf, openSheet, surveySheet, TooManyRowsError, withOutcomes } from './import-file';

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
