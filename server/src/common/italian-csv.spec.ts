import { italianCsv, italianNumber } from './italian-csv';

describe('italianCsv', () => {
  it('starts with the byte order mark, separates with ; and ends lines with CRLF', () => {
    const csv = italianCsv(['Nome', 'Patti'], [['Anna Rossi', 3]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Nome;Patti\r\nAnna Rossi;3\r\n');
  });

  it('writes numbers with a decimal comma and quotes text holding ; or quotes', () => {
    expect(italianNumber(66.7)).toBe('66,7');
    expect(italianNumber(-2)).toBe('-2');
    expect(italianCsv(['a', 'b', 'c'], [[0.5, 'x;y', 'dice "sì"']]).slice(1)).toBe(
      'a;b;c\r\n0,5;"x;y";"dice ""sì"""\r\n',
    );
  });

  it('keeps formula-like text as text, leaves other text and negative numbers alone', () => {
    const csv = italianCsv(
      ['v'],
      [['=1+1'], ['+39 333'], ['-x'], ['@SUM(A1)'], ['\tx'], ['a=b'], [-3], [null]],
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      'v',
      "'=1+1",
      "'+39 333",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      'a=b',
      '-3',
      '',
      '',
    ]);
  });
});
