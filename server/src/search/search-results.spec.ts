import { shareResults } from './search-results';

describe(shareResults.name, () => {
  const group = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('keeps every result when they fit', () => {
    expect(shareResults([group('p', 3), group('b', 2), []], 20)).toEqual([
      ['p0', 'p1', 'p2'],
      ['b0', 'b1'],
      [],
    ]);
  });

  it('shares the slots one from each group in turn, first groups first', () => {
    const shared = shareResults([group('p', 20), group('b', 20), group('h', 20)], 20);
    expect(shared.map((g) => g.length)).toEqual([7, 7, 6]);
    expect(shared[0]).toEqual(group('p', 7));
  });

  it('gives the slots a small group leaves to the others', () => {
    const shared = shareResults([group('p', 20), group('b', 1), group('h', 20)], 20);
    expect(shared.map((g) => g.length)).toEqual([10, 1, 9]);
  });

  it('takes exactly max, never more', () => {
    expect(shareResults([group('p', 21)], 20)[0]).toHaveLength(20);
    expect(shareResults([group('p', 19)], 20)[0]).toHaveLength(19);
    expect(shareResults([group('p', 5)], 0)).toEqual([[]]);
  });
});
