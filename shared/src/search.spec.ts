import { SEARCH_MAX_LENGTH, searchWords } from './search';

describe(searchWords.name, () => {
  it('keeps the words of 3 characters or more, trimmed', () => {
    expect(searchWords('  Tosi  ')).toEqual(['Tosi']);
    expect(searchWords('di Tosi a Crema')).toEqual(['Tosi', 'Crema']);
    expect(searchWords('abc')).toEqual(['abc']);
    expect(searchWords('Nicolò')).toEqual(['Nicolò']);
  });

  it('finds nothing to look up in text under 3 characters or without a word of 3', () => {
    expect(searchWords('ab')).toEqual([]);
    expect(searchWords('  ab  ')).toEqual([]);
    expect(searchWords('ab cd')).toEqual([]);
    expect(searchWords('')).toEqual([]);
  });

  it('takes text up to the maximum length, not one character more', () => {
    expect(searchWords('a'.repeat(SEARCH_MAX_LENGTH))).toHaveLength(1);
    expect(searchWords(' ' + 'a'.repeat(SEARCH_MAX_LENGTH) + ' ')).toHaveLength(1);
    expect(searchWords('a'.repeat(SEARCH_MAX_LENGTH + 1))).toEqual([]);
  });
});
